/// Renders a ``DiffReport`` as GitHub-flavored Markdown: headings, the verdict, a table of
/// aligned pairs, and lists of changed, added and omitted sentences; for three or more versions
/// the fact table (one row per fact, one column per version, ✓ / — / Δ).
///
/// Article text is escaped for Markdown tables and inline formatting (`|`, `*`, `_`, `` ` ``,
/// `<`, `[`…), so an article cannot inject links, HTML or table cells.
public struct MarkdownReportRenderer: Sendable {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        var out = ""
        if let table = report.table {
            out += "# wirediff: \(table.documentIDs.count) versions of a story\n\n"
            out += "Reference: **\(escape(report.reference.id))**\n\n"
            out += "## Fact table\n\n"
            out += "One row per fact, one column per version: ✓ present, — absent, Δ changed.\n\n"
            out += "| # | Fact | " + table.documentIDs.map(escape).joined(separator: " | ") + " |\n"
            out += "|---:|---|" + String(repeating: ":---:|", count: table.documentIDs.count) + "\n"
            for (r, row) in table.rows.enumerated() {
                let text = escape(ReportStrings.truncated(report.text(row.anchor, row.sentences), 160))
                out += "| \(r + 1) | \(text) | " + row.cells.map { ReportStrings.mark($0.state) }.joined(separator: " | ") + " |\n"
            }
            for (index, pair) in report.pairs.enumerated() {
                out += "\n"
                renderPair(report, pair, other: index + 1, level: "##", into: &out)
            }
        } else {
            renderPair(report, report.pairs[0], other: 1, level: "#", into: &out)
        }
        return out
    }

    func renderPair(_ report: DiffReport, _ pair: PairReport, other: Int, level: String, into out: inout String) {
        let a = report.documents[0], b = report.documents[other]
        out += "\(level) \(escape(a.id)) → \(escape(b.id))\n\n"
        out += "- **A** (reference): \(escape(a.id))\n- **B**: \(escape(b.id))\n\n"
        out += "**Verdict: \(ReportStrings.verdictName(pair.verdict.kind))** — \(escape(ReportStrings.figures(pair.verdict)))\n\n"
        if pair.credits.isEmpty {
            out += "Source credits: none found.\n\n"
        } else {
            out += "Source credits: " + pair.credits.map { "B\($0.sentence + 1) " + escape(ReportStrings.credit($0)) }.joined(separator: "; ") + "\n\n"
        }
        let facts = FactSummary(report, pair, other: other)
        out += "\(level)# Facts\n\nWhat B changes, adds and omits; rewording is only in the aligned sentences below.\n\n"
        if facts.isEmpty { out += "None.\n" }
        for (kind, line) in facts.lines { out += "- **\(kind.symbol)** \(line.location): \(escape(line.text))\n" }
        out += "\n\(level)# Aligned sentences (\(pair.alignments.count))\n\n"
        out += "| # | A | B | Kind | Score | Reference (A) | Other (B) |\n|---:|---|---|---|---:|---|---|\n"
        for (k, al) in pair.alignments.enumerated() {
            out += "| \(k + 1) | \(ReportStrings.label("A", al.a)) | \(ReportStrings.label("B", al.b)) | \(al.kind.rawValue) | \(ReportStrings.score(al.score)) | "
                + escape(report.text(0, al.a)) + " | " + escape(report.text(other, al.b)) + " |\n"
        }
        let changed = pair.alignments.enumerated().filter { !$0.element.changes.isEmpty }
        out += "\n\(level)# Changed details (\(changed.reduce(0) { $0 + $1.element.changes.count }))\n\n"
        if changed.isEmpty { out += "None.\n" }
        for (k, al) in changed {
            for c in al.changes {
                out += "- [\(k + 1)] \(ReportStrings.label("A", al.a)) ↔ \(ReportStrings.label("B", al.b)) — \(escape(ReportStrings.change(c)))\n"
            }
        }
        out += "\n\(level)# Added in B (\(pair.added.count))\n\n"
        if pair.added.isEmpty { out += "None.\n" }
        for j in pair.added { out += "- B\(j + 1): \(escape(b.string(of: b.sentences[j])))\n" }
        out += "\n\(level)# Omitted from B (\(pair.omitted.count))\n\n"
        if pair.omitted.isEmpty { out += "None.\n" }
        for i in pair.omitted { out += "- A\(i + 1): \(escape(a.string(of: a.sentences[i])))\n" }
    }

    /// Text safe inside Markdown inline content and table cells: one line, Markdown
    /// punctuation backslash-escaped, `<` `>` `&` as HTML entities.
    public func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "\n", "\r", "\r\n": out += " "
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~":
                out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }
}
