/// Groups verified rewrites into stories by center clustering, so similarity never chains.
///
/// Articles are visited in representative order (earliest date first, then the most complete
/// version, then input order). An unassigned article becomes the center of a new story; every
/// unassigned article within two candidate hops of it that *verifies against the center itself*
/// joins. A~B and B~C therefore never put an unrelated A and C together: C joins A's story only
/// if C is a rewrite of A. (Haveliwala, Gionis & Indyk, *Scalable techniques for clustering the
/// web*, 2000, for center clustering of near-duplicates.)
///
/// - Complexity: O(n + E) visits for E candidate edges, plus the verifications.
public enum StoryClusterer {
    /// Assigns every article to a story.
    ///
    /// - Parameters:
    ///   - order: article indices in representative order.
    ///   - neighbors: candidate neighbors per article (symmetric).
    ///   - evidence: the verified evidence of `(article, center)`.
    public static func cluster(
        order: [Int], neighbors: [[Int32]], evidence: (_ article: Int, _ center: Int) -> PairEvidence
    ) -> [StoryAssignment] {
        let n = neighbors.count
        var center = [Int](repeating: -1, count: n)
        var found = [PairEvidence?](repeating: nil, count: n)
        var seen = [Int](repeating: -1, count: n)
        var members: [Int] = []
        for c in order where center[c] < 0 {
            center[c] = c
            seen[c] = c
            members.removeAll(keepingCapacity: true)
            for first in neighbors[c] {
                let x = Int(first)
                if seen[x] != c { seen[x] = c; members.append(x) }
                for second in neighbors[x] {
                    let y = Int(second)
                    if seen[y] != c { seen[y] = c; members.append(y) }
                }
            }
            members.sort()
            for x in members where center[x] < 0 {
                let e = evidence(x, c)
                if e.isRewrite {
                    center[x] = c
                    found[x] = e
                }
            }
        }
        // Number clusters by their representative's input position.
        var number = [Int](repeating: -1, count: n)
        var next = 0
        for i in 0..<n where center[i] == i {
            number[i] = next
            next += 1
        }
        return (0..<n).map { i in
            StoryAssignment(cluster: number[center[i]], representative: center[i], evidence: found[i])
        }
    }
}
