extension Aligner {
    /// Step 3 of ``Aligner``: one-to-one links grown into merges and splits.
    ///
    /// A sentence joins a group when it scores at least ``AlignmentOptions/extendThreshold``
    /// with a member and the union of the group's other side explains that member better by
    /// ``AlignmentOptions/extendMargin``; a sentence of another group brings its group along
    /// (a regrouped passage), up to ``AlignmentOptions/maximumGroupSize`` sentences a side.
    /// Indices are into the reporting sentences `a` and `b`.
    ///
    /// - Complexity: at most two rounds of ``Aligner/extensionCandidates`` tries per linked
    ///   sentence, each a few word alignments of unions.
    struct Grouping {
        let aligner: Aligner
        let a: [SentenceProfile]
        let b: [SentenceProfile]
        /// The group of each sentence of `a` and of `b`, if any.
        var groupOfA: [Int?]
        var groupOfB: [Int?]
        /// The groups; a group merged into another is `nil`.
        var groups: [Group?] = []

        /// One group per link `(i, j)`, in the order of the links.
        init(aligner: Aligner, a: [SentenceProfile], b: [SentenceProfile], links: [(Int, Int)], matrix: SimilarityMatrix) {
            self.aligner = aligner
            self.a = a
            self.b = b
            groupOfA = [Int?](repeating: nil, count: a.count)
            groupOfB = [Int?](repeating: nil, count: b.count)
            for (i, j) in links {
                groupOfA[i] = groups.count
                groupOfB[j] = groups.count
                groups.append(Group(a: [i], b: [j], score: matrix.score(i, j)))
            }
        }

        func unionA(_ members: [Int]) -> SentenceProfile { SentenceProfile.union(members.map { a[$0] }) }
        func unionB(_ members: [Int]) -> SentenceProfile { SentenceProfile.union(members.map { b[$0] }) }

        /// Up to two rounds of ``round(_:)``, each followed by rescoring every group; stops
        /// early when a round changes nothing.
        mutating func extend(_ matrix: SimilarityMatrix) {
            for _ in 0..<2 {
                let changed = round(matrix)
                for k in groups.indices {
                    if let group = groups[k] { groups[k]!.score = aligner.score(unionA(group.a), unionB(group.b)) }
                }
                if !changed { break }
            }
        }

        /// Every linked sentence of `a`, then of `b`, tries its ``candidates(_:free:contained:)``;
        /// whether any joined.
        mutating func round(_ matrix: SimilarityMatrix) -> Bool {
            let containment = aligner.options.extendContainment
            var changed = false
            for i in a.indices where groupOfA[i] != nil {
                let list = candidates(matrix.rows[i].map { ($0.column, $0.score) }, free: { groupOfB[$0] == nil },
                                      contained: { aligner.coverage(b[$0], by: a[i]) >= containment })
                for j in list where join(i, j, xIsA: true) { changed = true }
            }
            for j in b.indices where groupOfB[j] != nil {
                let list = candidates(matrix.columns[j].map { ($0.row, $0.score) }, free: { groupOfA[$0] == nil },
                                      contained: { aligner.coverage(a[$0], by: b[j]) >= containment })
                for i in list where join(j, i, xIsA: false) { changed = true }
            }
            return changed
        }

        /// Among a sentence's best-scoring partners, those scoring at least extendThreshold, or
        /// free ones the member mostly contains (a short sentence folded into a long merged one
        /// scores low by the symmetric score but is all there); at most four.
        func candidates(_ partners: [(Int, Double)], free: (Int) -> Bool, contained: (Int) -> Bool) -> [Int] {
            var best = partners
            best.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return best.prefix(Aligner.extensionCandidates)
                .filter { $0.1 >= aligner.options.extendThreshold || (free($0.0) && contained($0.0)) }
                .prefix(4).map(\.0)
        }

        /// Tries to explain sentence `x` of one side better by adding `y` of the other side to
        /// its group (with `y`'s own group, if it has one); `xIsA` tells the side of `x`.
        mutating func join(_ x: Int, _ y: Int, xIsA: Bool) -> Bool {
            guard let g = xIsA ? groupOfA[x] : groupOfB[x], let group = groups[g] else { return false }
            let others = xIsA ? group.b : group.a
            if others.contains(y) { return false }
            let owner = xIsA ? groupOfB[y] : groupOfA[y]
            guard explainsBetter(x, y, xIsA: xIsA, others: others, owned: owner != nil) else { return false }
            let limit = aligner.options.maximumGroupSize
            if let h = owner, let other = groups[h] {
                let mergedA = Set(group.a + other.a).sorted(), mergedB = Set(group.b + other.b).sorted()
                guard mergedA.count <= limit && mergedB.count <= limit else { return false }
                let mergedScore = aligner.score(unionA(mergedA), unionB(mergedB))
                guard mergedScore >= min(group.score, other.score) else { return false }
                let keep = min(g, h), drop = max(g, h)
                groups[drop] = nil
                groups[keep] = Group(a: mergedA, b: mergedB, score: mergedScore)
                for k in mergedA { groupOfA[k] = keep }
                for k in mergedB { groupOfB[k] = keep }
            } else if xIsA {
                guard group.b.count < limit else { return false }
                groups[g]!.b = (group.b + [y]).sorted()
                groupOfB[y] = g
            } else {
                guard group.a.count < limit else { return false }
                groups[g]!.a = (group.a + [y]).sorted()
                groupOfA[y] = g
            }
            return true
        }

        /// Whether adding `y` to `others` (the other side of `x`'s group) explains `x` better
        /// enough for `y` to join; `owned` tells whether `y` belongs to another group.
        func explainsBetter(_ x: Int, _ y: Int, xIsA: Bool, others: [Int], owned: Bool) -> Bool {
            let options = aligner.options
            let member = xIsA ? a[x] : b[x]
            let before = xIsA ? unionB(others) : unionA(others), after = xIsA ? unionB(others + [y]) : unionA(others + [y])
            guard !owned else {
                // Two links becoming one (a regrouped passage): the member's score must rise.
                // (Its coverage rising is not enough: measured, BBC link precision 0.979 → 0.922.)
                return aligner.score(member, after) >= aligner.score(member, before) + options.extendMargin
            }
            // A sentence joining on its own: the member must be explained better (more of its
            // word weight aligns), and the sentence must be mostly told by the member (a piece
            // of it, not one that merely shares some of its words), or explain a large part
            // of the member without a figure the member lacks (a clause cut from a longer
            // sentence and appended: "…; United won 2-0 that day, at Old Trafford").
            let gain = aligner.coverage(member, by: after) - aligner.coverage(member, by: before)
            guard gain >= options.extendMargin else { return false }
            let piece = xIsA ? b[y] : a[y]
            let joining = aligner.wordSummary(piece, member)
            return joining.coverageA >= options.extendContainment
                || (gain >= options.extendGain && joining.unmatchedNumbersA == 0)
        }
    }
}
