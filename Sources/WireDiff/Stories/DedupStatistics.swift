/// What a dedup run did and how long each phase took.
public struct DedupStatistics: Sendable {
    /// Articles read.
    public var documents = 0
    /// Bytes of article text.
    public var bytes = 0
    /// Postings kept for verification (distinct shingles per sentence, 2 bytes each).
    public var postings = 0
    /// Band-key entries indexed.
    public var bandEntries = 0
    /// Candidate pairs from the LSH index.
    public var candidatePairs = 0
    /// Pairs verified exactly: the candidate pairs clustering needed (not all of them: two
    /// members of one story are never compared with each other) plus two-hop checks against
    /// cluster centers.
    public var verifiedPairs = 0
    /// Verified pairs that are rewrites.
    public var rewritePairs = 0
    /// Stories found (clusters, singletons included).
    public var clusters = 0
    /// Seconds per phase, in pipeline order: shingle, sample, sign, index, verify, cluster.
    public var phases: [(name: String, seconds: Double)] = []

    public init() {}

    /// Adds `seconds` to a phase (a phase that runs in several steps is listed once).
    /// Seconds spent in `phase` (0 if it did not run).
    public func seconds(of phase: String) -> Double {
        phases.first { $0.name == phase }?.seconds ?? 0
    }

    public mutating func add(_ phase: String, seconds: Double) {
        if let k = phases.firstIndex(where: { $0.name == phase }) {
            phases[k].seconds += seconds
        } else {
            phases.append((phase, seconds))
        }
    }
}
