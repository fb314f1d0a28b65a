/// Renders a ``DiffReport`` for a terminal or a plain text file.
///
/// Colors (deleted words red, inserted green, verdict bold) only when `colors` is set — the CLI
/// sets it when standard output is a terminal; without colors the word diff uses
/// `[-deleted-]{+inserted+}` markers (as `git diff --word-diff=plain`). With a `width` of 120
/// columns or more, aligned pairs are shown side by side.
public struct TextReportRenderer: Sendable {
    public var colors: Bool
    /// The terminal's width in columns, or `nil` (not a terminal: no side-by-side view).
    public var width: Int?

    public init(colors: Bool = false, width: Int? = nil) {
        self.colors = colors
        self.width = width
    }

    /// The minimum width for the side-by-side view.
    public static let sideBySideWidth = 120

    func style(_ code: String, _ text: String) -> String { TerminalStyle(enabled: colors).apply(code, text) }
    func bold(_ s: String) -> String { style("1", s) }
    func dim(_ s: String) -> String { style("2", s) }

    public func render(_ report: DiffReport) -> String {
        var out = ""
        if let table = report.table {
            renderTable(report, table, into: &out)
            for (index, pair) in report.pairs.enumerated() {
                out += "\n"
                renderPair(report, pair, other: index + 1, into: &out)
            }
        } else {
            renderPair(report, report.pairs[0], other: 1, into: &out)
        }
        return out
    }

    func renderPair(_ report: DiffReport, _ pair: PairReport, other: Int, into out: inout String) {
        let a = report.documents[0], b = report.documents[other]
        out += bold("A: \(a.id)") + "  (reference)\n"
        out += bold("B: \(b.id)") + "\n"
        let kindColor = pair.verdict.kind == .sameStory ? "1;32" : pair.verdict.kind == .partialReuse ? "1;33" : "1;31"
        out += "verdict: " + style(kindColor, ReportStrings.verdictName(pair.verdict.kind)) + " — " + ReportStrings.figures(pair.verdict) + "\n"
        if pair.credits.isEmpty {
            out += "source credits: none found in B\n"
        } else {
            out += "source credits: " + pair.credits.map { "B\($0.sentence + 1) " + ReportStrings.credit($0) }.joined(separator: "; ") + "\n"
        }
        let facts = FactSummary(report, pair, other: other)
        out += "\n" + bold("FACTS") + " — what B changes, adds and omits (rewording is only in the word diff below)\n"
        if facts.isEmpty { out += "  none\n" }
        for (kind, line) in facts.lines {
            let color = kind == .change ? "33" : kind == .add ? "32" : "31"
            out += style(color, "  \(kind.symbol) \(line.location): \(line.text)") + "\n"
        }
        out += "\n" + bold("ALIGNED (\(pair.alignments.count))") + "\n"
        let sideBySide = (width ?? 0) >= TextReportRenderer.sideBySideWidth
        for (k, al) in pair.alignments.enumerated() {
            out += "\n" + bold("[\(k + 1)] \(ReportStrings.label("A", al.a)) ↔ \(ReportStrings.label("B", al.b))")
                + "  \(al.kind.rawValue) \(ReportStrings.score(al.score))\n"
            if al.kind == .identical {
                out += "    " + report.text(0, al.a) + "\n"
            } else if sideBySide, let width {
                out += sideBySideLines(al, width: width)
            } else {
                out += "    " + diffLine(al.wordDiff) + "\n"
            }
            if !al.rewordings.isEmpty {
                out += "    " + dim("~ reworded, not a change: " + ReportStrings.rewordings(al.rewordings)) + "\n"
            }
            for c in al.changes {
                out += "    " + style("33", "• " + ReportStrings.change(c)) + "\n"
            }
        }
        out += "\n" + bold("ADDED in B (\(pair.added.count))") + "\n"
        for j in pair.added {
            out += style("32", "  + B\(j + 1): " + b.string(of: b.sentences[j])) + "\n"
        }
        out += "\n" + bold("OMITTED from B (\(pair.omitted.count))") + "\n"
        for i in pair.omitted {
            out += style("31", "  - A\(i + 1): " + a.string(of: a.sentences[i])) + "\n"
        }
    }

    /// The word diff in one line: colored runs, or `[-…-]{+…+}` markers.
    func diffLine(_ ops: [WordDiffOp]) -> String {
        ops.map { op in
            switch op.kind {
            case .equal: op.text
            case .delete: colors ? style("31;9", op.text) : "[-\(op.text)-]"
            case .insert: colors ? style("32", op.text) : "{+\(op.text)+}"
            }
        }.joined(separator: " ")
    }

    /// The two sides in columns: reference words (deleted ones red) left, other (inserted
    /// green) right.
    func sideBySideLines(_ al: Alignment, width: Int) -> String {
        let column = (width - 7) / 2
        var left: [(String, String?)] = [], right: [(String, String?)] = []
        for op in al.wordDiff {
            for word in op.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) {
                switch op.kind {
                case .equal: left.append((word, nil)); right.append((word, nil))
                case .delete: left.append((word, "31"))
                case .insert: right.append((word, "32"))
                }
            }
        }
        let l = wrap(left, column), r = wrap(right, column)
        var out = ""
        for i in 0..<max(l.count, r.count) {
            let (lt, lw) = i < l.count ? l[i] : ("", 0)
            let (rt, _) = i < r.count ? r[i] : ("", 0)
            out += "    " + lt + String(repeating: " ", count: max(0, column - lw)) + dim(" │ ") + rt + "\n"
        }
        return out
    }

    /// Words wrapped to `width` visible characters: (styled line, visible length).
    func wrap(_ words: [(String, String?)], _ width: Int) -> [(String, Int)] {
        var lines: [(String, Int)] = []
        var line = "", length = 0
        for (word, code) in words {
            var w = word
            if w.count > width { w = String(w.prefix(width)) }
            if length > 0 && length + 1 + w.count > width {
                lines.append((line, length))
                line = ""; length = 0
            }
            if length > 0 { line += " "; length += 1 }
            if let code {
                line += colors ? style(code, w) : (code == "31" ? "[-\(w)-]" : "{+\(w)+}")
                length += colors ? w.count : w.count + 4
            } else {
                line += w; length += w.count
            }
        }
        if length > 0 { lines.append((line, length)) }
        return lines
    }

    func renderTable(_ report: DiffReport, _ table: FactTable, into out: inout String) {
        out += bold("FACT TABLE") + " — one row per fact, one column per version (✓ present, — absent, Δ changed)\n"
        for (i, id) in table.documentIDs.enumerated() {
            out += "  \(i == 0 ? "R" : "V\(i)"): \(id)\(i == 0 ? " (reference)" : "")\n"
        }
        let header = table.documentIDs.indices.map { ($0 == 0 ? "R" : "V\($0)").leftPadded(3) }.joined(separator: " ")
        out += "\n  " + "#".leftPadded(4) + "  " + header + "  fact\n"
        let textWidth = max(30, (width ?? 100) - 12 - 4 * table.documentIDs.count)
        for (r, row) in table.rows.enumerated() {
            let cells = row.cells.map { cell -> String in
                let mark = ReportStrings.mark(cell.state).leftPadded(3)
                switch cell.state {
                case .present: return style("32", mark)
                case .absent: return dim(mark)
                case .changed: return style("33", mark)
                }
            }.joined(separator: " ")
            let text = ReportStrings.truncated(report.text(row.anchor, row.sentences), textWidth)
            out += "  " + String(r + 1).leftPadded(4) + "  " + cells + "  " + text + "\n"
        }
    }
}

extension String {
    /// The string padded on the left with spaces to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
