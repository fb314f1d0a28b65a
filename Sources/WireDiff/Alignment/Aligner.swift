/// Aligns the reporting sentences of two documents globally.
///
/// 1. Scores the candidate pairs of reporting sentences (``score(_:_:)``; candidates share a
///    rare stem, number or synonym, see ``SimilarityMatrix``).
/// 2. Picks one-to-one links by maximum-weight matching over the pairs scoring at least
///    ``AlignmentOptions/linkThreshold`` (``Hungarian``), so one sentence's best partner is not
///    taken greedily when another sentence needs it more. Order is ignored: reordering is free.
/// 3. Extends links to merges and splits: a sentence joins a link when it scores at least
///    ``AlignmentOptions/extendThreshold`` with a member and the union of the link's other side
///    explains that member better by ``AlignmentOptions/extendMargin`` (a larger share of the
///    member's word weight aligns to the union, ``coverage(_:by:)``). If the joining sentence already belongs to another link,
///    the two links become one (a regrouped passage), up to
///    ``AlignmentOptions/maximumGroupSize`` sentences a side.
///
/// Sentences in no link stay unaligned. Non-reporting sentences (boilerplate, labels) never
/// take part.
///
/// - Complexity: near-linear candidate search (``SimilarityMatrix``), one word alignment per
///   candidate pair (at most ``SimilarityMatrix/candidatesPerSentence`` per sentence), plus
///   O(k³) for the matching of each tangle of k sentences linked to each other.
struct Aligner: Sendable {
    struct Group: Sendable {
        var a: [Int]
        var b: [Int]
        var score: Double
    }

    /// Tangles with more sentences a side than this are matched greedily, not by the cubic
    /// Hungarian algorithm.
    static let matchingLimit = 300
    /// A linked sentence tries its this many best-scoring partners for a merge or split.
    static let extensionCandidates = 8

    let options: AlignmentOptions
    let lexicon: Lexicon

    init(options: AlignmentOptions, lexicon: Lexicon) {
        self.options = options
        self.lexicon = lexicon
    }

    /// The similarity of two profiles, in [0, 1]: the IDF-weighted share of their content
    /// words that align (``WordAligner/similarity(_:_:entries:)``) blended with the character
    /// n-gram cosine, raised by shared quoted words (``AlignmentOptions/score(word:character:sharedQuoted:quotedA:quotedB:)``).
    func score(_ x: SentenceProfile, _ y: SentenceProfile) -> Double {
        options.score(
            word: wordScore(x, y), character: Double(x.grams.cosine(y.grams)),
            sharedQuoted: SentenceProfile.sharedCount(x.quoted, y.quoted), quotedA: x.quoted.count, quotedB: y.quoted.count)
    }

    /// The share of `x`'s word weight that aligns to `y`'s words, in [0, 1]: how well `y`
    /// explains `x` (merges and splits).
    func coverage(_ x: SentenceProfile, by y: SentenceProfile) -> Double {
        lexicon.entries.withUnsafeBufferPointer { WordAligner.coverage(x.words, by: y.words, entries: $0) }
    }

    /// The word-alignment part of ``score(_:_:)``.
    func wordScore(_ x: SentenceProfile, _ y: SentenceProfile) -> Double {
        lexicon.entries.withUnsafeBufferPointer { WordAligner.similarity(x.words, y.words, entries: $0) }
    }

    /// The word alignment of two profiles, summed up.
    func wordSummary(_ x: SentenceProfile, _ y: SentenceProfile) -> WordAligner.Summary {
        lexicon.entries.withUnsafeBufferPointer { WordAligner.summary(x.words, y.words, entries: $0) }
    }

