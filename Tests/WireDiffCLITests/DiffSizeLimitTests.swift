import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

/// `diff` refuses, at once, versions too large to compare in reasonable time and memory
/// (issue 15).
@Suite struct DiffSizeLimitTests {
    /// An article of `count` short sentences.
    func article(sentences count: Int, word: String) -> String {
        (0..<count).map { "The \(word) \($0) rose." }.joined(separator: " ") + "\n"
    }

    @Test func hugeVersionsAreRefusedBeforeAnyWork() throws {
        let directory = try scratchDirectory("diff-size")
        let a = directory.appendingPathComponent("a.txt").path, b = directory.appendingPathComponent("b.txt").path
        try article(sentences: 7_500, word: "index").write(toFile: a, atomically: false, encoding: .utf8)
        try article(sentences: 7_500, word: "count").write(toFile: b, atomically: false, encoding: .utf8)
        let output = directory.appendingPathComponent("report.json").path
        let result = runTool(["diff", "-f", "json", "-o", output, a, b])
        #expect(result.code == 65)
        #expect(result.stderr == "wirediff diff: \(a) (7500 sentences) × \(b) (7500 sentences): 56250000 sentence pairs to compare, above the limit of 50000000 (about two 1 MB articles); diff compares versions of one article, not corpora: use dedup or find to match documents, or raise --max-sentence-pairs\n")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["a.txt", "b.txt"])
    }

    @Test func theLimitIsAnOption() {
        let files = [sample("wire.txt"), sample("rewrite-expanded.txt"), sample("rewrite-condensed.txt")]
        let refused = runTool(["diff", "--max-sentence-pairs", "100"] + files)
        #expect(refused.code == 65)
        #expect(refused.stderr.hasPrefix("wirediff diff: \(files[0]) (18 sentences) × 2 other versions (32 sentences): 576 sentence pairs"))
        #expect(refused.stderr.contains("sentence pairs to compare, above the limit of 100"))
        #expect(runTool(["diff", "--max-sentence-pairs", "0"] + files).code == 0)
        #expect(runTool(["diff"] + files).code == 0)
        #expect(runTool(["diff", "--max-sentence-pairs", "-1"] + files).code == 64)
    }

    @Test func sentencePairsAreTheReferenceTimesTheOthers() throws {
        let documents = [Document(id: "r", text: "One. Two. Three."), Document(id: "a", text: "One. Two."), Document(id: "b", text: "Four.")]
        #expect(Differ.sentencePairs(documents) == 9)
        #expect(throws: Differ.TooLarge.self) { try Differ.checkSize(documents, maximumSentencePairs: 8) }
        try Differ.checkSize(documents, maximumSentencePairs: 9)
    }
}
