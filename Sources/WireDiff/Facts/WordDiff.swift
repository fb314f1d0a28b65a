/// A word-level diff of aligned sentences: whole words only, never parts of words, compared by
/// their normalized hash (case and quote style aside).
///
/// The tokens of the reference's sentences are compared with the other's by a shortest edit
/// script (``editScript(_:_:costLimit:)``: Myers' O(ND) algorithm in linear space, capped for
/// long unrelated texts), so memory stays linear in the number of words whatever the input.
/// The script is read as runs:
/// - `equal` runs, and between two of them the reference's words that are gone (`delete`)
///   **before** the other's that replace them (`insert`), as a reader reads a correction;
/// - a run never crosses a sentence on either side;
/// - each run's text and range cover its words with the punctuation attached to them: a word
///   keeps the marks up to the next space ("Tuesday," "dam." "said:") and the opening marks
///   before it (“We, "(about"), a mark standing alone between spaces ("–") goes with the word
///   before it, and a sentence's first and last words take its opening and closing marks.
///
/// - Complexity: O((n + m) · D) time for n and m tokens and D differences (O((n + m)^1.5) past
///   the cap), O(n + m) memory.
enum WordDiff {
    /// The diff of the tokens of sentences `sa` of `a` against sentences `sb` of `b`.
    static func diff(_ a: AnalyzedDocument, _ sa: [Int], _ b: AnalyzedDocument, _ sb: [Int]) -> [WordDiffOp] {
        let ta = sa.flatMap { Array(a.sentenceTokens[$0]) }
        let tb = sb.flatMap { Array(b.sentenceTokens[$0]) }
        let (deleted, inserted) = editScript(ta.map { a.tokens[$0].hash }, tb.map { b.tokens[$0].hash })
        let sideA = Side(doc: a, tokens: ta), sideB = Side(doc: b, tokens: tb)
        var ops: [WordDiffOp] = []
        var i = 0, j = 0
        while i < ta.count || j < tb.count {
            var deleteEnd = i, insertEnd = j
            while deleteEnd < ta.count && deleted[deleteEnd] { deleteEnd += 1 }
            while insertEnd < tb.count && inserted[insertEnd] { insertEnd += 1 }
            if deleteEnd > i || insertEnd > j {
                for run in sideA.sentenceRuns(i..<deleteEnd) {
                    let range = sideA.range(run)
                    ops.append(WordDiffOp(kind: .delete, text: a.text(range), referenceRange: range))
                }
                for run in sideB.sentenceRuns(j..<insertEnd) {
                    let range = sideB.range(run)
                    ops.append(WordDiffOp(kind: .insert, text: b.text(range), otherRange: range))
                }
                (i, j) = (deleteEnd, insertEnd)
                continue
            }
            // Unchanged on both sides: an equal run, as long as neither side changes sentence.
            let sentenceA = sideA.sentence(i), sentenceB = sideB.sentence(j)
            var end = 1
            while i + end < ta.count, j + end < tb.count, !deleted[i + end], !inserted[j + end],
                  sideA.sentence(i + end) == sentenceA, sideB.sentence(j + end) == sentenceB
            {
                end += 1
            }
            let ra = sideA.range(i..<i + end), rb = sideB.range(j..<j + end)
            ops.append(WordDiffOp(kind: .equal, text: a.text(ra), referenceRange: ra, otherRange: rb))
            (i, j) = (i + end, j + end)
        }
        return ops
    }

    /// The tokens of one side of a diff, with where their runs start and end in the text.
    struct Side {
        let doc: AnalyzedDocument
        /// Token indices into `doc.tokens`, in order.
        let tokens: [Int]

        /// The sentence of `tokens[k]`.
        func sentence(_ k: Int) -> Int {
            let token = tokens[k]
            var lo = 0, hi = doc.sentenceTokens.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if doc.sentenceTokens[mid].lowerBound <= token { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }

        /// `positions` (into `tokens`) cut where the sentence changes.
        func sentenceRuns(_ positions: Range<Int>) -> [Range<Int>] {
            var runs: [Range<Int>] = []
            var start = positions.lowerBound
            while start < positions.upperBound {
                let s = sentence(start)
                var end = start + 1
                while end < positions.upperBound && sentence(end) == s { end += 1 }
                runs.append(start..<end)
                start = end
            }
            return runs
        }

        /// The byte range of the words `tokens[run]` (consecutive tokens of one sentence) with
        /// their punctuation.
        func range(_ run: Range<Int>) -> Range<Int> {
            let first = tokens[run.lowerBound], last = tokens[run.upperBound - 1]
            let sentence = sentence(run.lowerBound)
            let content = doc.document.sentences[sentence].contentRange
            let bounds = doc.sentenceTokens[sentence]
            return doc.document.bytes.withUnsafeBufferPointer { bytes in
                // Before the first word: the opening marks after the last space since the
                // previous word; with no space between them they stay with the previous word.
                // The first word of a sentence takes everything from the sentence start.
                var lower = doc.tokens[first].start
                let floor = first > bounds.lowerBound ? doc.tokens[first - 1].end : content.lowerBound
                while lower > floor && !Self.isSpace(bytes[lower - 1]) { lower -= 1 }
                if lower == floor && first > bounds.lowerBound { lower = doc.tokens[first].start }
                // After the last word: everything up to the last space before the next word
                // (to the sentence end after the last word), trailing spaces trimmed.
                let ceiling = last + 1 < bounds.upperBound ? doc.tokens[last + 1].start : content.upperBound
                var upper = ceiling
                if last + 1 < bounds.upperBound {
                    var k = ceiling
                    while k > doc.tokens[last].end && !Self.isSpace(bytes[k - 1]) { k -= 1 }
                    if k > doc.tokens[last].end { upper = k }  // the next word's opening marks stay with it
                }
                while upper > doc.tokens[last].end && Self.isSpace(bytes[upper - 1]) { upper -= 1 }
                return lower..<upper
            }
        }

        @inline(__always)
        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        }
    }
}
