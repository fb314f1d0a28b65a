extension ArchiveRegion {
    /// One round's region in local numbers: its articles `0..<regionCount` (ascending), then
    /// the border articles its candidate links reach, in the order the links reach them.
    struct LocalGraph {
        /// Per local number, the article.
        let global: [Int]
        /// The region's articles: local numbers below this.
        let regionCount: Int
        /// The candidate links touching the region, in local numbers, sorted by pair; `index`
        /// is the link's position in the state's pairs (its verdict's).
        let links: [(pair: UInt64, index: Int)]
        /// ``links`` as adjacency rows.
        let graph: CandidateGraph
        /// The representative order restricted to the region (local numbers).
        let order: [Int]

        /// Numbers `articles` (the region: the articles whose component root is `chosen`) and
        /// the border. `local` is -1 for every article on entry and holds the local numbers on
        /// return; the caller resets the entries of ``global`` when the round is done.
        ///
        /// - Complexity: O(P log P) for the state's P candidate pairs.
        init(articles: [Int], state: ArchiveState, chosen: [Bool], root: [Int32], local: inout [Int32]) {
            var global = articles
            for (k, x) in articles.enumerated() { local[x] = Int32(k) }
            /// The local number of `x`, given the next one when it has none yet.
            func number(_ x: Int) -> Int {
                if local[x] < 0 {
                    local[x] = Int32(global.count)
                    global.append(x)
                }
                return Int(local[x])
            }
            var links: [(pair: UInt64, index: Int)] = []
            for (p, pair) in state.pairs.enumerated() {
                let (a, b) = PackedPair.unpack(pair)
                guard chosen[Int(root[a])] || chosen[Int(root[b])] else { continue }
                links.append((PackedPair.ordered(number(a), number(b)), p))
            }
            links.sort { $0.pair < $1.pair }
            let m = articles.count
            var order: [Int] = []
            for x in state.order where local[x] >= 0 && Int(local[x]) < m { order.append(Int(local[x])) }
            self.global = global
            self.regionCount = m
            self.links = links
            self.graph = CandidateGraph(count: global.count, pairs: links.map(\.pair))
            self.order = order
        }
    }

    /// The verdicts a region's clustering and its border check ask for: the one the state
    /// records, else one measured from the center's side, once, and kept in ``measured``.
    struct Verdicts {
        let verifier: PairVerifier
        let features: ArchiveUpdate.Features
        var scratch = PairVerifier.Scratch()
        /// The pairs measured here (``ArchiveState/key(_:_:)``): their story strength, NaN when
        /// not one story.
        var measured: [UInt64: Double] = [:]
        /// The first error reading features; measuring goes on (the pair is "not one story")
        /// and the caller throws it after the step.
        var failure: ArchiveError?

        init(verifier: PairVerifier, features: ArchiveUpdate.Features) {
            self.verifier = verifier
            self.features = features
        }

        /// The verdict of article `x` with center `c`: recorded, or measured and kept.
        mutating func verdict(_ x: Int, _ c: Int, in state: ArchiveState) -> Double {
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
    }
}
