import Dispatch
import Foundation

/// Finds which articles of a corpus are versions of the same story.
///
/// The pipeline: read each article once into sentences (boilerplate flagged and skipped) and
/// content-word shingles per sentence, packed as ``StoryFeatures`` in a ``FeatureStore`` →
/// sample which shingles are too common to be evidence (``CommonShingles``) → a MinHash
/// signature per sentence, cut into LSH band keys, a few bands at a time → candidate pairs
/// from shared keys (``CandidateFinder``) → exact verification of every candidate on
/// sentence-level coverage (``PairVerifier``) → center clustering (``StoryClusterer``).
/// Phases run on all cores and merge deterministically: the same corpus and options give the
/// same clusters on every run and any thread count.
///
/// Memory: the postings (2 bytes per distinct shingle of each sentence), plus, while
/// indexing, the band-key entries of one band group (8 bytes × bands in the group ×
/// sentences; groups are sized to about ``indexBytesPerArticle`` per article), the articles of
/// every shared bucket (4 bytes each) and the pair occurrences being counted (about half of
/// ``indexBytesPerArticle`` per article at a time). ``run(reading:with:batchBytes:onSkip:)``
/// streams the text, one batch at a time; ``run(_:)`` works on text the caller holds.
/// Measured on the generated 100k corpus, streamed: peak 373 MB resident for 267.5 MB of text
/// (see `Documentation/Dedup.md`).
public struct Deduplicator: Sendable {
    public var options: DedupOptions
    public var textOptions: TextOptions

    /// Candidates sharing at least this many band keys are *strongly linked*: when an article
    /// has no strongly linked candidate before it in representative order, its pairs are
    /// verified up front, in parallel, as it will most likely be a center. Measured on the
    /// 100k benchmark (pairs verified up front / measured in all / verify + cluster wall s):
    /// any link 52k / 121k / 0.66; 6 keys 89k / 121k / 0.57; 12 keys 113k / 123k / 0.54;
    /// 16 keys 123k / 125k / 0.57. Clusters are the same whatever the value.
    static let strongLink = 12

    /// The common shingles to leave out of sketches instead of those sampled from the corpus,
    /// and the band grouping to use instead of the one the corpus's size suggests: an archive
    /// keeps both from its creation (`Documentation/Archive.md`), and its answers are those of
    /// a run with them.
    var fixedCommon: CommonShingles?
    var fixedBandsPerGroup: Int?

    /// The band-key entries of one indexing pass may take about this many bytes per article.
    public static let indexBytesPerArticle = 1024

    public init(options: DedupOptions = DedupOptions(), textOptions: TextOptions = TextOptions()) {
        self.options = options
        self.textOptions = textOptions
    }

    /// The result of a run: one assignment per input record, in input order.
    public struct Result: Sendable {
        public var assignments: [StoryAssignment]
        public var statistics: DedupStatistics
    }

    /// Called after each phase (and after each band group's sign and index steps) with its
    /// name, on the thread that called ``run(_:)`` (progress, memory sampling in benchmarks).
    public var onPhase: (@Sendable (String) -> Void)?

    /// Clusters `records` into stories.
    public func run(_ records: [CorpusRecord]) throws(DedupError) -> Result {
        let n = records.count
        guard n < CandidateFinder.maximumArticles else {
            throw .tooManyDocuments(count: n, limit: CandidateFinder.maximumArticles - 1)
        }
        var phases = Phases(onPhase: onPhase)
        phases.statistics.documents = n
        phases.statistics.bytes = records.reduce(0) { $0 + $1.bytes.count }
        // Read every article once into postings.
        let store = FeatureStore(
            records, kind: options.shingleKind, minimumShingles: options.minimumSentenceShingles,
            textOptions: textOptions, threads: options.threads)
        phases.finish("shingle")
        return cluster(store, records, &phases)
    }

