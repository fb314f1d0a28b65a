/// The part of an archive an addition can change, clustered alone: the stories of the rest
/// are proved unchanged instead of clustered again.
///
/// Center clustering (``StoryClusterer``) changes an article's story only through a pair it
/// scores that is one story, and scores pairs only along candidate links from a center or from
/// an article that verified against it (`Documentation/Distributed.md` makes the argument for
/// components clustered apart). So an archive's stories fall into *rewrite components*: the
/// articles linked by pairs recorded as one story (candidate pairs, and the other pairs
/// clustering measured, whose verdicts the archive keeps). An addition changes links only at
/// the new articles and at the old pairs that lose their link (a bucket grown past the limit);
/// the *region* is the rewrite components of those articles. Clustering the region alone, in
/// the representative order restricted to it, gives its articles the stories a clustering of
/// the whole archive gives them, and every other article keeps its story, provided no pair
/// that clustering would score across the region's border is one story:
///
/// 1. **From inside**: a center of the region reaching an outside (*border*) article along a
///    candidate link; the pair is looked up, or measured, as the clustering asks.
/// 2. **From outside**: an outside center reaching a region article through a border article it
///    expands: the border article itself when it is a center (no other center expands a
///    center: one that verified it first would have taken it), else the centers it verified
///    against (its rewrite partners that are centers). Each such center is looked up, or
///    measured, with each region neighbor of the border article.
///
/// A pair across the border that is one story puts the outside article's rewrite component in
/// the region, and the region is clustered again, until no such pair is left. A region of more
/// than half the archive is clustered as the whole archive (``ArchiveUpdate/cluster(_:count:features:)``).
/// Every pair measured is recorded in the state's measured pairs, as a whole clustering
/// records them, so the components stay complete for the next addition.
///
/// - Complexity: O(n + E) per round for n articles and E recorded pairs, plus the clustering
///   of the region and the measurements across its border; rounds are few (the region grows
///   by whole components, and rewrite components are small).
struct ArchiveRegion {
    /// The articles clustered again, ascending; every article when the whole archive was.
    let articles: [Int]
    /// Whether the whole archive was clustered (the region held more than half of it).
    let wholeArchive: Bool
    /// Rounds of clustering the region (1 when the first region was closed).
    let rounds: Int
    /// Pairs measured to prove the border closed (beyond what the clustering itself asked).
    let borderMeasurements: Int
    /// Per article: its story's representative.
    let representatives: [Int]

    /// Clusters the articles of `state` (its pairs, verdicts, measured pairs and order, over
    /// `count` articles) that an addition may have changed: the rewrite components of
    /// `changed` (the new articles and the ends of the pairs that lost their link). Articles
    /// outside the region keep `previous`, their representative before the addition.
    /// Measurements are added to `state.asked`.
    ///
    /// - Throws: ``ArchiveError`` when features cannot be read.
    static func cluster(
        _ state: inout ArchiveState, count n: Int, changed: [Int], previous: [UInt32], update: ArchiveUpdate,
        features: ArchiveUpdate.Features
    ) throws(ArchiveError) -> ArchiveRegion {
        let root = components(state, count: n)
        var chosen = [Bool](repeating: false, count: n)
        for x in changed { chosen[Int(root[x])] = true }
        var verdicts = Verdicts(verifier: PairVerifier(options: update.options), features: features)
        var local = [Int32](repeating: -1, count: n)
        var rounds = 0, borderMeasurements = 0
        while true {
            rounds += 1
            let articles = (0..<n).filter { chosen[Int(root[$0])] }
            if articles.count > n / 2 {
                state.asked.insert(verdicts.measured)
                return ArchiveRegion(
                    articles: Array(0..<n), wholeArchive: true, rounds: rounds, borderMeasurements: borderMeasurements,
                    representatives: try update.cluster(&state, count: n, features: features))
            }
            let round = LocalGraph(articles: articles, state: state, chosen: chosen, root: root, local: &local)
            // 1. Cluster the region, noting the border articles its centers reach as one story.
            let (centers, inside) = clusterInside(round, state: state, verdicts: &verdicts)
            if let failure = verdicts.failure { throw failure }
            // 2. Outside centers reaching the region through a border article they expand.
            var crossings = inside
            if crossings.isEmpty {
                let measuredBefore = verdicts.measured.count
                crossings = crossingsFromOutside(round, state: state, previous: previous, local: local, verdicts: &verdicts)
                borderMeasurements += verdicts.measured.count - measuredBefore
                if let failure = verdicts.failure { throw failure }
            }
            for x in round.global { local[x] = -1 }
            guard crossings.isEmpty else {
                for x in crossings { chosen[Int(root[x])] = true }
                continue
            }
            var representatives = previous.map { Int($0) } + (previous.count..<n).map { _ in -1 }
            for (k, x) in articles.enumerated() { representatives[x] = round.global[centers[k]] }
            state.asked.insert(verdicts.measured)
            return ArchiveRegion(
                articles: articles, wholeArchive: false, rounds: rounds, borderMeasurements: borderMeasurements,
                representatives: representatives)
        }
    }

