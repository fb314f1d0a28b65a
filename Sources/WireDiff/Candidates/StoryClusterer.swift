/// Groups verified rewrites into stories by center clustering, so similarity never chains.
///
/// Articles are visited in representative order (earliest date first, then the most complete
/// version, then input order). An unassigned article becomes the center of a new story; every
/// unassigned candidate of it, or of an article that joined, that *verifies against the
/// center itself* joins. A~B and B~C therefore never put an unrelated A and C together: C joins A's story only
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
    ///   - isRewrite: whether an article verifies as a rewrite of a center.
    /// - Returns: one assignment per article; ``StoryAssignment/evidence`` is left `nil` for the
    ///   caller to fill in.
    public static func cluster<Rows: RandomAccessCollection>(
        order: [Int], neighbors: Rows, isRewrite: (_ article: Int, _ center: Int) -> Bool
    ) -> [StoryAssignment] where Rows.Index == Int, Rows.Element: Collection, Rows.Element.Element == Int32 {
        let n = neighbors.count
        var center = [Int](repeating: -1, count: n)
        var seen = [Int](repeating: -1, count: n)
        var members: [Int] = []
        for c in order where center[c] < 0 {
            center[c] = c
            seen[c] = c
            // Candidates of the center first; then the candidates of each article that joined,
            // each verified against the center itself.
            members.removeAll(keepingCapacity: true)
            for first in neighbors[c] where seen[Int(first)] != c {
                seen[Int(first)] = c
                members.append(Int(first))
            }
            var next = 0
            while next < members.count {
                let x = members[next]
                next += 1
                guard center[x] < 0 else { continue }
                guard isRewrite(x, c) else { continue }
                center[x] = c
                for second in neighbors[x] where seen[Int(second)] != c {
                    seen[Int(second)] = c
                    members.append(Int(second))
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
            StoryAssignment(cluster: number[center[i]], representative: center[i], evidence: nil)
        }
    }
}
