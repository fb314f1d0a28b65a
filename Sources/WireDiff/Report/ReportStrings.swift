import Foundation

/// Wording shared by the text, markdown and HTML renderers, so every format says the same thing.
enum ReportStrings {
    /// "same story", "partial reuse", "different story".
    static func verdictName(_ kind: Verdict.Kind) -> String {
        switch kind {
        case .sameStory: "same story"
        case .partialReuse: "partial reuse"
        case .differentStory: "different story"
        }
    }

    /// A percentage with no decimals: "83%".
    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }

    /// A score with three decimals: "0.812".
    static func score(_ value: Double) -> String { String(format: "%.3f", value) }

    /// The figures behind a verdict, in one line.
    static func figures(_ v: Verdict) -> String {
        "\(v.links) aligned link\(v.links == 1 ? "" : "s"); "
            + "\(percent(v.referenceCoverage)) of the reference's \(v.referenceSentences) sentences and "
            + "\(percent(v.otherCoverage)) of the other's \(v.otherSentences) aligned "
            + "(score-weighted \(percent(v.referenceWeightedCoverage)) / \(percent(v.otherWeightedCoverage))); "
            + "best score \(score(v.bestScore)); longest shared passage \(v.longestSharedPassage) sentence\(v.longestSharedPassage == 1 ? "" : "s")"
    }

    /// A changed detail as "kind: reference → other" ("—" for an absent side).
    static func change(_ c: ChangedDetail) -> String {
        let a = c.referenceText.isEmpty ? "—" : c.referenceText
        let b = c.otherText.isEmpty ? "—" : c.otherText
        return "\(c.kind.rawValue): \(a) → \(b)"
    }

    /// The rewording of an alignment in one line: "controversial → contentious (synonym); two → 2
    /// (number)"; empty when there is none.
    static func rewordings(_ list: [Rewording]) -> String {
        list.map { "\($0.referenceText) → \($0.otherText) (\($0.kind.rawValue))" }.joined(separator: "; ")
    }

    /// A credit as "“told Axios” (Axios, the reference's outlet)".
    static func credit(_ c: SourceCredit) -> String {
        var out = "“\(c.text)”"
        var notes: [String] = []
        if let outlet = c.outlet { notes.append(outlet) } else { notes.append("unnamed outlet") }
        if c.namesReference { notes.append("names the reference's outlet") }
        out += " (" + notes.joined(separator: ", ") + ")"
        return out
    }

    /// Sentence numbers as the reports show them: 1-based, "A3", "B5+B6".
    static func label(_ side: String, _ indices: [Int]) -> String {
        indices.map { "\(side)\($0 + 1)" }.joined(separator: "+")
    }

    /// The fact-table cell mark: ✓ present, — absent, Δ changed.
    static func mark(_ state: FactTable.Cell.State) -> String {
        switch state {
        case .present: "✓"
        case .absent: "—"
        case .changed: "Δ"
        }
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}
