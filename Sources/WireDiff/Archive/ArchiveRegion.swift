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
    var articles: [Int]
    /// Whether the whole archive was clustered (the region held more than half of it).
    var wholeArchive: Bool
    /// Rounds of clustering the region (1 when the first region was closed).
    var rounds = 0
    /// Pairs measured to prove the border closed (beyond what the clustering itself asked).
    var borderMeasurements = 0
    /// Per article: its story's representative.
    var representatives: [Int]

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
        var measured: [UInt64: Double] = [:]
        let verifier = PairVerifier(options: update.options)
        var scratch = PairVerifier.Scratch()
        var failure: ArchiveError?
        /// The verdict of the pair `x`, `c` (`c` the center): recorded, or measured from
        /// `c`'s side and recorded.
        func verdict(_ x: Int, _ c: Int) -> Double {
            let key = ArchiveState.key(x, c)
            if let known = state.verdict(key) ?? measured[key] { return known }
            var v = Double.nan
            do throws(ArchiveError) {
                let e = verifier.evidence(try features(c), try features(x), firstKey: c, scratch: &scratch)
                v = e.storyStrength ?? .nan
            } catch {
                failure = failure ?? error
            }
            measured[key] = v
            return v
        }
        var region = ArchiveRegion(articles: [], wholeArchive: false, representatives: [])
        var local = [Int32](repeating: -1, count: n)
        while true {
            region.rounds += 1
            let articles = (0..<n).filter { chosen[Int(root[$0])] }
            if articles.count > n / 2 {
                state.asked.insert(measured)
                return ArchiveRegion(
                    articles: Array(0..<n), wholeArchive: true, rounds: region.rounds, borderMeasurements: region.borderMeasurements,
                    representatives: try update.cluster(&state, count: n, features: features))
            }
            // Local numbers: the region's articles, then its border articles as links reach them.
            var global = articles
            for (k, x) in articles.enumerated() { local[x] = Int32(k) }
            let m = articles.count
            var links: [(pair: UInt64, index: Int)] = []
            for (p, pair) in state.pairs.enumerated() {
                let (a, b) = PackedPair.unpack(pair)
                guard chosen[Int(root[a])] || chosen[Int(root[b])] else { continue }
                for x in [a, b] where local[x] < 0 {
                    local[x] = Int32(global.count)
                    global.append(x)
                }
                links.append((PackedPair.ordered(Int(local[a]), Int(local[b])), p))
            }
            links.sort { $0.pair < $1.pair }
            let graph = CandidateGraph(count: global.count, pairs: links.map(\.pair))
            let order = state.order.compactMap { x -> Int? in
                let k = Int(local[x])
                return k >= 0 && k < m ? k : nil
            }
            // 1. Cluster the region; a border article never centers (it is not in the order)
            //    and is never expanded (scored, it answers "not one story"; one story is a
            //    crossing).
            var crossings: [Int] = []
            let centers = StoryClusterer.centers(order: order, neighbors: graph) { x, c in
                let v = graph.pair(x, c).map { state.verdicts[links[$0].index] } ?? verdict(global[x], global[c])
                if v.isNaN { return nil }
                if x >= m {
                    crossings.append(global[x])
                    return nil
                }
                return v
            }
            if let failure { throw failure }
            // 2. Outside centers reaching the region through a border article they expand.
            if crossings.isEmpty {
                let partners = rewritePartners(of: global[m...], in: state, local: local, regionCount: m)
                for b in m..<global.count {
                    // A center is expanded by no other center (one that verified it first would
                    // have taken it); any other article by the centers it verified against.
                    let expanders = Int(previous[global[b]]) == global[b] ? [global[b]] : partners[b - m].filter { Int(previous[$0]) == $0 }
                    for c in expanders {
                        for z in graph[b] where Int(z) < m {
                            let key = ArchiveState.key(global[Int(z)], c)
                            if state.verdict(key) == nil && measured[key] == nil { region.borderMeasurements += 1 }
                            if !verdict(global[Int(z)], c).isNaN { crossings.append(c) }
                        }
                    }
                }
                if let failure { throw failure }
            }
            for x in global { local[x] = -1 }
            region.articles = articles
            guard !crossings.isEmpty else {
                var representatives = previous.map { Int($0) }
                representatives += (previous.count..<n).map { _ in -1 }
                for (k, x) in articles.enumerated() { representatives[x] = global[centers[k]] }
                region.representatives = representatives
                state.asked.insert(measured)
                return region
            }
            for x in crossings { chosen[Int(root[x])] = true }
        }
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
