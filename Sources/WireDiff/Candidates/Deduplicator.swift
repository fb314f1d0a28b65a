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

    /// Called after each phase with its name, on the thread that called ``run(_:)`` (progress,
    /// memory sampling in benchmarks).
    public var onPhase: (@Sendable (String) -> Void)?

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
        func finish(_ phase: String) {
            statistics.phases.append((phase, clock.lap()))
            onPhase?(phase)
        }

        // Sample which shingles are too common to be evidence.
        let options = self.options, textOptions = self.textOptions
        let common = CommonShingles.estimate(records, options: options, textOptions: textOptions, minimumShare: options.commonShare)
        finish("sample")

        // Shingle and sign: band-key entries of every article.
        var chunks = Parallel.mapChunks(count: n, threads: options.threads) { range -> [UInt64] in
            var sketcher = PassageSketcher(options: options, common: common)
            // Entries go to fixed-size blocks, then into one exactly sized array: a growing
            // array would hold up to twice its entries while it doubles.
            let blockSize = 1 << 16
            var blocks: [[UInt64]] = []
            var keys: [UInt64] = []
            for i in range {
                let document = Document(id: records[i].id, bytes: records[i].bytes, options: textOptions)
                keys.removeAll(keepingCapacity: true)
                sketcher.appendBandKeys(of: document, into: &keys)
                for key in keys {
                    if blocks.isEmpty || blocks[blocks.count - 1].count == blockSize {
                        blocks.append([])
                        blocks[blocks.count - 1].reserveCapacity(blockSize)
                    }
                    blocks[blocks.count - 1].append(CandidateFinder.entry(key: key, article: i))
                }
            }
            var entries: [UInt64] = []
            entries.reserveCapacity(blocks.reduce(0) { $0 + $1.count })
            for b in blocks.indices {
                entries.append(contentsOf: blocks[b])
                blocks[b] = []
            }
            RadixSort.sort(&entries)
            return entries
        }
        statistics.bandEntries = chunks.reduce(0) { $0 + $1.count }
        finish("shingle+sign")

        // Index: candidate pairs, and each article's candidates as compressed rows.
        let pairs = CandidateFinder.pairs(
            sortedChunks: &chunks, maximumBucket: options.maximumBucket, minimumShared: options.minimumSharedKeys,
            memoryBudget: max(1 << 22, n * 384))
        statistics.candidatePairs = pairs.count
        let neighbors = CandidateGraph(count: n, pairs: pairs)
        finish("index")

        // Verify: exact features of every article with a candidate, then every candidate pair.
        let involved = (0..<n).filter { neighbors.degree($0) > 0 }
        var featureChunks = Parallel.mapChunks(count: involved.count, threads: options.threads) { range in
            var sketcher = PassageSketcher(options: options)
            return range.map { k -> StoryFeatures in
                let i = involved[k]
                return sketcher.features(of: Document(id: records[i].id, bytes: records[i].bytes, options: textOptions))
            }
        }
        var features = [StoryFeatures](repeating: StoryFeatures(), count: n)
        var k = 0
        for c in featureChunks.indices {
            for f in featureChunks[c] {
                features[involved[k]] = f
                k += 1
            }
            featureChunks[c] = []
        }
        let verifier = PairVerifier(options: options)
        let frozen = features
        features = []
        let verdictChunks = Parallel.mapChunks(count: pairs.count, threads: options.threads) { range in
            var scratch = PairVerifier.Scratch()
            return range.map { p -> Bool in
                verifier.evidence(frozen[Int(pairs[p] >> 32)], frozen[Int(pairs[p] & 0xFFFF_FFFF)], scratch: &scratch).isRewrite
            }
        }
        let isRewrite = verdictChunks.flatMap { $0 }
        statistics.verifiedPairs = pairs.count
        statistics.rewritePairs = isRewrite.reduce(0) { $0 + ($1 ? 1 : 0) }
        finish("verify")

        // Cluster around likely sources; members' evidence is measured against their center.
        let order = representativeOrder(records, frozen)
        var extra = 0
        var assignments = StoryClusterer.cluster(order: order, neighbors: neighbors.rows) { x, c in
            let key = UInt64(min(x, c)) << 32 | UInt64(max(x, c))
            if let index = CandidateGraph.index(of: key, in: pairs) {
                return isRewrite[index]
            }
            extra += 1
            return verifier.evidence(frozen[x], frozen[c]).isRewrite
        }
        for i in 0..<n where assignments[i].representative != i {
            assignments[i].evidence = verifier.evidence(frozen[i], frozen[assignments[i].representative])
        }
        statistics.verifiedPairs += extra
        statistics.clusters = Set(assignments.map(\.cluster)).count
        finish("cluster")
        return Result(assignments: assignments, statistics: statistics)
    }

    /// Article indices in the order they are considered as story representatives: earliest
    /// date first (undated last), then the most complete version (most sentences of reporting,
    /// then most distinct shingles), then input order.
    func representativeOrder(_ records: [CorpusRecord], _ features: [StoryFeatures]) -> [Int] {
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
            let sa = features[a].sentenceCount, sb = features[b].sentenceCount
            if sa != sb { return sa > sb }
            let ua = features[a].distinctShingles, ub = features[b].distinctShingles
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
