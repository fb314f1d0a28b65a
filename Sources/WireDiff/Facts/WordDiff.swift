/// A word-level diff by longest common subsequence over tokens (Hunt & McIlroy, 1976): whole
/// words only, never parts of words, compared by their normalized hash (case and quote style
/// aside).
///
/// - Complexity: O(n m) time and memory for n and m tokens.
enum WordDiff {
    /// The diff of the tokens of sentences `sa` of `a` against sentences `sb` of `b`.
    static func diff(_ a: AnalyzedDocument, _ sa: [Int], _ b: AnalyzedDocument, _ sb: [Int]) -> [WordDiffOp] {
        let ta = sa.flatMap { Array(a.sentenceTokens[$0]) }
        let tb = sb.flatMap { Array(b.sentenceTokens[$0]) }
        let ha = ta.map { a.tokens[$0].hash }, hb = tb.map { b.tokens[$0].hash }
        let n = ha.count, m = hb.count
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        let width = m + 1
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * width + j] = ha[i] == hb[j]
                        ? table[(i + 1) * width + j + 1] + 1
                        : max(table[(i + 1) * width + j], table[i * width + j + 1])
                }
            }
        }
        var steps: [(WordDiffOp.Kind, Int)] = []  // token index into ta or tb
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && ha[i] == hb[j] {
                steps.append((.equal, i)); steps.append((.insert, -j - 1)); i += 1; j += 1
            } else if j < m && (i == n || table[i * width + j + 1] >= table[(i + 1) * width + j]) {
                steps.append((.insert, j)); j += 1
            } else {
                steps.append((.delete, i)); i += 1
            }
        }
        // Group into runs of the same kind within one sentence.
        var ops: [WordDiffOp] = []
        var k = 0
        while k < steps.count {
            let (kind, index) = steps[k]
            if kind == .insert && index < 0 { k += 1; continue }
            if kind == .equal {
                var lastA = index, lastB = -steps[k + 1].1 - 1
                let firstA = index, firstB = lastB
                k += 2
                while k + 1 < steps.count, steps[k].0 == .equal,
                      sentenceOf(a, ta[steps[k].1]) == sentenceOf(a, ta[firstA]),
                      sentenceOf(b, tb[-steps[k + 1].1 - 1]) == sentenceOf(b, tb[firstB])
                {
                    lastA = steps[k].1; lastB = -steps[k + 1].1 - 1; k += 2
                }
                let ra = a.tokens[ta[firstA]].start..<a.tokens[ta[lastA]].end
                let rb = b.tokens[tb[firstB]].start..<b.tokens[tb[lastB]].end
                ops.append(WordDiffOp(kind: .equal, text: a.text(ra), referenceRange: ra, otherRange: rb))
            } else {
                let doc = kind == .delete ? a : b
                let list = kind == .delete ? ta : tb
                let first = index
                var last = index
                k += 1
                while k < steps.count, steps[k].0 == kind, sentenceOf(doc, list[steps[k].1]) == sentenceOf(doc, list[first]) {
                    last = steps[k].1; k += 1
                }
                let range = doc.tokens[list[first]].start..<doc.tokens[list[last]].end
                ops.append(kind == .delete
                    ? WordDiffOp(kind: .delete, text: doc.text(range), referenceRange: range)
                    : WordDiffOp(kind: .insert, text: doc.text(range), otherRange: range))
            }
        }
        return ops
    }

    /// The sentence a token belongs to.
    private static func sentenceOf(_ doc: AnalyzedDocument, _ token: Int) -> Int {
        var lo = 0, hi = doc.sentenceTokens.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if doc.sentenceTokens[mid].lowerBound <= token { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
