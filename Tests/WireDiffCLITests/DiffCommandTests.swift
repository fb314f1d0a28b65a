import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

/// The `diff` JSON output of `arguments`, parsed.
func diffJSON(_ arguments: [String]) throws -> JSONValue {
    let result = runTool(["diff", "--format", "json"] + arguments)
    #expect(result.code == 0, "\(result.stderr)")
    return try JSONParser().parse(result.stdout)
}

extension JSONValue {
    var array: [JSONValue] { if case .array(let items) = self { return items } else { return [] } }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var int: Int? { if case .number(let n) = self { return Int(n) } else { return nil } }
    var keys: [String] { if case .object(let o) = self { return o.members.map(\.key) } else { return [] } }
}

/// Accessors over a parsed two-version diff.
struct ParsedDiff {
    var json: JSONValue

    func sentence(_ doc: Int, _ index: Int) -> String {
        json["documents"]?.array[doc]["sentences"]?.array[index]["text"]?.string ?? ""
    }
    var added: [String] { (json["added"]?.array ?? []).compactMap(\.int).map { sentence(1, $0) } }
    var omitted: [String] { (json["omitted"]?.array ?? []).compactMap(\.int).map { sentence(0, $0) } }
    var verdict: String? { json["verdict"]?["kind"]?.string }
    var alignments: [JSONValue] { json["alignments"]?.array ?? [] }
    /// Every change as "kind:reference→other".
    var changes: [String] {
        alignments.flatMap { ($0["changes"]?.array ?? []) }.map {
            "\($0["kind"]?.string ?? ""):\($0["reference_text"]?.string ?? "")→\($0["other_text"]?.string ?? "")"
        }
    }
    var alignedOther: Set<Int> { Set(alignments.flatMap { ($0["b"]?.array ?? []).compactMap(\.int) }) }
    var reportingOther: [Int] {
        let sentences = json["documents"]?.array[1]["sentences"]?.array ?? []
        return sentences.indices.filter { sentences[$0]["boilerplate"] == .null && sentences[$0]["role"]?.string != "label" }
    }
}

func sample(_ name: String) -> String { Paths.samples.appendingPathComponent(name).path }

@Suite struct DiffCommandTests {
    @Test(.enabled(if: Paths.seedsAvailable, "needs ../shared/seeds"))
    func axiosAndTimesOfIsraelAreTheSameStory() throws {
        let d = ParsedDiff(json: try diffJSON([Paths.seed("001"), Paths.seed("000")]))
        #expect(d.verdict == "same-story")
        #expect(d.added.contains { $0.contains("1,600") })
        #expect(d.omitted.contains { $0.contains("Qabisi") })
        #expect(d.changes.contains { $0.hasPrefix("date:") && $0.contains("Monday") && $0.contains("Tuesday") })
    }

    @Test(.enabled(if: Paths.seedsAvailable, "needs ../shared/seeds"))
    func condensedSeedIsFullyAligned() throws {
        let d = ParsedDiff(json: try diffJSON([Paths.seed("003"), Paths.seed("004")]))
        #expect(d.verdict == "same-story")
        #expect(d.added.isEmpty)
        #expect(!d.reportingOther.isEmpty)
        #expect(d.reportingOther.allSatisfy { d.alignedOther.contains($0) })
        #expect(!d.omitted.isEmpty)
    }

    @Test(.enabled(if: Paths.seedsAvailable, "needs ../shared/seeds"))
    func differentStoryAboutTheSameActorsIsNotTheSameStory() throws {
        let d = ParsedDiff(json: try diffJSON([Paths.seed("002"), Paths.seed("003")]))
        #expect(d.verdict != "same-story")
    }

    @Test func expandedRewriteShowsChangedFigureWeekdayAndAdditions() throws {
        let d = ParsedDiff(json: try diffJSON([sample("wire.txt"), sample("rewrite-expanded.txt")]))
        #expect(d.verdict == "same-story")
        #expect(d.changes.contains("number:1,200→1,400"))
        #expect(d.changes.contains("date:Wednesday→Thursday"))
        for needle in ["Willow Creek", "Linden Court", "Whitlock", "150 cots", "555-0142"] {
            #expect(d.added.contains { $0.contains(needle) }, "\(needle) should be added")
        }
        #expect(!d.omitted.contains { $0.contains("Okafor") })
    }