    /// Reads the corpus at `paths` with `reader` and clusters it into stories, in one pass:
    /// each batch of about `batchBytes` of text (``CorpusReader/read(paths:batchBytes:onSkip:batch:)``)
    /// is read into features as it arrives and its text released, so the corpus's text is
    /// never in memory at once (memory: the features and the indexing structures, plus one
    /// batch). The result is the same for any batch size.
    ///
    /// Returns the records in input order with their ids, dates and sources but no text
    /// (`bytes` empty), and the result. Statistics count reading as phase `read`.
    ///
    /// - Throws: the reader's ``InputError``, or ``DedupError``.
    public func run(
        reading paths: [String], with reader: CorpusReader = CorpusReader(), batchBytes: Int = CorpusReader.batchBytes,
        onSkip: (InputError) -> Void = { _ in }
    ) throws -> (records: [CorpusRecord], result: Result) {
        var phases = Phases(onPhase: onPhase)
        let features = FeatureReader(
            kind: options.shingleKind, minimumShingles: options.minimumSentenceShingles, textOptions: textOptions,
            threads: options.threads)
        let (records, store, bytes) = try features.read(paths: paths, with: reader, batchBytes: batchBytes, onSkip: onSkip) {
            phases.finish($0)
        }
        phases.finish("read")
        guard records.count < CandidateFinder.maximumArticles else {
            throw DedupError.tooManyDocuments(count: records.count, limit: CandidateFinder.maximumArticles - 1)
        }
        // The batches' text was freed in many small blocks: hand that memory back.
        AllocatorTuning.releaseFreeMemory()
        phases.statistics.documents = records.count
        phases.statistics.bytes = bytes
        return (records, cluster(store, records, &phases))
    }

    /// Phase timing for a run: statistics, the clock, and the caller's hook.
    struct Phases {
        var statistics = DedupStatistics()
        let clock = PhaseClock()
        let onPhase: (@Sendable (String) -> Void)?

        mutating func finish(_ phase: String) {
            statistics.add(phase, seconds: clock.lap())
            onPhase?(phase)
        }
    }

    /// The phases after reading: sample, sign, index, verify and cluster `records` (only their
    /// ids and dates are used) from their features.
    private func cluster(_ store: FeatureStore, _ records: [CorpusRecord], _ phases: inout Phases) -> Result {
        let n = records.count
        let options = self.options
        phases.statistics.postings = store.postingCount
        func finish(_ phase: String) { phases.finish(phase) }

        let (pairs, sharedKeys) = candidatePairs(store, &phases)
        let neighbors = CandidateGraph(count: n, pairs: pairs)
        finish("index")

        let verifier = PairVerifier(options: options)
        let order = representativeOrder(records, store)
        var evidence = measureLikelyPairs(
            pairs: pairs, sharedKeys: sharedKeys, neighbors: neighbors, order: order, store: store, verifier: verifier)
        finish("verify")

        // Cluster around likely sources; a pair not measured up front is measured the first
        // time clustering asks, from the center's side.
        var scratch = PairVerifier.Scratch()
        var assignments = StoryClusterer.cluster(order: order, neighbors: neighbors) { x, c in
            let e: PairEvidence
            if let known = evidence.known(x, against: c, in: neighbors) {
                e = known
            } else {
                e = verifier.evidence(store[c], store[x], firstKey: c, scratch: &scratch)
                evidence.record(e, of: x, against: c, in: neighbors)
            }
            return e.storyStrength
        }
        // Members' evidence is against their center, seen from the member's side; every
        // member was measured against its center when it joined.
        for m in 0..<n where assignments[m].representative != m {
            assignments[m].evidence = evidence.known(m, against: assignments[m].representative, in: neighbors)!.swapped
        }
        phases.statistics.verifiedPairs = evidence.verifiedPairs
        phases.statistics.rewritePairs = evidence.candidates.reduce(0) { $0 + ($1?.isRewrite == true ? 1 : 0) }
        phases.statistics.clusters = Set(assignments.map(\.cluster)).count
        finish("cluster")
        return Result(assignments: assignments, statistics: phases.statistics)
    }

