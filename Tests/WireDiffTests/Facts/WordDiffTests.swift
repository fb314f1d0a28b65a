import Foundation
import Testing
@testable import WireDiff

/// The word diff: a shortest edit script in linear memory (Myers), deletions before insertions,
/// punctuation kept with its words (issues 12 and 15).
@Suite struct WordDiffTests {
    /// The length of a longest common subsequence, by the textbook table (small inputs only).
    func lcsLength(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }

    /// Whether the unmarked elements of both sides are the same sequence (a valid script).
    func isValid(_ a: [UInt64], _ b: [UInt64], _ script: (deleted: [Bool], inserted: [Bool])) -> Bool {
        let keptA = a.indices.filter { !script.deleted[$0] }.map { a[$0] }
        let keptB = b.indices.filter { !script.inserted[$0] }.map { b[$0] }
        return keptA == keptB
    }

    @Test func editScriptIsAShortestOne() {
        var rng = SplitMix64(seed: 15)
        for round in 0..<400 {
            let alphabet = UInt64(round % 7 + 2)
            let a = (0..<Int(rng.next() % 40)).map { _ in rng.next() % alphabet }
            var b = a
            for _ in 0..<Int(rng.next() % 12) {
                let edit = rng.next() % 3
                if edit == 0 && !b.isEmpty { b.remove(at: Int(rng.next() % UInt64(b.count))) }
                else if edit == 1 { b.insert(rng.next() % alphabet, at: Int(rng.next() % UInt64(b.count + 1))) }
                else if !b.isEmpty { b[Int(rng.next() % UInt64(b.count))] = rng.next() % alphabet }
            }
            let script = WordDiff.editScript(a, b)
            #expect(isValid(a, b, script), "round \(round)")
            #expect(script.deleted.filter { !$0 }.count == lcsLength(a, b), "round \(round): not a shortest script")
        }
    }

    @Test func cappedSearchStillGivesAValidScript() {
        var rng = SplitMix64(seed: 7)
        for limit in [8, 16, 64] {
            let a = (0..<3000).map { _ in rng.next() % 50 }
            var b = a
            for _ in 0..<600 { b[Int(rng.next() % UInt64(b.count))] = rng.next() % 50 }
            let script = WordDiff.editScript(a, b, costLimit: limit)
            #expect(isValid(a, b, script), "limit \(limit)")
            // The cap costs optimality, not most of the matches.
            #expect(script.deleted.filter { !$0 }.count > 2400, "limit \(limit)")
        }
    }

    @Test func longUnrelatedTextsDiffInLinearMemory() {
        // Two 100,000-word texts with nothing in order in common: the old table needed
        // 100,001² × 4 bytes (40 GB). Memory here is a few arrays of 100,000 entries.
        var rng = SplitMix64(seed: 3)
        let a = (0..<100_000).map { _ in rng.next() }
        let b = (0..<100_000).map { _ in rng.next() }
        let script = WordDiff.editScript(a, b)
        #expect(script.deleted.allSatisfy { $0 } && script.inserted.allSatisfy { $0 })
    }

    /// The word diffs of every alignment, in order.
    func ops(_ a: String, _ b: String) -> [WordDiffOp] {
        Differ().compare(Document(id: "a", text: a), Document(id: "b", text: b)).alignments.flatMap(\.wordDiff)
    }

    func markers(_ ops: [WordDiffOp]) -> String {
        ops.map { op in
            switch op.kind {
            case .equal: op.text
            case .delete: "[-\(op.text)-]"
            case .insert: "{+\(op.text)+}"
            }
        }.joined(separator: " ")
    }

    @Test func deletionComesBeforeInsertion() {
        let result = ops(
            "Authorities ordered residents to leave their homes on Tuesday after engineers found water seeping through the wall.",
            "Authorities told residents to evacuate on Tuesday after engineers found water seeping through the wall.")
        #expect(markers(result) == "Authorities [-ordered-] {+told+} residents to [-leave their homes-] {+evacuate+} on Tuesday after engineers found water seeping through the wall.")
        for (op, next) in zip(result, result.dropFirst()) {
            #expect(!(op.kind == .insert && next.kind == .delete), "an insertion before a deletion")
        }
    }

    @Test func punctuationStaysWithItsWords() {
        let a = "“We are not saying the dam is going to fail,” Okafor said. The seepage – spotted at 6:40 a.m. – was small."
        let b = "“We are not saying the dam is going to fail,” he told reporters. The seepage – noticed at 6:40 a.m. – was small."
        let result = ops(a, b)
        #expect(markers(result) == "“We are not saying the dam is going to fail,” [-Okafor said.-] {+he told reporters.+} The seepage – [-spotted-] {+noticed+} at 6:40 a.m. – was small.")
    }

    @Test func rangesCoverWholeWordsAndTheirMarks() {
        let a = Document(id: "a", text: "The reservoir (Lake Carrow) stood 3.2 meters above its normal level on Tuesday morning.")
        let b = Document(id: "b", text: "The reservoir (Lake Carrow) was 3.2 meters above normal, on Tuesday morning!")
        let result = Differ().compare(a, b).alignments.flatMap(\.wordDiff)
        #expect(markers(result) == "The reservoir (Lake Carrow) [-stood-] {+was+} 3.2 meters above [-its-] normal [-level-] on Tuesday morning.")
        func isBoundary(_ bytes: [UInt8], _ k: Int) -> Bool {
            k == 0 || k == bytes.count || bytes[k - 1] == 0x20 || bytes[k] == 0x20
        }
        for op in result {
            if let r = op.referenceRange { #expect(isBoundary(a.bytes, r.lowerBound) && isBoundary(a.bytes, r.upperBound), "\(op)") }
            if let r = op.otherRange { #expect(isBoundary(b.bytes, r.lowerBound) && isBoundary(b.bytes, r.upperBound), "\(op)") }
        }
        // Equal and deleted runs cover the reference once, in order; equal and inserted the other.
        let covered = result.compactMap(\.referenceRange)
        #expect(zip(covered, covered.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
        let coveredB = result.compactMap(\.otherRange)
        #expect(zip(coveredB, coveredB.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
    }
}
