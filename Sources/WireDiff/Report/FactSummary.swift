/// What one version adds, omits and changes relative to the reference, in a few lines: the
/// head of every report format, before the aligned sentences.
///
/// - **changes**: every changed number, date, name, quote and attribution of the aligned
///   sentences ("number: 1,200 → 1,400");
/// - **adds**: the version's added sentences, then the phrases it adds inside aligned ones;
/// - **omits**: the reference's omitted sentences, then the phrases it drops inside aligned
///   ones.
///
/// Rewording is in none of them (see ``DetailExtractor``): it stays in the word diff.
///
/// - Complexity: O(a + c) in the alignments and their changes.
public struct FactSummary: Sendable {
    /// One fact: where it is ("A3 ↔ B4", "B7") and what it says.
    public struct Line: Sendable, Hashable {
        public var location: String
        public var text: String
    }

    public var changes: [Line] = []
    public var adds: [Line] = []
    public var omits: [Line] = []

    public var isEmpty: Bool { changes.isEmpty && adds.isEmpty && omits.isEmpty }

    /// Which list a line is on.
    public enum Kind: String, Sendable, Hashable {
        case change, add, omit

        /// The mark the reports show: Δ, + or −.
        public var symbol: String {
            switch self {
            case .change: "Δ"
            case .add: "+"
            case .omit: "−"
            }
        }
    }

    /// Every line in report order: changes, then additions, then omissions.
    public var lines: [(kind: Kind, line: Line)] {
        changes.map { (.change, $0) } + adds.map { (.add, $0) } + omits.map { (.omit, $0) }
    }

    /// The summary of `pair`, comparing `report.documents[0]` with `report.documents[other]`;
    /// sentence texts cut to `limit` characters.
    public init(_ report: DiffReport, _ pair: PairReport, other: Int, limit: Int = 160) {
        let a = report.documents[0], b = report.documents[other]
        for al in pair.alignments {
            let location = "\(ReportStrings.label("A", al.a)) ↔ \(ReportStrings.label("B", al.b))"
            for c in al.changes {
                switch c.kind {
                case .addedDetail: adds.append(Line(location: location, text: "“\(c.otherText)”"))
                case .droppedDetail: omits.append(Line(location: location, text: "“\(c.referenceText)”"))
                default: changes.append(Line(location: location, text: ReportStrings.change(c)))
                }
            }
        }
        adds.insert(contentsOf: pair.added.map { Line(location: "B\($0 + 1)", text: ReportStrings.truncated(b.string(of: b.sentences[$0]), limit)) }, at: 0)
        omits.insert(contentsOf: pair.omitted.map { Line(location: "A\($0 + 1)", text: ReportStrings.truncated(a.string(of: a.sentences[$0]), limit)) }, at: 0)
    }
}
