/// All pairwise scores between two lists of sentence profiles, by a sort-merge join on feature
/// keys instead of one vector merge per pair: only keys the two sides share cost anything.
///
/// Equal to computing ``Aligner/score(_:_:)`` for every pair (up to floating-point summation
/// order).
///
/// - Complexity: O(K log K + P) for K features in all and P pairs of postings with equal keys,
///   instead of O(n m (t + g)).
enum SimilarityMatrix {
    private struct Posting {
        var key: UInt64
        var sentence: Int32
        var weight: Float
    }

    /// Row-major `a.count × b.count` scores.
    static func scores(_ a: [SentenceProfile], _ b: [SentenceProfile], options: AlignmentOptions) -> [Double] {
        let n = a.count, m = b.count
        let terms = dots(a.map(\.terms), b.map(\.terms))
        let grams = dots(a.map(\.grams), b.map(\.grams))
        func quoteVector(_ p: SentenceProfile) -> SparseVector {
            SparseVector(keys: p.quoted, weights: [Float](repeating: 1, count: p.quoted.count), norm: 0)
        }
        let quotes = dots(a.map(quoteVector), b.map(quoteVector))
        var result = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            let ta = a[i].terms.norm, ga = a[i].grams.norm
            for j in 0..<m {
                let k = i * m + j
                let tn = ta * b[j].terms.norm, gn = ga * b[j].grams.norm
                let t = tn > 0 ? min(1, terms[k] / tn) : 0
                let g = gn > 0 ? min(1, grams[k] / gn) : 0
                result[k] = options.score(
                    word: Double(t), character: Double(g), sharedQuoted: Int(quotes[k].rounded()),
                    quotedA: a[i].quoted.count, quotedB: b[j].quoted.count)
            }
        }
        return result
    }

    private static func postings(_ vectors: [SparseVector]) -> [Posting] {
        var list: [Posting] = []
        list.reserveCapacity(vectors.reduce(0) { $0 + $1.keys.count })
        for (s, v) in vectors.enumerated() {
            for (k, w) in zip(v.keys, v.weights) { list.append(Posting(key: k, sentence: Int32(s), weight: w)) }
        }
        HashBucketSort.sort(&list) { $0.key }
        return list
    }

    /// Dot products of every pair, row-major.
    private static func dots(_ a: [SparseVector], _ b: [SparseVector]) -> [Float] {
        let m = b.count
        var result = [Float](repeating: 0, count: a.count * m)
        let pa = postings(a), pb = postings(b)
        result.withUnsafeMutableBufferPointer { out in
            pa.withUnsafeBufferPointer { pa in
                pb.withUnsafeBufferPointer { pb in
                    var i = 0, j = 0
                    while i < pa.count && j < pb.count {
                        let key = pa[i].key
                        if key < pb[j].key { i += 1; continue }
                        if pb[j].key < key { j += 1; continue }
                        var iEnd = i, jEnd = j
                        while iEnd < pa.count && pa[iEnd].key == key { iEnd += 1 }
                        while jEnd < pb.count && pb[jEnd].key == key { jEnd += 1 }
                        for x in i..<iEnd {
                            let row = Int(pa[x].sentence) * m, w = pa[x].weight
                            for y in j..<jEnd { out[row + Int(pb[y].sentence)] += w * pb[y].weight }
                        }
                        i = iEnd; j = jEnd
                    }
                }
            }
        }
        return result
    }
}