    /// The candidate pairs of the articles in `store` (`first << 32 | second`, first < second,
    /// ascending) and the band keys each pair shares: sample, sign and index, band group by
    /// band group (with ``fixedCommon`` and ``fixedBandsPerGroup`` when set).
    func candidatePairs(_ store: FeatureStore, _ phases: inout Phases) -> (pairs: [UInt64], sharedKeys: [UInt16]) {
        let n = store.count
        let options = self.options
        // Sample which shingles are too common to be evidence.
        let common = fixedCommon ?? CommonShingles.estimate(count: n, features: { store[$0] }, minimumShare: options.commonShare)
        phases.finish("sample")

        // Sign and index, band group by band group: the shared buckets of every group, then the
        // pairs that share enough keys across all of them. A key is a bucket within its group
        // only: two bands' keys meet when they fall in one group.
        let lsh = options.effectiveLSH
        let bandsPerGroup = fixedBandsPerGroup ?? Self.bandsPerGroup(articles: n, sentences: store.sentenceCount, bands: lsh.bands)
        var buckets: CandidateFinder.Buckets = []
        for first in stride(from: 0, to: lsh.bands, by: bandsPerGroup) {
            let bands = first..<min(lsh.bands, first + bandsPerGroup)
            var chunks = Self.partitionedEntries(store, bands: bands, options: options, lsh: lsh, common: common)
            phases.statistics.bandEntries += chunks.reduce(0) { $0 + $1.count }
            phases.finish("sign")
            buckets += CandidateFinder.buckets(&chunks, threads: options.threads)
            phases.finish("index")
        }
        let (pairs, sharedKeys) = CandidateFinder.counted(
            buckets: buckets, maximumBucket: options.maximumBucket, minimumShared: options.minimumSharedKeys,
            memoryBudget: max(1 << 22, n * Self.indexBytesPerArticle / 2), threads: options.threads)
        buckets = []
        phases.statistics.candidatePairs = pairs.count
        return (pairs, sharedKeys)
    }

    /// Bands signed and indexed together for `articles` articles with `sentences` kept
    /// sentences: as few groups as ``indexBytesPerArticle`` allows, of equal size (8 bands in
    /// two groups of 4 on news).
    static func bandsPerGroup(articles n: Int, sentences: Int, bands: Int) -> Int {
        let perBand = max(1, sentences * 8)
        let fitting = max(1, n * indexBytesPerArticle / perBand)
        let groups = (bands + fitting - 1) / fitting
        return (bands + groups - 1) / groups
    }

    /// The candidate pairs of `records` (`first << 32 | second`, first < second, ascending),
    /// as ``run(_:)`` finds them, with the features it reads: for tools that study the
    /// same-story decision (`WireDiffBenchmarks evidence`).
    package func candidatePairs(of records: [CorpusRecord]) -> (store: FeatureStore, pairs: [UInt64]) {
        let store = FeatureStore(
            records, kind: options.shingleKind, minimumShingles: options.minimumSentenceShingles,
            textOptions: textOptions, threads: options.threads)
        var phases = Phases(onPhase: nil)
        return (store, candidatePairs(store, &phases).pairs)
    }

    /// The band-key entries (``CandidateFinder/entry(key:article:)``) of every article for
    /// `bands`, in chunks (one per worker's run of articles) ordered by top byte.
    static func partitionedEntries(
        _ store: FeatureStore, bands: Range<Int>, options: DedupOptions, lsh: LSHParameters, common: CommonShingles
    ) -> [[UInt64]] {
        Parallel.mapChunks(count: store.count, threads: options.threads) { range -> [UInt64] in
            var sketcher = PassageSketcher(options: options, common: common, lsh: lsh)
            // Every kept sentence gives one key per band: the array is sized exactly up front
            // (a growing array would hold up to twice its entries while it doubles).
            let total = range.reduce(0) { $0 + store[$1].sentenceCount } * bands.count
            var entries = [UInt64](unsafeUninitializedCapacity: total) { buffer, initialized in
                for i in range {
                    sketcher.forEachBandKey(of: store[i], bands: bands) { key in
                        buffer[initialized] = CandidateFinder.entry(key: key, article: i)
                        initialized += 1
                    }
                }
            }
            RadixSort.partitionByTopByte(&entries)
            return entries
        }
    }

    /// Article indices in the order they are considered as story representatives
    /// (``RepresentativeOrder``).
    func representativeOrder(_ records: [CorpusRecord], _ features: FeatureStore) -> [Int] {
        RepresentativeOrder.order(
            count: records.count,
            key: { RepresentativeOrder.Key(date: records[$0].date, sentences: features[$0].sentenceCount, distinct: features[$0].distinctShingles) },
            date: { records[$0].date })
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
