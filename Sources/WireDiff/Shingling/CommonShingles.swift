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
/// Shingles are identified by their 16-bit posting hash (``StoryFeatures/fold(_:)``), so the
/// set is an 8 KB bitmap with one load per lookup.
///
/// - Complexity: O(sampled postings) to estimate, O(1) per lookup.
package struct CommonShingles: Sendable {
    /// One bit per 16-bit hash (1,024 words, also when no shingle is common: lookups test no
    /// emptiness).
    @usableFromInline let bits: [UInt64]
    /// Articles sampled.
    package let sampled: Int
    /// The number of common shingles.
    package let count: Int

    /// No common shingles.
    package init() {
        self.init(hashes: [], sampled: 0)
    }

    /// The given 16-bit hashes are common.
    package init(hashes: some Sequence<UInt16>, sampled: Int) {
        var bits = [UInt64](repeating: 0, count: 1 << 16 / 64)
        var count = 0
        for hash in hashes {
            let word = Int(hash) >> 6, bit = UInt64(1) << (hash & 63)
            if bits[word] & bit == 0 { count += 1 }
            bits[word] |= bit
        }
        self.bits = bits
        self.sampled = sampled
        self.count = count
    }

    /// Estimates the common shingles of `count` articles, whose features `features` gives,
    /// from up to `sampleSize` of them taken at an even stride.
    package static func estimate(
        count n: Int, features: (Int) -> StoryFeatures,
        sampleSize: Int = 4000, minimumShare: Double = 0.05, minimumCount: Int = 3
    ) -> CommonShingles {
        guard n > 0 else { return CommonShingles() }
        let sample = Self.sample(count: n, sampleSize: sampleSize)
        let count = sample.count
        // Articles containing each hash; `last` stamps the article that last counted it.
        var articles = [UInt32](repeating: 0, count: 1 << 16)
        var last = [UInt32](repeating: .max, count: 1 << 16)
        for (k, article) in sample.enumerated() {
            for hash in features(article).postings where last[Int(hash)] != UInt32(k) {
                last[Int(hash)] = UInt32(k)
                articles[Int(hash)] += 1
            }
        }
        let threshold = max(minimumCount, Int((minimumShare * Double(count)).rounded(.up)))
        let common = (0..<(1 << 16)).filter { Int(articles[$0]) >= threshold }.map { UInt16($0) }
        return CommonShingles(hashes: common, sampled: count)
    }

    /// The articles ``estimate(count:features:sampleSize:minimumShare:minimumCount:)`` samples
    /// out of `n`: up to `sampleSize` of them at an even stride, `k·n / m` for `k < m`,
    /// `m = min(n, sampleSize)`. A distributed run picks the same articles by their position in
    /// the input (`Documentation/Distributed.md`).
    package static func sample(count n: Int, sampleSize: Int = 4000) -> [Int] {
        let m = min(n, sampleSize)
        return (0..<m).map { $0 * n / m }
    }

    /// Whether the shingle with 16-bit hash `hash` is common.
    @inlinable @inline(__always)
    package func contains(hash: UInt16) -> Bool {
        rarity(hash: hash) == 0
    }

    /// 1 when the shingle with 16-bit hash `hash` is not common, 0 when it is: for counting
    /// without a branch (whether a word is common is unpredictable; a branch on it was
    /// mispredicted often enough to take a fifth of the sign phase).
    @inlinable @inline(__always)
    package func rarity(hash: UInt16) -> Int {
        bits.withUnsafeBufferPointer { b in
            Int(truncatingIfNeeded: ~(b[Int(hash &>> 6)] &>> UInt64(hash & 63)) & 1)
        }
    }
}
