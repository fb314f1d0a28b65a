/// Verification up front: the pairs clustering will most likely ask about, measured in
/// parallel before clustering (which is sequential) starts.
extension Deduplicator {
    /// Verifies, in parallel, the candidate pairs clustering will most likely ask about, and
    /// the two-hop checks it will likely make.
    ///
    /// The likely pairs are those of an article that comes before all its strongly linked
    /// candidates in representative `order` (it will be a center: a weakly linked earlier
    /// candidate, sharing fewer than ``strongLink`` band keys, is almost never a version of the
    /// same story). Clustering measures any other pair when it first asks; most candidate
    /// pairs (two members of one story, two stories about the same people) it never asks
    /// about. On the 100k benchmark: 113k pairs verified here, 10k more when asked, 103k of
    /// 226k never; and 28k two-hop checks up front, 1k when asked.
    ///
    /// - Complexity: O(n + p) besides verification (n articles, p candidate pairs), plus
    ///   sorting the two-hop checks.
    func measureLikelyPairs(
        pairs: [UInt64], sharedKeys: [UInt16], neighbors: CandidateGraph, order: [Int], store: FeatureStore,
        verifier: PairVerifier
    ) -> MeasuredEvidence {
        let n = neighbors.count
        let threads = options.threads
        var rank = [Int32](repeating: 0, count: n)
        for (position, article) in order.enumerated() { rank[article] = Int32(position) }
        let byCenter = likelyPairsByCenter(pairs: pairs, sharedKeys: sharedKeys, rank: rank)
        let likelyEvidence = Parallel.mapChunks(count: byCenter.count, threads: threads) { range in
            var scratch = PairVerifier.Scratch()
            return range.map { k in
                verifier.evidence(store[byCenter[k].center], store[byCenter[k].other], firstKey: byCenter[k].center, scratch: &scratch)
            }
        }
        // Candidate pairs' evidence, kept as (lower index, higher index) like the pairs.
        var candidates = [PairEvidence?](repeating: nil, count: pairs.count)
        for (k, e) in likelyEvidence.joined().enumerated() {
            let (c, x, p) = byCenter[k]
            candidates[p] = c < x ? e : e.swapped
        }
        // The two-hop checks clustering will likely make: such a center against the
        // candidates of the articles that are its rewrites, where those are not its own
        // candidates (`center << 32 | article`, sorted and distinct, measured from the
        // center's side).
        var twoHop: [UInt64] = []
        // neighborOf[y] == c: y is a candidate of c (byCenter holds each center's pairs together).
        var neighborOf = [Int32](repeating: -1, count: n)
        for (c, x, p) in byCenter where candidates[p]!.isRewrite {
            if neighborOf[c] != Int32(c) {
                neighborOf[c] = Int32(c)
                for y in neighbors[c] { neighborOf[Int(y)] = Int32(c) }
            }
            for y in neighbors[x] where Int(y) != c && rank[Int(y)] > rank[c] && neighborOf[Int(y)] != Int32(c) {
                twoHop.append(PackedPair.pack(c, Int(y)))
            }
        }
        RadixSort.sort(&twoHop)
        let twoHopChecks = twoHop.removingAdjacentDuplicates()
        let twoHopEvidence = Array(Parallel.mapChunks(count: twoHopChecks.count, threads: threads) { range in
            var scratch = PairVerifier.Scratch()
            return range.map { k in
                let (c, x) = PackedPair.unpack(twoHopChecks[k])
                return verifier.evidence(store[c], store[x], firstKey: c, scratch: &scratch)
            }
        }.joined())
        return MeasuredEvidence(
            candidates: candidates, twoHopChecks: twoHopChecks, twoHopEvidence: twoHopEvidence,
            measuredCandidates: byCenter.count)
    }

    /// The likely centers' pairs, center first, grouped by center so that each center's table
    /// is built once for all its candidates: a stable counting sort by center of the pairs in
    /// their (ascending) order, which leaves each center's others ascending. `p` is the pair's
    /// position in `pairs`.
    ///
    /// An article is a likely center when no strongly linked candidate comes before it in
    /// representative order (`rank`); a pair's likely center is its earlier article if that is
    /// one, else its later one if that is (a later center still tries an article already in a
    /// story, which may share more with it).
    ///
    /// - Complexity: O(n + p).
    private func likelyPairsByCenter(
        pairs: [UInt64], sharedKeys: [UInt16], rank: [Int32]
    ) -> [(center: Int, other: Int, pair: Int)] {
        let n = rank.count
        var isFirst = [Bool](repeating: true, count: n)
        for p in pairs.indices where Int(sharedKeys[p]) >= Self.strongLink {
            let (a, b) = PackedPair.unpack(pairs[p])
            isFirst[rank[a] < rank[b] ? b : a] = false
        }
        func likelyCenter(_ pair: UInt64) -> (center: Int, other: Int)? {
            let (a, b) = PackedPair.unpack(pair)
            let (early, late) = rank[a] < rank[b] ? (a, b) : (b, a)
            if isFirst[early] { return (early, late) }
            return isFirst[late] ? (late, early) : nil
        }
        var centerStarts = [Int](repeating: 0, count: n + 1)
        for pair in pairs {
            if let (c, _) = likelyCenter(pair) { centerStarts[c + 1] += 1 }
        }
        for i in 0..<n { centerStarts[i + 1] += centerStarts[i] }
        var grouped = [(center: Int, other: Int, pair: Int)](repeating: (0, 0, 0), count: centerStarts[n])
        for (p, pair) in pairs.enumerated() {
            guard let (c, x) = likelyCenter(pair) else { continue }
            grouped[centerStarts[c]] = (c, x, p)
            centerStarts[c] += 1
        }
        return grouped
    }
}
