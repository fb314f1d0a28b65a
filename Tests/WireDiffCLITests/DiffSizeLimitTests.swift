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
        try article(sentences: 75_000, word: "index").write(toFile: a, atomically: false, encoding: .utf8)
        try article(sentences: 75_000, word: "count").write(toFile: b, atomically: false, encoding: .utf8)
        let output = directory.appendingPathComponent("report.json").path
        let result = runTool(["diff", "-f", "json", "-o", output, a, b])
        #expect(result.code == 65)
        #expect(result.stderr == "wirediff diff: \(a) (75000 sentences) × \(b) (75000 sentences): 5625000000 sentence pairs to compare, above the limit of 5000000000 (about two 11 MB articles); diff compares versions of one article, not corpora: use dedup or find to match documents, or raise --max-sentence-pairs\n")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["a.txt", "b.txt"])
    }

    @Test func hugeSentencesAreRefusedBeforeAnyWork() throws {
        let directory = try scratchDirectory("diff-words")
        let a = directory.appendingPathComponent("a.txt").path, b = directory.appendingPathComponent("b.txt").path
        try ((0..<6_000).map { "w\($0)" }.joined(separator: " ") + "\n").write(toFile: a, atomically: false, encoding: .utf8)
        try ((0..<5_000).map { "v\($0)" }.joined(separator: " ") + "\n").write(toFile: b, atomically: false, encoding: .utf8)
        let result = runTool(["diff", a, b])
        #expect(result.code == 65)
        #expect(result.stderr == "wirediff diff: \(a) has a sentence of 6000 words and \(b) one of 5000: 30000000 word pairs to align, above the limit of 25000000 (two sentences of 5,000 words); is the text without sentence punctuation? Split it, or raise --max-word-pairs\n")
        #expect(runTool(["diff", "--max-word-pairs", "30000000", a, b]).code == 0)
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

    @Test func sizeCountsSentencePairsAndTheLongestSentences() throws {
        let documents = [Document(id: "r", text: "One two. Two. Three four five."), Document(id: "a", text: "One. Two words here."), Document(id: "b", text: "Four.")]
        let size = Differ.size(documents)
        #expect(size.sentencePairs == 9)
        #expect(size.wordPairs == 9)
        #expect(size.versions.map(\.longestSentenceWords) == [3, 3, 1])
        #expect(throws: Differ.TooLarge.self) { try Differ.checkSize(documents, maximumSentencePairs: 8) }
        #expect(throws: Differ.TooLarge.self) { try Differ.checkSize(documents, maximumWordPairs: 8) }
        try Differ.checkSize(documents, maximumSentencePairs: 9, maximumWordPairs: 9)
    }
}
