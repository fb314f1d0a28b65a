/// Groups articles into stories around centers, so similarity never chains, and gives every
/// article to the story it shares most with.
///
/// 1. **Centers.** Articles are visited in representative order (earliest date first, then
///    the most complete version, then input order). An article that is not yet a member of a
///    story becomes the center of a new one. From the center, its candidates are tried, and
///    the candidates of every article that verifies *against the center itself* (A~B and B~C
///    never put an unrelated A and C together: C joins A's story only if C is a rewrite of A).
///    An article already in an earlier story is still tried against a later center.
/// 2. **Assignment.** Every article that is not a center joins the center it verified
///    against with the highest score (the earliest center on a tie), not whichever came
///    first: a rewrite that quotes a background passage of another story stays with its own.
///    The callers score by the reporting shared (``PairEvidence/storyStrength``).
///
/// (Haveliwala, Gionis & Indyk, *Scalable techniques for clustering the web*, 2000, for center
/// clustering of near-duplicates.)
///
/// - Complexity: O(n + E) visits for E candidate edges, plus the verifications.
package enum StoryClusterer {
    /// Assigns every article to a story.
    ///
    /// - Parameters:
    ///   - order: article indices in representative order.
    ///   - neighbors: candidate neighbors per article (symmetric).
    ///   - score: how strongly an article is one story with a center (higher joins), or `nil`
    ///     when the two are not one story.
    /// - Returns: one assignment per article; ``StoryAssignment/evidence`` is left `nil` for the
    ///   caller to fill in.
    package static func cluster<Rows: RandomAccessCollection>(
        order: [Int], neighbors: Rows, score: (_ article: Int, _ center: Int) -> Double?
    ) -> [StoryAssignment] where Rows.Index == Int, Rows.Element: Collection, Rows.Element.Element == Int32 {
        let center = centers(order: order, neighbors: neighbors, score: score)
        let n = center.count
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

    /// Each article's center: the clustering of ``cluster(order:neighbors:score:)`` without the
    /// numbering. An article neither in `order` nor taken by a center of it keeps −1 (an
    /// archive clusters part of its articles this way, with the articles around that part
    /// listed in `neighbors` but not in `order`: `ArchiveRegion`).
    ///
    /// - Complexity: O(n + E) visits for E candidate edges, plus the calls to `score`.
    package static func centers<Rows: RandomAccessCollection>(
        order: [Int], neighbors: Rows, score: (_ article: Int, _ center: Int) -> Double?
    ) -> [Int] where Rows.Index == Int, Rows.Element: Collection, Rows.Element.Element == Int32 {
        let n = neighbors.count
        var center = [Int](repeating: -1, count: n)
        var best = [Double](repeating: -.infinity, count: n)
        var isCenter = [Bool](repeating: false, count: n)
        var seen = [Int](repeating: -1, count: n)
        var members: [Int] = []
        for c in order where center[c] < 0 {
            center[c] = c
            isCenter[c] = true
            seen[c] = c
            // Candidates of the center first; then the candidates of each article that
            // verified, each against the center itself.
            members.removeAll(keepingCapacity: true)
            for first in neighbors[c] where seen[Int(first)] != c {
                seen[Int(first)] = c
                members.append(Int(first))
            }
            var next = 0
            while next < members.count {
                let x = members[next]
                next += 1
                guard !isCenter[x], let s = score(x, c) else { continue }
                // Centers are visited in order, so an earlier center keeps a tie.
                if s > best[x] {
                    best[x] = s
                    center[x] = c
                }
                for second in neighbors[x] where seen[Int(second)] != c {
                    seen[Int(second)] = c
                    members.append(Int(second))
                }
            }
        }
        return center
    }
}
