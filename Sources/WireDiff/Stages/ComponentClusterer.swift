/// Clusters one *component* of a corpus, the articles linked by pairs verified as one story,
/// into the stories `dedup` (``Deduplicator``) gives them when it clusters the whole corpus.
///
/// Center clustering (``StoryClusterer``) changes an article's story only through a pair it
/// asks about that verifies as one story; it asks about a pair only along candidate links
/// from a center or from an article that verified against it. So when every pair it would
/// ask about between this component and the rest of the corpus verifies as *not* one story,
/// clustering the component alone, over its own candidate links, in the global
/// representative order restricted to it, gives its articles exactly their global stories.
///
/// The caller gives the component's articles (global input indices, ascending, with dates and
/// features), every candidate pair with an article in the component (with an outside one too:
/// a *border* pair) and every pair already verified, with its evidence. Pairs inside the
/// component that clustering asks about and nobody verified yet are verified here, from the
/// center's side, as ``Deduplicator`` does (evidence is symmetric: the other way round only
/// swaps sides). A pair it asks about across the border that nobody verified is answered "not
/// one story" and returned as an *ask*: when the caller finds one of them to be one story, the
/// two components are one and must be clustered again together; when none is, the result is
/// final. `Documentation/Distributed.md` has the argument and the loop.
///
/// - Complexity: that of ``StoryClusterer`` on the component, plus its verifications.
package struct ComponentClusterer {
    package let verifier: PairVerifier

    package init(options: DedupOptions) {
        verifier = PairVerifier(options: options)
    }

    /// A verified pair, or a candidate pair: global indices `a < b`, whether the index made
    /// them candidates, and the evidence (seen from `a`'s side) when it was measured.
    package struct Pair {
        package var a: Int
        package var b: Int
        package var candidate: Bool
        package var evidence: PairEvidence?

        package init(a: Int, b: Int, candidate: Bool, evidence: PairEvidence?) {
            self.a = a
            self.b = b
            self.candidate = candidate
            self.evidence = evidence
        }
    }

    /// One article's story: its representative (a global index) and its evidence against it,
    /// seen from the article's side (`nil` for a representative).
    package struct Assignment: Equatable {
        package var index: Int
        package var representative: Int
        package var evidence: PairEvidence?
    }

    /// Clusters the articles `indices` (ascending global indices; `dates[k]`, `store[k]` are
    /// article `indices[k]`'s) with `pairs`. Returns their assignments, in the order of
    /// `indices`, and the asks across the border (`(lower, higher)` global indices, ascending).
    package func cluster(indices: [Int], dates: [String?], store: FeatureStore, pairs: [Pair]) -> (assignments: [Assignment], asks: [(Int, Int)]) {
        let m = indices.count
        var local: [Int: Int] = [:]
        for (k, i) in indices.enumerated() { local[i] = k }
        // Border articles after the component's own, ascending.
        var border: [Int] = []
        for pair in pairs {
            for i in [pair.a, pair.b] where local[i] == nil {
                local[i] = m + border.count
                border.append(i)
            }
        }
        let global = indices + border
        let n = global.count
        // Known evidence by local pair `lower << 32 | higher`, seen from the global `a`.
        var known: [UInt64: PairEvidence] = [:]
        var links: [UInt64] = []
        func key(_ x: Int, _ y: Int) -> UInt64 { PackedPair.ordered(x, y) }
        for pair in pairs {
            let x = local[pair.a]!, y = local[pair.b]!
            if pair.candidate { links.append(key(x, y)) }
            if let e = pair.evidence { known[key(x, y)] = e }
        }
        links.sort()
        links = links.indices.filter { $0 == 0 || links[$0] != links[$0 - 1] }.map { links[$0] }
        let neighbors = CandidateGraph(count: n, pairs: links)
        // The component in representative order; border articles after it, as centers that
        // take nobody (their own stories are clustered with their components).
        let order = RepresentativeOrder.order(
            count: m,
            key: { RepresentativeOrder.Key(date: dates[$0], sentences: store[$0].sentenceCount, distinct: store[$0].distinctShingles) },
            date: { dates[$0] }) + Array(m..<n)
        /// `x`'s evidence against center `c` from `c`'s side, if known.
        func evidence(_ x: Int, _ c: Int) -> PairEvidence? {
            guard let e = known[key(x, c)] else { return nil }
            return global[c] < global[x] ? e : e.swapped
        }
        var asks: Set<UInt64> = []
        var scratch = PairVerifier.Scratch()
        let clustered = StoryClusterer.cluster(order: order, neighbors: neighbors) { x, c in
            guard c < m else { return nil }
            if let e = evidence(x, c) {
                // One story across the border: the caller merges the components.
                if e.isRewrite && x >= m { asks.insert(key(x, c)) }
                return x < m ? e.storyStrength : nil
            }
            guard x < m else {
                asks.insert(key(x, c))
                return nil
            }
            let e = verifier.evidence(store[c], store[x], firstKey: c, scratch: &scratch)
            known[key(x, c)] = global[c] < global[x] ? e : e.swapped
            return e.storyStrength
        }
        let assignments = (0..<m).map { k -> Assignment in
            let r = clustered[k].representative
            return Assignment(index: global[k], representative: global[r], evidence: r == k ? nil : evidence(k, r)!.swapped)
        }
        let across = asks.map { k -> (Int, Int) in
            let x = global[PackedPair.high(k)], y = global[PackedPair.low(k)]
            return (min(x, y), max(x, y))
        }
        return (assignments, across.sorted { $0 < $1 })
    }
}
