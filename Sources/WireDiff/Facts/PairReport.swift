/// What a version adds, omits and changes relative to a reference version.
///
/// Sentence indices refer to each document's `sentences`. Encodes to JSON as is.
public struct PairReport: Sendable, Hashable, Codable {
    /// The reference document's id (the first file, e.g. the wire story).
    public var referenceID: String
    /// The other version's id.
    public var otherID: String
    /// Aligned sentences, in reference order, with their changed details and word diffs.
    public var alignments: [Alignment]
    /// Reporting sentences of the other version with no counterpart in the reference.
    public var added: [Int]
    /// Reporting sentences of the reference with no counterpart in the other version.
    public var omitted: [Int]
    public var verdict: Verdict
    /// Source credits in the other version ("told Axios", "Reuters reports").
    public var credits: [SourceCredit]

    public init(
        referenceID: String, otherID: String, alignments: [Alignment], added: [Int],
        omitted: [Int], verdict: Verdict, credits: [SourceCredit]
    ) {
        self.referenceID = referenceID
        self.otherID = otherID
        self.alignments = alignments
        self.added = added
        self.omitted = omitted
        self.verdict = verdict
        self.credits = credits
    }

    /// The alignment containing reference sentence `a`, if any.
    public func alignment(ofReference a: Int) -> Alignment? { alignments.first { $0.a.contains(a) } }

    /// The alignment containing sentence `b` of the other version, if any.
    public func alignment(ofOther b: Int) -> Alignment? { alignments.first { $0.b.contains(b) } }
}
