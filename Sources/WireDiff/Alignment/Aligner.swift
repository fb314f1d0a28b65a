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

    /// The groups of reporting sentences of `profilesA` and `profilesB` (indices into each),
    /// ordered by their first sentences: one-to-one links (``links(_:rows:columns:)``) grown into
    /// merges and splits (``Grouping``). Empty profiles (non-reporting sentences) take no part.
    func align(_ profilesA: [SentenceProfile], _ profilesB: [SentenceProfile]) -> [Group] {
        let ra = profilesA.indices.filter { !profilesA[$0].isEmpty }
        let rb = profilesB.indices.filter { !profilesB[$0].isEmpty }
        guard !ra.isEmpty && !rb.isEmpty else { return [] }
        let a = ra.map { profilesA[$0] }, b = rb.map { profilesB[$0] }
        let matrix = SimilarityMatrix(a, b, aligner: self)
        var grouping = Grouping(aligner: self, a: a, b: b, links: links(matrix, rows: a.count, columns: b.count), matrix: matrix)
        grouping.extend(matrix)
        return grouping.groups.compactMap { $0 }
            .map { Group(a: $0.a.map { ra[$0] }, b: $0.b.map { rb[$0] }, score: $0.score) }
            .sorted { ($0.a.first ?? 0, $0.b.first ?? 0) < ($1.a.first ?? 0, $1.b.first ?? 0) }
    }

    /// One-to-one links `(row, column)` of the matrix, ordered by row: a maximum-weight
    /// matching over the pairs scoring at least ``AlignmentOptions/linkThreshold``, per
    /// connected component of those pairs (most components are a single pair, so the cubic
    /// matching only runs on the tangles).
    func links(_ matrix: SimilarityMatrix, rows n: Int, columns m: Int) -> [(Int, Int)] {
        var links: [(Int, Int)] = []
        for (rows, columns) in components(matrix, rows: n, columns: m) {
            if rows.count == 1 && columns.count == 1 {
                links.append((rows[0], columns[0]))
            } else if rows.count <= Aligner.matchingLimit && columns.count <= Aligner.matchingLimit {
                links += matchedLinks(matrix, rows: rows, columns: columns)
            } else {
                links += greedyLinks(matrix, rows: rows)
            }
        }
        return links.sorted(by: { $0.0 < $1.0 })
    }

    /// The connected components of the pairs scoring at least the link threshold, as their
    /// rows and columns in increasing order, ordered by their union-find roots.
    /// - Complexity: O(candidate pairs · α) union-find.
    func components(_ matrix: SimilarityMatrix, rows n: Int, columns m: Int) -> [(rows: [Int], columns: [Int])] {
        let tau = options.linkThreshold
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
        return componentRows.keys.sorted().map { (componentRows[$0]!, componentColumns[$0] ?? []) }
    }

    /// The links of one tangle by maximum-weight matching (``Hungarian``).
    /// - Complexity: O(k³) for k rows and columns.
    func matchedLinks(_ matrix: SimilarityMatrix, rows: [Int], columns: [Int]) -> [(Int, Int)] {
        let tau = options.linkThreshold
        var costs = [Double](repeating: 0, count: rows.count * columns.count)
        var columnIndex: [Int: Int] = [:]
        for (c, j) in columns.enumerated() { columnIndex[j] = c }
        for (r, i) in rows.enumerated() {
            for (j, s) in matrix.rows[i] where s >= tau {
                if let c = columnIndex[j] { costs[r * columns.count + c] = -s }
            }
        }
        let assignment = Hungarian.assign(costs: costs, rows: rows.count, columns: columns.count)
        var links: [(Int, Int)] = []
        for (r, c) in assignment.enumerated() {
            if let c, matrix.score(rows[r], columns[c]) >= tau { links.append((rows[r], columns[c])) }
        }
        return links
    }

    /// The links of a huge tangle (repetitive text) by greedy matching, best pairs first.
    /// - Complexity: O(e log e) for e pairs.
    func greedyLinks(_ matrix: SimilarityMatrix, rows: [Int]) -> [(Int, Int)] {
        let tau = options.linkThreshold
        var edges: [(Double, Int, Int)] = []
        for i in rows { for (j, s) in matrix.rows[i] where s >= tau { edges.append((s, i, j)) } }
        edges.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        var usedRow = Set<Int>(), usedColumn = Set<Int>()
        var links: [(Int, Int)] = []
        for (_, i, j) in edges where !usedRow.contains(i) && !usedColumn.contains(j) {
            usedRow.insert(i); usedColumn.insert(j); links.append((i, j))
        }
        return links
    }
}
