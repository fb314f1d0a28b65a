import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

/// Text from articles and ids cannot break an output format or drive the terminal: CSV cells,
/// control characters in text output and diagnostics, bidi overrides in HTML (issue 15).
@Suite struct EscapingTests {
    // MARK: - CSV

    @Test(arguments: [
        ("a,\u{301}b", "\"a,\u{301}b\""),            // a comma carrying a combining mark
        ("say \"\u{301}hi\"", "\"say \"\"\u{301}hi\"\"\""),
        ("line\r\nbreak", "\"line\r\nbreak\""),       // CRLF is one grapheme cluster
        ("plain", "plain"),
    ])
    func csvQuotingIsDecidedOnBytes(cell: String, expected: String) {
        #expect(CSV.field(cell) == expected)
    }

    @Test(arguments: [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\r=1", "\"'\r=1\""),
        ("=HYPERLINK(\"http://x\",\"a\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\""),
        ("a=b", "a=b"),
    ])
    func csvFormulaCellsArePrefixed(cell: String, expected: String) {
        #expect(CSV.field(cell) == expected)
    }

    @Test func csvNumbersAreNotPrefixed() {
        let record = JSONValue.object(["id": .string("-1"), "score": .number("-0.5"), "flag": .bool(true), "none": .null])
        #expect(CSV.row(of: record, columns: ["id", "score", "flag", "none", "missing"]) == "'-1,-0.5,true,,")
    }

    @Test func dedupCSVOfHostileIDsKeepsItsColumns() throws {
        let lines = [
            #"{"id":"=cmd|' /C calc'!A0","text":"A dam in the valley leaked on Tuesday and crews worked through the night to stop it."}"#,
            #"{"id":"x,\u0301y\r\nz","text":"The city council voted on a new budget for the coming year after a long debate."}"#,
        ]
        let directory = try scratchDirectory("csv")
        let corpus = directory.appendingPathComponent("c.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: corpus, atomically: false, encoding: .utf8)
        let result = runTool(["dedup", "--format", "csv", corpus])
        #expect(result.code == 0)
        #expect(result.stdout.contains("'=cmd|' /C calc'!A0,"))
        #expect(result.stdout.contains("\"x,\u{301}y\r\nz\","))
    }

    // MARK: - Control characters

    static let title = "\u{1B}]0;pwned\u{7}"

    @Test func controlCharactersAreMadeVisible() {
        #expect(ControlCharacters.escaped("a\(Self.title)b", keepingStyles: false) == "a\\u{1B}]0;pwned\\u{7}b")
        #expect(ControlCharacters.escaped("tab\tand\nline", keepingStyles: false) == "tab\tand\nline")
        #expect(ControlCharacters.escaped("del\u{7F} c1\u{9B}31m back\u{8}", keepingStyles: false) == "del\\u{7F} c1\\u{9B}31m back\\u{8}")
        #expect(ControlCharacters.escaped("café ½ «x»", keepingStyles: false) == "café ½ «x»")
        // On a terminal, wirediff's own styles and progress line clear pass; nothing else does.
        let styled = "\u{1B}[1mbold\u{1B}[0m \r\u{1B}[Kprogress"
        #expect(ControlCharacters.escaped(styled, keepingStyles: true) == styled)
        #expect(ControlCharacters.escaped(styled, keepingStyles: false) == "\\u{1B}[1mbold\\u{1B}[0m \\u{D}\\u{1B}[Kprogress")
        #expect(ControlCharacters.escaped("\u{1B}[2J\u{1B}]2;t\u{7}\r", keepingStyles: true) == "\\u{1B}[2J\\u{1B}]2;t\\u{7}\\u{D}")
    }

    @Test func textOutputAndDiagnosticsEscapeArticleText() throws {
        let directory = try scratchDirectory("ctl")
        let article = directory.appendingPathComponent("evil.txt").path
        try "Officials said the bridge \(Self.title)would reopen on Monday after repairs.\n".write(toFile: article, atomically: false, encoding: .utf8)
        let sentences = runTool(["sentences", article])
        #expect(sentences.code == 0)
        #expect(!sentences.stdout.contains("\u{1B}"))
        #expect(sentences.stdout.contains("\\u{1B}]0;pwned\\u{7}"))
        // JSON keeps the text (its escaping is JSON's own).
        #expect(runTool(["sentences", "--format", "json", article]).stdout.contains("\\u001b]0;pwned\\u0007"))
        let diff = runTool(["diff", article, Paths.samples.appendingPathComponent("wire.txt").path])
        #expect(!diff.stdout.contains("\u{1B}") && diff.stdout.contains("\\u{1B}"))
        let markdown = runTool(["diff", "-f", "markdown", article, Paths.samples.appendingPathComponent("wire.txt").path])
        #expect(!markdown.stdout.contains("\u{1B}"))

        let corpus = directory.appendingPathComponent("c.jsonl").path
        let record = #"{"id":"a\u001b]0;pwned\u0007","text":"Crews repaired the bridge over the river on Sunday night."}"#
        try "\(record)\n\(record)\n".write(toFile: corpus, atomically: false, encoding: .utf8)
        let duplicate = runTool(["dedup", corpus])
        #expect(duplicate.code == 65)
        #expect(!duplicate.stderr.contains("\u{1B}"))
        #expect(duplicate.stderr.contains("duplicate id \"a\\u{1B}]0;pwned\\u{7}\""))
        let text = runTool(["dedup", "--format", "text", "--skip-bad", corpus])
        #expect(!text.stdout.contains("\u{1B}") && text.stdout.contains("a\\u{1B}]0;pwned"))
        #expect(!text.stderr.contains("\u{1B}"))
    }

    // MARK: - HTML

    @Test func htmlEscapeClosesBidiControls() {
        #expect(HTMLEscape.escape("abc\u{202E}fed") == "abc\u{202E}fed\u{202C}")
        #expect(HTMLEscape.escape("\u{2067}a\u{202B}b") == "\u{2067}a\u{202B}b\u{202C}\u{2069}")
        #expect(HTMLEscape.escape("x\u{2067}a\u{202E}b\u{2069}y") == "x\u{2067}a\u{202E}b\u{2069}y")
        #expect(HTMLEscape.escape("stray\u{202C}\u{2069}closers") == "straycloser" + "s")
        #expect(HTMLEscape.escape("balanced\u{202E}x\u{202C}") == "balanced\u{202E}x\u{202C}")
    }

    @Test func htmlReportIsolatesAnOverrideInAnArticle() throws {
        let directory = try scratchDirectory("bidi")
        let article = directory.appendingPathComponent("rlo.txt").path
        try "The mayor said the \u{202E}bridge would reopen on Monday after repairs.\n".write(toFile: article, atomically: false, encoding: .utf8)
        let result = runTool(["diff", "-f", "html", article, Paths.samples.appendingPathComponent("wire.txt").path])
        #expect(result.code == 0)
        let html = result.stdout
        var depth = 0
        for scalar in html.unicodeScalars {
            if scalar == "\u{202E}" { depth += 1 }
            if scalar == "\u{202C}" { depth -= 1 }
            if scalar == "<" { #expect(depth == 0, "an override is still open at a tag") }
        }
        #expect(html.unicodeScalars.contains("\u{202E}"))
    }
}
