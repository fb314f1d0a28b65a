/// The shingles too common in a corpus to be evidence that two sentences are the same passage
/// ("percent", "officials", weekdays, a country every story names), estimated from a
/// deterministic sample of the corpus.
///
/// Passage sketches leave these out, as IDF weighting would give them almost no weight:
/// two unrelated sentences about the same country share them, while a paraphrase keeps its
/// names, numbers and rarer words. Verification still sees every shingle.
///
/// A shingle is common when it occurs in at least `minimumShare` of the sampled articles and
/// in at least `minimumCount` of them (so a five-article corpus does not lose every word).
///
/// - Complexity: O(sampled tokens).
public struct CommonShingles: Sendable {
    /// The common shingle hashes.
    public let hashes: Set<UInt64>
    /// Articles sampled.
    public let sampled: Int

    public init(hashes: Set<UInt64> = [], sampled: Int = 0) {
        self.hashes = hashes
        self.sampled = sampled
    }

    /// Estimates the common shingles of `records` from up to `sampleSize` articles taken at an
    /// even stride.
    public static func estimate(
        _ records: [CorpusRecord], options: DedupOptions, textOptions: TextOptions,
        sampleSize: Int = 4000, minimumShare: Double = 0.02, minimumCount: Int = 3
    ) -> CommonShingles {
        let n = records.count
        guard n > 0 else { return CommonShingles() }
        let count = min(n, sampleSize)
        let sample = (0..<count).map { $0 * n / count }
        let kind = options.shingleKind
        let chunks = Parallel.mapChunks(count: count, threads: options.threads) { range -> [UInt64] in
            var shingler = Shingler(kind: kind)
            var all: [UInt64] = []
            var set: [UInt64] = []
            for k in range {
                let record = records[sample[k]]
                shingler.shingles(of: Document(id: record.id, bytes: record.bytes, options: textOptions), into: &set)
                all.append(contentsOf: set)
            }
            return all
        }
        var all = chunks.flatMap { $0 }
        RadixSort.sort(&all)
        let threshold = max(minimumCount, Int((minimumShare * Double(count)).rounded(.up)))
        var common = Set<UInt64>()
        var start = 0
        while start < all.count {
            var end = start + 1
            while end < all.count && all[end] == all[start] { end += 1 }
            if end - start >= threshold { common.insert(all[start]) }
            start = end
        }
        return CommonShingles(hashes: common, sampled: count)
    }

    /// Whether a shingle is common.
    @inlinable public func contains(_ hash: UInt64) -> Bool { hashes.contains(hash) }
}
