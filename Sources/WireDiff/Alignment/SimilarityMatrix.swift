/// The sentence pairs of two documents worth scoring, and their scores: a sparse similarity
/// join instead of a dense n × m matrix, so two huge inputs stay near-linear.
///
/// 1. **Candidates**: sentences that share a stem, a number value or a WordNet synonym concept
///    (see ``Lexicon``). An inverted index over the other side's keys is probed with each
///    sentence's keys, accumulating the weight they share; keys held by more than
///    ``commonKeyLimit`` sentences of the other side are skipped (they cannot tell sentences
///    apart and would make the join quadratic), and each sentence keeps its
///    ``candidatesPerSentence`` best candidates (Bayardo, Ma & Srikant, "Scaling Up All Pairs
///    Similarity Search", WWW 2007, in spirit). Documents of fewer sentences than these limits
///    get every pair that shares anything.
/// 2. **Scores**: each candidate pair gets ``Aligner/score(_:_:)``.
///
/// - Complexity: O(K log K) to index K keys, O(Σ postings probed) ≤ O(k · ``commonKeyLimit``)
///   for the join, and one word alignment per kept candidate.
struct SimilarityMatrix: Sendable {
    /// Keys shared by more sentences than this are not used to find candidates.
    static let commonKeyLimit = 64
    /// Candidates kept per sentence of either side.
    static let candidatesPerSentence = 24

    /// For each sentence of the first list, its scored candidates (index into the second list,
    /// score), ascending by index.
    var rows: [[(column: Int, score: Double)]]
    /// The same pairs by column: for each sentence of the second list, (row, score).
    var columns: [[(row: Int, score: Double)]]

    init(_ a: [SentenceProfile], _ b: [SentenceProfile], aligner: Aligner) {
        let n = a.count, m = b.count
        let index = SimilarityMatrix.postings(b)
        var pairs: [Int: Set<Int>] = [:]
        var accumulator = [Float](repeating: 0, count: m)
        var touched: [Int] = []
        var byColumn = [[(Int, Float)]](repeating: [], count: m)
        for i in 0..<n {
            for (key, weight) in SimilarityMatrix.keys(a[i]) {
                guard let range = index.range(of: key), range.count <= SimilarityMatrix.commonKeyLimit else { continue }
                for p in range {
                    let j = Int(index.postings[p].sentence)
                    if accumulator[j] == 0 { touched.append(j) }
                    accumulator[j] += weight * index.postings[p].weight
                }
            }
            var found = touched.map { ($0, accumulator[$0]) }
            for j in touched { accumulator[j] = 0 }
            touched.removeAll(keepingCapacity: true)
            found.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for (j, w) in found.prefix(SimilarityMatrix.candidatesPerSentence) {
                pairs[i, default: []].insert(j)
                byColumn[j].append((i, w))
            }
        }
        // The other side's best candidates too, so a sentence with many near-duplicates on
        // the first side keeps its own best.
        for j in 0..<m {
            byColumn[j].sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for (i, _) in byColumn[j].prefix(SimilarityMatrix.candidatesPerSentence) { pairs[i, default: []].insert(j) }
        }
        rows = [[(column: Int, score: Double)]](repeating: [], count: n)
        columns = [[(row: Int, score: Double)]](repeating: [], count: m)
        for i in 0..<n {
            guard let set = pairs[i] else { continue }
            for j in set.sorted() {
                let score = aligner.score(a[i], b[j])
                guard score > 0 else { continue }
                rows[i].append((j, score))
                columns[j].append((i, score))
            }
        }
    }

    /// The score of pair (i, j), 0 when it was not a candidate.
    func score(_ i: Int, _ j: Int) -> Double {
        let row = rows[i]
        var lo = 0, hi = row.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if row[mid].column < j { lo = mid + 1 } else { hi = mid }
        }
        return lo < row.count && row[lo].column == j ? row[lo].score : 0
    }

    /// The keys a sentence is found by: its weighted stems, and its synonym concepts (tagged so
    /// they never equal a stem key).
    private static func keys(_ p: SentenceProfile) -> [(UInt64, Float)] {
        var keys = zip(p.terms.keys, p.terms.weights).map { ($0, $1) }
        for (c, w) in p.concepts { keys.append((c, w)) }
        return keys
    }

    private struct Posting {
        var key: UInt64
        var sentence: Int32
        var weight: Float
    }

    /// An inverted index: postings sorted by key, and where each key's run starts.
    private struct Index {
        var postings: [Posting]
        var starts: UInt64Map
        /// The length of the run starting at each run's first posting.
        var lengths: [Int32]

        func range(of key: UInt64) -> Range<Int>? {
            guard let start = starts[key] else { return nil }
            return Int(start)..<(Int(start) + Int(lengths[Int(start)]))
        }
    }

    private static func postings(_ profiles: [SentenceProfile]) -> Index {
        var list: [Posting] = []
        for (s, p) in profiles.enumerated() {
            for (k, w) in keys(p) { list.append(Posting(key: k, sentence: Int32(s), weight: w)) }
        }
        BucketSort<Posting>.sort(&list) { $0.key }
        var starts = UInt64Map(capacity: max(16, list.count))
        var lengths = [Int32](repeating: 0, count: list.count)
        var first = 0
        for (i, p) in list.enumerated() {
            if i > 0 && list[i - 1].key != p.key { first = i }
            if first == i { starts.set(p.key, Int32(i)) }
            lengths[first] += 1
        }
        return Index(postings: list, starts: starts, lengths: lengths)
    }
}
