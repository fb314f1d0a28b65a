import Dispatch
import Foundation

/// Finds which articles of a corpus are versions of the same story.
///
/// The pipeline: read each article into sentences (boilerplate flagged and skipped) →
/// content-word shingles per sentence → a MinHash signature per sentence, cut into LSH band
/// keys → candidate pairs from shared keys → exact verification of every candidate on
/// sentence-level coverage (``PairVerifier``) → center clustering (``StoryClusterer``).
/// Phases run on all cores and merge deterministically: the same corpus and options give the
/// same clusters on every run.
///
/// Memory: the band-key entries (8 bytes × bands × sentences) during indexing, then the
/// ``StoryFeatures`` of articles that have candidates; the input text is not copied.
public struct Deduplicator: Sendable {
    public var options: DedupOptions
    public var textOptions: TextOptions

    public init(options: DedupOptions = DedupOptions(), textOptions: TextOptions = TextOptions()) {
        self.options = options
        self.textOptions = textOptions
    }

    /// The result of a run: one assignment per input record, in input order.
    public struct Result: Sendable {
        public var assignments: [StoryAssignment]
        public var statistics: DedupStatistics
    }

    /// Clusters `records` into stories.
    public func run(_ records: [CorpusRecord]) throws(DedupError) -> Result {
        let n = records.count
        guard n < CandidateFinder.maximumArticles else {
            throw .tooManyDocuments(count: n, limit: CandidateFinder.maximumArticles - 1)
        }
        var statistics = DedupStatistics()
        statistics.documents = n
        statistics.bytes = records.reduce(0) { $0 + $1.bytes.count }
        let clock = PhaseClock()

        // Shingle and sign: band-key entries of every article, common shingles left out.
        let options = self.options, textOptions = self.textOptions
        let common = CommonShingles.estimate(records, options: options, textOptions: textOptions, minimumShare: options.commonShare)
        statistics.phases.append(("sample", clock.lap()))
        let chunks = Parallel.mapChunks(count: n, threads: options.threads) { range -> [UInt64] in
            var sketcher = PassageSketcher(options: options, common: common)
            var entries: [UInt64] = []
            var keys: [UInt64] = []
            for i in range {
                let document = Document(id: records[i].id, bytes: records[i].bytes, options: textOptions)
                keys.removeAll(keepingCapacity: true)
                sketcher.appendBandKeys(of: document, into: &keys)
                for key in keys { entries.append(CandidateFinder.entry(key: key, article: i)) }
            }
            return entries
        }
        var entries: [UInt64] = []
        entries.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { entries.append(contentsOf: chunk) }
        statistics.bandEntries = entries.count
        statistics.phases.append(("shingle+sign", clock.lap()))

        // Index: candidate pairs and neighbor lists.
        let pairs = CandidateFinder.pairs(entries: &entries, maximumBucket: options.maximumBucket, minimumShared: options.minimumSharedKeys)
        entries = []
        statistics.candidatePairs = pairs.count
        var neighbors = [[Int32]](repeating: [], count: n)
        for pair in pairs {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            neighbors[a].append(Int32(b))
            neighbors[b].append(Int32(a))
        }
        statistics.phases.append(("index", clock.lap()))

        // Verify: exact features of every article with a candidate, then every candidate pair.
        let involved = (0..<n).filter { !neighbors[$0].isEmpty }
        let featureChunks = Parallel.mapChunks(count: involved.count, threads: options.threads) { range in
            var sketcher = PassageSketcher(options: options)
            return range.map { k -> StoryFeatures in
                let i = involved[k]
                return sketcher.features(of: Document(id: records[i].id, bytes: records[i].bytes, options: textOptions))
            }
        }
        var features = [StoryFeatures?](repeating: nil, count: n)
        var k = 0
        for chunk in featureChunks {
            for f in chunk {
                features[involved[k]] = f
                k += 1
            }
        }
        let verifier = PairVerifier(options: options)
        let frozen = features
        let evidenceChunks = Parallel.mapChunks(count: pairs.count, threads: options.threads) { range in
            range.map { p -> PairEvidence in
                let a = Int(pairs[p] >> 32), b = Int(pairs[p] & 0xFFFF_FFFF)
                return verifier.evidence(frozen[a]!, frozen[b]!)
            }
        }
        var known: [UInt64: PairEvidence] = [:]
        known.reserveCapacity(pairs.count)
        var p = 0
        for chunk in evidenceChunks {
            for e in chunk {
                known[pairs[p]] = e
                p += 1
            }
        }
        statistics.phases.append(("verify", clock.lap()))

        // Cluster around likely sources.
        let order = representativeOrder(records, features)
        let assignments = StoryClusterer.cluster(order: order, neighbors: neighbors) { x, c in
            let key = UInt64(min(x, c)) << 32 | UInt64(max(x, c))
            let e: PairEvidence
            if let cached = known[key] {
                e = cached
            } else {
                e = verifier.evidence(frozen[min(x, c)]!, frozen[max(x, c)]!)
                known[key] = e
            }
            return x < c ? e : e.swapped
        }
        statistics.verifiedPairs = known.count
        statistics.rewritePairs = known.values.filter(\.isRewrite).count
        statistics.clusters = Set(assignments.map(\.cluster)).count
        statistics.phases.append(("cluster", clock.lap()))
        return Result(assignments: assignments, statistics: statistics)
    }

    /// Article indices in the order they are considered as story representatives: earliest
    /// date first (undated last), then the most complete version (most sentences of reporting,
    /// then most distinct shingles), then input order.
    func representativeOrder(_ records: [CorpusRecord], _ features: [StoryFeatures?]) -> [Int] {
        (0..<records.count).sorted { a, b in
            let da = records[a].date, db = records[b].date
            if da != db {
                switch (da, db) {
                case let (x?, y?): return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: break
                }
            }
            let sa = features[a]?.sentenceCount ?? 0, sb = features[b]?.sentenceCount ?? 0
            if sa != sb { return sa > sb }
            let ua = features[a]?.distinctShingles ?? 0, ub = features[b]?.distinctShingles ?? 0
            if ua != ub { return ua > ub }
            return a < b
        }
    }
}

/// Measures consecutive phases in seconds.
final class PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the previous lap (or creation).
    func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
