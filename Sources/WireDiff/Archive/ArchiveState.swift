/// The whole-archive state one commit records besides its articles: candidate pairs and
/// their verdicts, other measured pairs, representative order and stories.
///
/// A verdict is the same-story score of a pair, or NaN when the pair is not one story
/// (``PairEvidence/isRewrite``); evidence is symmetric, so a pair is keyed by its lower article
/// first. Verdicts never change: a pair measured once is not measured again.
struct ArchiveState: Sendable {
    /// Candidate pairs `first << 32 | second`, ascending; the band keys each shares; verdicts.
    var pairs: [UInt64] = []
    var shared: [UInt16] = []
    var verdicts: [Double] = []
    /// Other pairs clustering measured.
    var asked = MeasuredPairs()
    /// Article numbers in representative order.
    var order: [Int] = []
    /// Per article: story id and representative article.
    var stories: [Int] = []
    var representatives: [Int] = []
    var nextStoryID = 0
    var storyCount = 0
    /// Story ids this commit retired because their stories joined others.
    var merges: [ArchiveManifest.CommitRecord.Merge] = []

    /// The verdict recorded for `pair`: a score, NaN for "not one story", `nil` when unknown.
    func verdict(_ pair: UInt64) -> Double? {
        if let k = CandidateGraph.index(of: pair, in: pairs) { return verdicts[k] }
        return asked[pair]
    }

    /// The key of the pair of articles `a` and `b`, lower first.
    @inline(__always)
    static func key(_ a: Int, _ b: Int) -> UInt64 {
        PackedPair.ordered(a, b)
    }
}

/// Pairs measured outside the candidate pairs, sorted, with their verdicts.
struct MeasuredPairs: Sendable {
    private(set) var pairs: [UInt64] = []
    private(set) var verdicts: [Double] = []

    init() {}

    /// Pairs and verdicts as stored (pairs ascending, distinct).
    init(pairs: [UInt64], verdicts: [Double]) {
        self.pairs = pairs
        self.verdicts = verdicts
    }

    subscript(pair: UInt64) -> Double? {
        CandidateGraph.index(of: pair, in: pairs).map { verdicts[$0] }
    }

    /// Adds measurements (pairs not present yet).
    mutating func insert(_ more: [UInt64: Double]) {
        guard !more.isEmpty else { return }
        let added = more.keys.sorted()
        var mergedPairs: [UInt64] = [], mergedVerdicts: [Double] = []
        mergedPairs.reserveCapacity(pairs.count + added.count)
        mergedVerdicts.reserveCapacity(pairs.count + added.count)
        var i = 0, j = 0
        while i < pairs.count || j < added.count {
            if j == added.count || (i < pairs.count && pairs[i] < added[j]) {
                mergedPairs.append(pairs[i])
                mergedVerdicts.append(verdicts[i])
                i += 1
            } else {
                mergedPairs.append(added[j])
                mergedVerdicts.append(more[added[j]]!)
                j += 1
            }
        }
        pairs = mergedPairs
        verdicts = mergedVerdicts
    }

    /// The measurements whose articles both survive `remap` (old number → new, `nil` when
    /// removed), renumbered, minus the pairs in `candidates` (which carry their own verdicts).
    func remapped(_ remap: (Int) -> Int?, excluding candidates: [UInt64]) -> MeasuredPairs {
        var kept: [(UInt64, Double)] = []
        for (k, pair) in pairs.enumerated() {
            guard let a = remap(PackedPair.high(pair)), let b = remap(PackedPair.low(pair)) else { continue }
            let key = ArchiveState.key(a, b)
            if CandidateGraph.index(of: key, in: candidates) == nil { kept.append((key, verdicts[k])) }
        }
        kept.sort { $0.0 < $1.0 }
        return MeasuredPairs(pairs: kept.map(\.0), verdicts: kept.map(\.1))
    }
}
