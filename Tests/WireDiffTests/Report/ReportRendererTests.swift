import Foundation
import Testing
@testable import WireDiff

/// Two short versions of a made-up story, written for these tests.
enum ReportFixture {
    static let wire = """
        Flood in Tessel

        Officials ordered 1,200 residents of Tessel to leave on Tuesday after the river rose above its banks.
        Mayor Ana Brook said three shelters were open at the high school.
        The bridge on Route 4 was closed until further notice.
        """
    static let rewrite = """
        About 1,400 residents of Tessel were told to leave on Wednesday after the river rose above its banks, officials said.
        Mayor Ana Brook said three shelters were open at the high school.
        A volunteer said the Red Cross brought 80 cots & blankets <for> "everyone".
        """
    static var report: DiffReport {
        DiffReport(comparing: [Document(id: "wire", text: wire), Document(id: "rewrite", text: rewrite)])
    }
}

@Suite struct ReportRendererTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("Tom & Jerry's", "Tom &amp; Jerry&#39;s"),
        ("a\u{0}b\u{7F}c\nd", "abc\nd"),
        ("“curly” — ü", "“curly” — ü"),
    ])
    func htmlEscape(input: String, expected: String) {
        #expect(HTMLEscape.escape(input) == expected)
    }

    /// Every format leads with the facts: the changed figure and weekday, the added and the
    /// omitted sentence, before the aligned sentences.
    @Test func everyFormatLeadsWithTheFacts() {
        let report = ReportFixture.report
        let facts = FactSummary(report, report.pairs[0], other: 1)
        #expect(facts.changes.map(\.text).contains("number: 1,200 → 1,400"))
        #expect(facts.changes.map(\.text).contains("date: Tuesday → Wednesday"))
        #expect(facts.adds.contains { $0.location == "B3" && $0.text.contains("Red Cross") })
        #expect(facts.omits.contains { $0.location == "A4" && $0.text.contains("Route 4") })
        let rendered = [
            (TextReportRenderer().render(report), "FACTS", "ALIGNED"),
            (MarkdownReportRenderer().render(report), "# Facts", "# Aligned sentences"),
            (HTMLReportRenderer().render(report), "<h2>Facts</h2>", "<h2>Aligned pairs</h2>"),
        ]
        for (text, head, aligned) in rendered {
            guard let h = text.range(of: head), let f = text.range(of: "1,200 → 1,400"), let al = text.range(of: aligned) else {
                Issue.record("missing \(head), the figure or \(aligned)"); continue
            }
            #expect(h.lowerBound < f.lowerBound && f.lowerBound < al.lowerBound, "\(head)")
        }
    }

    @Test func markdownEscapeKeepsTablesAndHTMLInert() {
        let md = MarkdownReportRenderer()
        #expect(md.escape("a | b") == "a \\| b")
        #expect(md.escape("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;")
        #expect(md.escape("[link](http://x)") == "\\[link\\](http://x)")
        #expect(md.escape("two\nlines") == "two lines")
    }

    @Test func jsonDescribesBothDocumentsAndThePair() throws {
        let report = ReportFixture.report
        let json = report.json()
        #expect(json["schema_version"] == .int(DiffReport.schemaVersion))
        #expect(json["kind"] == .string("pair"))
        guard case .array(let documents)? = json["documents"], case .array(let sentences)? = documents[1]["sentences"] else {
            Issue.record("no documents")
            return
        }
        #expect(documents.count == 2)
        #expect(sentences.count == report.documents[1].sentences.count)
        #expect(json["added"] == .array(report.pairs[0].added.map(JSONValue.int)))
        #expect(json["omitted"] == .array(report.pairs[0].omitted.map(JSONValue.int)))
        // Round trip through the parser: the serialization is valid JSON.
        #expect(try JSONParser().parse(json.serialized) == json)
    }

    @Test func everyFormatMentionsTheChangedFigure() {
        let report = ReportFixture.report
        let changes = report.pairs[0].alignments.flatMap(\.changes)
        #expect(changes.contains { $0.kind == .number && $0.referenceText == "1,200" && $0.otherText == "1,400" })
        let text = TextReportRenderer().render(report)
        #expect(text.contains("number: 1,200 → 1,400"))
        let markdown = MarkdownReportRenderer().render(report)
        #expect(markdown.contains("number: 1,200 → 1,400"))
        let html = HTMLReportRenderer().render(report)
        #expect(html.contains("<td class=\"del\">1,200</td>") && html.contains("<td class=\"ins\">1,400</td>"))
        #expect(html.contains("80 cots &amp; blankets &lt;for&gt; &quot;everyone&quot;"))
    }

    @Test func addedAndOmittedAreListedInEveryFormat() {
        let report = ReportFixture.report
        let pair = report.pairs[0]
        let added = pair.added.map { report.documents[1].string(of: report.documents[1].sentences[$0]) }
        let omitted = pair.omitted.map { report.documents[0].string(of: report.documents[0].sentences[$0]) }
        #expect(added.contains { $0.contains("Red Cross") })
        #expect(omitted.contains { $0.contains("Route 4") })
        let text = TextReportRenderer().render(report)
        #expect(text.contains("+ B\(pair.added[0] + 1): "))
        #expect(text.contains("Route 4"))
        let markdown = MarkdownReportRenderer().render(report)
        #expect(markdown.contains("## Added in B (\(pair.added.count))"))
        #expect(markdown.contains("## Omitted from B (\(pair.omitted.count))"))
    }

    @Test func renderingIsDeterministic() {
        let a = ReportFixture.report, b = ReportFixture.report
        #expect(HTMLReportRenderer().render(a) == HTMLReportRenderer().render(b))
        #expect(a.json().serialized == b.json().serialized)
    }
}
