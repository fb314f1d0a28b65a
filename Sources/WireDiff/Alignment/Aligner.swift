/// Aligns the reporting sentences of two documents globally.
///
/// 1. Scores every pair of reporting sentences (``score(_:_:)``) into a matrix.
/// 2. Picks one-to-one links by maximum-weight matching over the pairs scoring at least
///    ``AlignmentOptions/linkThreshold`` (``Hungarian``), so one sentence's best partner is not
///    taken greedily when another sentence needs it more. Order is ignored: reordering is free.
/// 3. Extends links to merges and splits: a sentence joins a link when it scores at least
///    ``AlignmentOptions/extendThreshold`` with a member and the union of the link's other side
///    explains that member better by ``AlignmentOptions/extendMargin`` (the union vector is
///    tested against the sentence). If the joining sentence already belongs to another link,
///    the two links become one (a regrouped passage), up to
///    ``AlignmentOptions/maximumGroupSize`` sentences a side.
///
/// Sentences in no link stay unaligned. Non-reporting sentences (boilerplate, labels) never
/// take part.
///
/// - Complexity: O(n m (t + g)) to score n × m sentences of t terms and g grams, plus
///   O(k³) for the matching of the k sentences that have a link candidate.
struct Aligner: Sendable {
    struct Group: Sendable {
        var a: [Int]
        var b: [Int]
        var score: Double
    }

    let options: AlignmentOptions

    init(options: AlignmentOptions) { self.options = options }

    /// The similarity of two profiles, in [0, 1].
    @inline(__always)
    func score(_ x: SentenceProfile, _ y: SentenceProfile) -> Double {
        let w = options.wordWeight
        return w * Double(x.terms.cosine(y.terms)) + (1 - w) * Double(x.grams.cosine(y.grams))
    }

    func align(_ profilesA: [SentenceProfile], _ profilesB: [SentenceProfile]) -> [Group] {
        let ra = profilesA.indices.filter { !profilesA[$0].isEmpty }
        let rb = profilesB.indices.filter { !profilesB[$0].isEmpty }
        let n = ra.count, m = rb.count
        guard n > 0 && m > 0 else { return [] }
        var matrix = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            let x = profilesA[ra[i]]
            for j in 0..<m { matrix[i * m + j] = score(x, profilesB[rb[j]]) }
        }
        let tau = options.linkThreshold
        // Matching on the rows and columns that have a candidate link.
        let rows = (0..<n).filter { i in (0..<m).contains { matrix[i * m + $0] >= tau } }
        let columns = (0..<m).filter { j in (0..<n).contains { matrix[$0 * m + j] >= tau } }
        var groupOfA = [Int?](repeating: nil, count: n)
        var groupOfB = [Int?](repeating: nil, count: m)
        var groups: [Group?] = []
        if !rows.isEmpty && !columns.isEmpty {
            var costs = [Double](repeating: 0, count: rows.count * columns.count)
            for (r, i) in rows.enumerated() {
                for (c, j) in columns.enumerated() {
                    let s = matrix[i * m + j]
                    costs[r * columns.count + c] = s >= tau ? -s : 0
                }
            }
            let assignment = Hungarian.assign(costs: costs, rows: rows.count, columns: columns.count)
            for (r, c) in assignment.enumerated() {
                guard let c else { continue }
                let i = rows[r], j = columns[c]
                let s = matrix[i * m + j]
                guard s >= tau else { continue }
                groupOfA[i] = groups.count
                groupOfB[j] = groups.count
                groups.append(Group(a: [i], b: [j], score: s))
            }
        }
        // Merges and splits.
        let limit = options.maximumGroupSize
        func unionA(_ members: [Int]) -> SentenceProfile { SentenceProfile.union(members.map { profilesA[ra[$0]] }) }
        func unionB(_ members: [Int]) -> SentenceProfile { SentenceProfile.union(members.map { profilesB[rb[$0]] }) }
        func pairScore(_ i: Int, _ j: Int) -> Double { matrix[i * m + j] }
        /// Tries to explain sentence `x` of one side better by adding `y` of the other side to
        /// its group; `xIsA` tells the side of `x`.
        func extend(_ x: Int, _ y: Int, xIsA: Bool) -> Bool {
            guard let g = xIsA ? groupOfA[x] : groupOfB[x], let group = groups[g] else { return false }
            let others = xIsA ? group.b : group.a
            if others.contains(y) { return false }
            let base: Double, extended: Double
            if xIsA {
                base = score(profilesA[ra[x]], unionB(others))
                extended = score(profilesA[ra[x]], unionB(others + [y]))
            } else {
                base = score(unionA(others), profilesB[rb[x]])
                extended = score(unionA(others + [y]), profilesB[rb[x]])
            }
            guard extended >= base + options.extendMargin else { return false }
            let owner = xIsA ? groupOfB[y] : groupOfA[y]
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
            for i in 0..<n where groupOfA[i] != nil {
                var candidates: [(Double, Int)] = []
                for j in 0..<m where pairScore(i, j) >= options.extendThreshold { candidates.append((pairScore(i, j), j)) }
                candidates.sort { $0.0 > $1.0 }
                for (_, j) in candidates.prefix(4) where extend(i, j, xIsA: true) { changed = true }
            }
            for j in 0..<m where groupOfB[j] != nil {
                var candidates: [(Double, Int)] = []
                for i in 0..<n where pairScore(i, j) >= options.extendThreshold { candidates.append((pairScore(i, j), i)) }
                candidates.sort { $0.0 > $1.0 }
                for (_, i) in candidates.prefix(4) where extend(j, i, xIsA: false) { changed = true }
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