    @Test func condensedRewriteOmitsAndIsFullyAligned() throws {
        let d = ParsedDiff(json: try diffJSON([sample("wire.txt"), sample("rewrite-condensed.txt")]))
        #expect(d.verdict == "same-story")
        #expect(!d.omitted.isEmpty)
        #expect(d.added.isEmpty)
        #expect(d.reportingOther.allSatisfy { d.alignedOther.contains($0) })
    }

    @Test func differentStorySampleIsNotTheSameStory() throws {
        let d = ParsedDiff(json: try diffJSON([sample("wire.txt"), sample("different-story.txt")]))
        #expect(d.verdict != "same-story")
    }

    @Test func threeOrMoreVersionsGiveAFactTable() throws {
        let files = ["wire.txt", "rewrite-condensed.txt", "rewrite-expanded.txt", "different-story.txt"].map(sample)
        let json = try diffJSON(files)
        #expect(json["kind"] == .string("table"))
        #expect(json["documents"]?.array.count == 4)
        let rows = json["table"]?["rows"]?.array ?? []
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["cells"]?.array.count == 4 })
        let states = Set(rows.flatMap { $0["cells"]?.array ?? [] }.compactMap { $0["state"]?.string })
        #expect(states.isSubset(of: ["present", "absent", "changed"]) && states.contains("absent"))
        #expect(json["pairs"]?.array.count == 3)
        #expect(json["pairs"]?.array.first?["other"] == .int(1))

        let markdown = runTool(["diff", "--format", "markdown"] + files).stdout
        let header = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| # | Fact |") })
        #expect(header.split(separator: "|").count == 2 + 4)
        #expect(markdown.contains("| ✓ |") && markdown.contains("| — |"))
        let text = runTool(["diff"] + files).stdout
        #expect(text.contains("FACT TABLE") && text.contains("V3"))
    }

    @Test func jsonKeysAreTheDocumentedContract() throws {
        let json = try diffJSON([sample("wire.txt"), sample("rewrite-expanded.txt")])
        #expect(json.keys == ["schema_version", "kind", "documents", "alignments", "added", "omitted", "verdict", "credits"])
        #expect(json["schema_version"] == .int(2))
        #expect(json["kind"] == .string("pair"))
        #expect(json["documents"]?.array.first?.keys == ["id", "sentences"])
        #expect(json["documents"]?.array.first?["sentences"]?.array.first?.keys == ["text", "start", "end", "paragraph", "role", "boilerplate"])
        let alignment = try #require(json["alignments"]?.array.first { !($0["changes"]?.array.isEmpty ?? true) })
        #expect(alignment.keys == ["a", "b", "score", "kind", "breakdown", "changes", "rewordings", "diff"])
        #expect(alignment["breakdown"]?.keys == [
            "score", "word_score", "character_score", "quote_overlap", "reference_coverage", "other_coverage", "unmatched_numbers",
            "contradicting_numbers", "unmatched_names", "negation_mismatch", "unmatched_reference_words", "unmatched_other_words",
            "bigram_overlap", "word_overlap", "shared_words", "shared_names", "shared_numbers",
        ])
        #expect(alignment["changes"]?.array.first?.keys == [
            "kind", "reference_text", "other_text", "reference_sentence", "reference_start", "reference_end",
            "other_sentence", "other_start", "other_end",
        ])
        #expect(alignment["diff"]?.array.first?.keys == ["op", "text", "reference_start", "reference_end", "other_start", "other_end"])
        #expect(json["verdict"]?.keys == [
            "kind", "reference_coverage", "other_coverage", "reference_weighted_coverage", "other_weighted_coverage",
            "reference_sentences", "other_sentences", "links", "best_score", "longest_shared_passage",
            "same_story_score", "same_story_reason",
        ])
        #expect(json["credits"]?.array.first?.keys == ["sentence", "start", "end", "text", "outlet", "names_reference"])
    }

    @Test func offsetsPointAtTheSentenceText() throws {
        let path = sample("rewrite-expanded.txt")
        let json = try diffJSON([sample("wire.txt"), path])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        for s in json["documents"]?.array[1]["sentences"]?.array ?? [] {
            let start = try #require(s["start"]?.int), end = try #require(s["end"]?.int)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == s["text"]?.string)
        }
        for change in (json["alignments"]?.array ?? []).flatMap({ $0["changes"]?.array ?? [] }) {
            guard let start = change["other_start"]?.int, let end = change["other_end"]?.int else { continue }
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == change["other_text"]?.string)
        }
    }

    @Test func textWithoutATerminalUsesMarkersAndNoEscapes() {
        let result = runTool(["diff", sample("wire.txt"), sample("rewrite-expanded.txt")])
        #expect(result.code == 0)
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains("{+1,400+}") && result.stdout.contains("[-1,200-]"))
        #expect(result.stdout.contains("verdict: same story"))
        #expect(result.stdout.contains("ADDED in B") && result.stdout.contains("OMITTED from B"))
        #expect(result.stdout.contains("Wirewire reported"))
    }

    @Test func textRendererColorsAndSideBySideOnAWideTerminal() throws {
        let wire = try String(contentsOfFile: sample("wire.txt"), encoding: .utf8)
        let expanded = try String(contentsOfFile: sample("rewrite-expanded.txt"), encoding: .utf8)
        let report = DiffReport(comparing: [Document(id: "wire", text: wire), Document(id: "expanded", text: expanded)])
        let wide = TextReportRenderer(colors: true, width: 160).render(report)
        #expect(wide.contains("\u{1B}[31m1,200\u{1B}[0m") && wide.contains("\u{1B}[32m1,400\u{1B}[0m"))
        #expect(wide.contains(" │ "))
        let narrow = TextReportRenderer(colors: true, width: 80).render(report)
        #expect(!narrow.contains(" │ "))
        #expect(narrow.contains("\u{1B}[31;9m1,200\u{1B}[0m") && narrow.contains("\u{1B}[32m1,400\u{1B}[0m"))
    }

    @Test func outputFileIsWrittenAndStdoutStaysEmpty() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-diff-\(getpid()).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = runTool(["diff", "-f", "markdown", "-o", path, sample("wire.txt"), sample("rewrite-condensed.txt")])
        #expect(result.code == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("# Samples/wire.txt → Samples/rewrite-condensed.txt") || written.contains("→"))
        #expect(written.contains("**Verdict: same story**"))
        #expect(written.contains("## Omitted from B"))
    }

    @Test func standardInputIsAVersion() {
        let other = "Authorities told about 1,400 people in Carrow to leave on Tuesday after water was found seeping through the Carrow Dam."
        let result = runTool(["diff", "-f", "json", sample("wire.txt"), "-"], stdin: other)
        #expect(result.code == 0)
        #expect(result.stdout.contains("\"id\":\"<stdin>\""))
    }

    @Test func oneArticleIsAUsageError() {
        let result = runTool(["diff", sample("wire.txt")])
        #expect(result.code == 64)
        #expect(result.stderr.contains("at least two"))
        #expect(runTool(["diff", "--format", "pdf", sample("wire.txt"), sample("wire.txt")]).code == 64)
        #expect(runTool(["diff", sample("wire.txt"), sample("no-such-file.txt")]).code == 66)
    }

    @Test func outputIsDeterministic() {
        let args = ["diff", "-f", "json", sample("wire.txt"), sample("rewrite-paraphrase.txt"), sample("rewrite-expanded.txt")]
        #expect(runTool(args).stdout == runTool(args).stdout)
    }

    @Test func realBinaryWritesJSON() throws {
        let result = try runBinary(["diff", "--format", "json", "Samples/wire.txt", "Samples/rewrite-expanded.txt"])
        #expect(result.code == 0, "\(result.stderr)")
        let json = try JSONParser().parse(result.stdout)
        #expect(json["verdict"]?["kind"] == .string("same-story"))
        #expect(json["documents"]?.array.first?["id"] == .string("Samples/wire.txt"))
    }
}