    func align(_ profilesA: [SentenceProfile], _ profilesB: [SentenceProfile]) -> [Group] {
        let ra = profilesA.indices.filter { !profilesA[$0].isEmpty }
        let rb = profilesB.indices.filter { !profilesB[$0].isEmpty }
        let n = ra.count, m = rb.count
        guard n > 0 && m > 0 else { return [] }
        let matrix = SimilarityMatrix(ra.map { profilesA[$0] }, rb.map { profilesB[$0] }, aligner: self)
        let tau = options.linkThreshold
        // Maximum-weight matching, per connected component of the candidate links (most
        // components are a single pair, so the cubic matching only runs on the tangles).
        var groupOfA = [Int?](repeating: nil, count: n)
        var groupOfB = [Int?](repeating: nil, count: m)
        var groups: [Group?] = []
        var parent = Array(0..<(n + m))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var hasEdge = [Bool](repeating: false, count: n + m)
        for i in 0..<n {
            for (j, score) in matrix.rows[i] where score >= tau {
                hasEdge[i] = true; hasEdge[n + j] = true
                let ri = find(i), rj = find(n + j)
                if ri != rj { parent[ri] = rj }
            }
        }
        var componentRows: [Int: [Int]] = [:], componentColumns: [Int: [Int]] = [:]
        for i in 0..<n where hasEdge[i] { componentRows[find(i), default: []].append(i) }
        for j in 0..<m where hasEdge[n + j] { componentColumns[find(n + j), default: []].append(j) }
        var links: [(Int, Int)] = []
        for root in componentRows.keys.sorted() {
            let rows = componentRows[root]!, columns = componentColumns[root] ?? []
            if rows.count == 1 && columns.count == 1 { links.append((rows[0], columns[0])); continue }
            var costs = [Double](repeating: 0, count: rows.count * columns.count)
            var columnIndex: [Int: Int] = [:]
            for (c, j) in columns.enumerated() { columnIndex[j] = c }
            for (r, i) in rows.enumerated() {
                for (j, s) in matrix.rows[i] where s >= tau {
                    if let c = columnIndex[j] { costs[r * columns.count + c] = -s }
                }
            }
            guard rows.count <= Aligner.matchingLimit && columns.count <= Aligner.matchingLimit else {
                // A huge tangle (repetitive text): greedy matching, best pairs first.
                var edges: [(Double, Int, Int)] = []
                for i in rows { for (j, s) in matrix.rows[i] where s >= tau { edges.append((s, i, j)) } }
                edges.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
                var usedRow = Set<Int>(), usedColumn = Set<Int>()
                for (_, i, j) in edges where !usedRow.contains(i) && !usedColumn.contains(j) {
                    usedRow.insert(i); usedColumn.insert(j); links.append((i, j))
                }
                continue
            }
            let assignment = Hungarian.assign(costs: costs, rows: rows.count, columns: columns.count)
            for (r, c) in assignment.enumerated() {
                if let c, matrix.score(rows[r], columns[c]) >= tau { links.append((rows[r], columns[c])) }
            }
        }
        for (i, j) in links.sorted(by: { $0.0 < $1.0 }) {
            groupOfA[i] = groups.count
            groupOfB[j] = groups.count
            groups.append(Group(a: [i], b: [j], score: matrix.score(i, j)))
        }
        // Merges and splits.
        let limit = options.maximumGroupSize
        func unionA(_ members: [Int]) -> SentenceProfile { SentenceProfile.union(members.map { profilesA[ra[$0]] }) }
        func unionB(_ members: [Int]) -> SentenceProfile { SentenceProfile.union(members.map { profilesB[rb[$0]] }) }
        /// Tries to explain sentence `x` of one side better by adding `y` of the other side to
        /// its group; `xIsA` tells the side of `x`.
        func extend(_ x: Int, _ y: Int, xIsA: Bool) -> Bool {
            guard let g = xIsA ? groupOfA[x] : groupOfB[x], let group = groups[g] else { return false }
            let others = xIsA ? group.b : group.a
            if others.contains(y) { return false }
            let owner = xIsA ? groupOfB[y] : groupOfA[y]
            let member = xIsA ? profilesA[ra[x]] : profilesB[rb[x]]
            let before = xIsA ? unionB(others) : unionA(others), after = xIsA ? unionB(others + [y]) : unionA(others + [y])
            if owner == nil {
                // A sentence joining on its own: the member must be explained better (more of its
                // word weight aligns), and the sentence must be mostly told by the member (a piece
                // of it, not one that merely shares some of its words), or explain a large part
                // of the member without a figure the member lacks (a clause cut from a longer
                // sentence and appended: "…; United won 2-0 that day, at Old Trafford").
                let gain = coverage(member, by: after) - coverage(member, by: before)
                guard gain >= options.extendMargin else { return false }
                let piece = xIsA ? profilesB[rb[y]] : profilesA[ra[y]]
                let joining = wordSummary(piece, member)
                guard joining.coverageA >= options.extendContainment
                    || (gain >= options.extendGain && joining.unmatchedNumbersA == 0) else { return false }
            } else {
                // Two links becoming one (a regrouped passage): the member's score must rise.
                // (Its coverage rising is not enough: measured, BBC link precision 0.979 → 0.922.)
                guard score(member, after) >= score(member, before) + options.extendMargin else { return false }
            }
            if let h = owner, let other = groups[h] {
                let mergedA = Set(group.a + other.a).sorted(), mergedB = Set(group.b + other.b).sorted()
                guard mergedA.count <= limit && mergedB.count <= limit else { return false }
                let mergedScore = score(unionA(mergedA), unionB(mergedB))
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
        for _ in 0..<2 {
            var changed = false
            // Candidates: sentences scoring at least extendThreshold with the member, or free
            // ones it mostly contains (a short sentence folded into a long merged one scores
            // low by the symmetric score but is all there).
            // Candidates: among the best-scoring partners, those scoring at least
            // extendThreshold, or free ones the member mostly contains (a short sentence folded
            // into a long merged one scores low by the symmetric score but is all there).
            func candidates(_ partners: [(Int, Double)], free: (Int) -> Bool, contained: (Int) -> Bool) -> [Int] {
                var best = partners
                best.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                return best.prefix(Aligner.extensionCandidates)
                    .filter { $0.1 >= options.extendThreshold || (free($0.0) && contained($0.0)) }
                    .prefix(4).map(\.0)
            }
            for i in 0..<n where groupOfA[i] != nil {
                let list = candidates(matrix.rows[i].map { ($0.column, $0.score) }, free: { groupOfB[$0] == nil },
                                      contained: { coverage(profilesB[rb[$0]], by: profilesA[ra[i]]) >= options.extendContainment })
                for j in list where extend(i, j, xIsA: true) { changed = true }
            }
            for j in 0..<m where groupOfB[j] != nil {
                let list = candidates(matrix.columns[j].map { ($0.row, $0.score) }, free: { groupOfA[$0] == nil },
                                      contained: { coverage(profilesA[ra[$0]], by: profilesB[rb[j]]) >= options.extendContainment })
                for i in list where extend(j, i, xIsA: false) { changed = true }
            }
            for k in groups.indices {
                if let group = groups[k] { groups[k]!.score = score(unionA(group.a), unionB(group.b)) }
            }
            if !changed { break }
        }
        return groups.compactMap { $0 }
            .map { Group(a: $0.a.map { ra[$0] }, b: $0.b.map { rb[$0] }, score: $0.score) }
            .sorted { ($0.a.first ?? 0, $0.b.first ?? 0) < ($1.a.first ?? 0, $1.b.first ?? 0) }
    }
}