    /// Clusters the region of `round` in its order. A border article never centers (it is not
    /// in the order) and is never expanded: scored, it answers "not one story", and a pair
    /// that is one story is returned as a crossing.
    ///
    /// - Returns: each region article's center (local numbers), and the border articles found
    ///   to be one story with a region center.
    private static func clusterInside(
        _ round: LocalGraph, state: ArchiveState, verdicts: inout Verdicts
    ) -> (centers: [Int], crossings: [Int]) {
        var crossings: [Int] = []
        let centers = StoryClusterer.centers(order: round.order, neighbors: round.graph) { x, c in
            let v = round.graph.pair(x, c).map { state.verdicts[round.links[$0].index] }
                ?? verdicts.verdict(round.global[x], round.global[c], in: state)
            if v.isNaN { return nil }
            if x >= round.regionCount {
                crossings.append(round.global[x])
                return nil
            }
            return v
        }
        return (centers, crossings)
    }

    /// The outside centers that reach a region article as one story through a border article
    /// they expand. A center is expanded by no other center (one that verified it first would
    /// have taken it); any other article by the centers it verified against. The pairs no one
    /// had recorded are measured into `verdicts`.
    private static func crossingsFromOutside(
        _ round: LocalGraph, state: ArchiveState, previous: [UInt32], local: [Int32], verdicts: inout Verdicts
    ) -> [Int] {
        let m = round.regionCount
        let partners = rewritePartners(of: round.global[m...], in: state, local: local, regionCount: m)
        var crossings: [Int] = []
        for b in m..<round.global.count {
            let border = round.global[b]
            let expanders = Int(previous[border]) == border ? [border] : partners[b - m].filter { Int(previous[$0]) == $0 }
            for c in expanders {
                for z in round.graph[b] where Int(z) < m {
                    if !verdicts.verdict(round.global[Int(z)], c, in: state).isNaN { crossings.append(c) }
                }
            }
        }
        return crossings
    }

    /// Per article, the root of its rewrite component: the articles linked by candidate pairs
    /// and measured pairs whose verdict is one story (union–find with path halving).
    private static func components(_ state: ArchiveState, count n: Int) -> [Int32] {
        var parent = (0..<n).map { Int32($0) }
        parent.withUnsafeMutableBufferPointer { parent in
            func find(_ x: Int) -> Int {
                var x = x
                while Int(parent[x]) != x {
                    parent[x] = parent[Int(parent[x])]
                    x = Int(parent[x])
                }
                return x
            }
            func link(_ pairs: [UInt64], _ verdicts: [Double]) {
                for (k, pair) in pairs.enumerated() where !verdicts[k].isNaN {
                    let a = find(PackedPair.high(pair)), b = find(PackedPair.low(pair))
                    if a != b { parent[max(a, b)] = Int32(min(a, b)) }
                }
            }
            link(state.pairs, state.verdicts)
            link(state.asked.pairs, state.asked.verdicts)
            for x in 0..<n { parent[x] = Int32(find(x)) }
        }
        return parent
    }

    /// For each border article (`border`, local numbers from `regionCount`), its rewrite
    /// partners outside the region: the articles a recorded pair says are one story with it.
    private static func rewritePartners(
        of border: ArraySlice<Int>, in state: ArchiveState, local: [Int32], regionCount m: Int
    ) -> [[Int]] {
        var partners = [[Int]](repeating: [], count: border.count)
        func scan(_ pairs: [UInt64], _ verdicts: [Double]) {
            for (k, pair) in pairs.enumerated() where !verdicts[k].isNaN {
                let (a, b) = PackedPair.unpack(pair)
                let la = Int(local[a]), lb = Int(local[b])
                if la >= m { partners[la - m].append(b) }
                if lb >= m { partners[lb - m].append(a) }
            }
        }
        scan(state.pairs, state.verdicts)
        scan(state.asked.pairs, state.asked.verdicts)
        return partners
    }
}
