/// The evidence of every pair one ``Deduplicator`` run verifies, each pair once: the
/// candidate pairs (verified up front or when clustering first asks), the two-hop checks
/// verified up front, and the other pairs clustering asked about.
///
/// Evidence is symmetric (measured the other way round it only swaps sides), so a pair is
/// kept once and handed out from the side asked for.
struct MeasuredEvidence {
    /// The candidate pairs' evidence, from the lower index's side like the pairs; `nil` until
    /// measured.
    var candidates: [PairEvidence?]
    /// The two-hop checks verified up front, `center << 32 | article`, sorted and distinct.
    let twoHopChecks: [UInt64]
    /// Their evidence, from the center's side, in the order of ``twoHopChecks``.
    let twoHopEvidence: [PairEvidence]
    /// Pairs that are neither, measured when clustering asked, from the center's side.
    var asked: [UInt64: PairEvidence] = [:]
    /// The candidate pairs measured so far.
    var measuredCandidates: Int

    /// Every pair verified: candidates, two-hop checks and asked pairs.
    var verifiedPairs: Int { measuredCandidates + twoHopChecks.count + asked.count }

    /// The evidence of article `x` against center `c`, from `c`'s side, if it was measured.
    ///
    /// - Complexity: O(log d) for a candidate pair (d: `x`'s candidates), O(log t) for a
    ///   two-hop check (t: the checks), O(1) for an asked pair.
    func known(_ x: Int, against c: Int, in neighbors: CandidateGraph) -> PairEvidence? {
        if let index = neighbors.pair(x, c) { return candidates[index].map { c < x ? $0 : $0.swapped } }
        let key = PackedPair.pack(c, x)
        if let k = CandidateGraph.index(of: key, in: twoHopChecks) { return twoHopEvidence[k] }
        return asked[key]
    }

    /// Keeps `evidence`, measured for article `x` against center `c` from `c`'s side.
    mutating func record(_ evidence: PairEvidence, of x: Int, against c: Int, in neighbors: CandidateGraph) {
        if let index = neighbors.pair(x, c) {
            candidates[index] = c < x ? evidence : evidence.swapped
            measuredCandidates += 1
        } else {
            asked[PackedPair.pack(c, x)] = evidence
        }
    }
}
