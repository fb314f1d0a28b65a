/// A detail that differs between aligned sentences: a number, a date, a name, a quote, an
/// attribution, or words one side has and the other lacks.
public struct ChangedDetail: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Numbers with different values ("600" vs "700").
        case number
        /// Different dates or weekdays ("Monday" vs "Tuesday").
        case date
        /// A name present on one side only.
        case name
        /// Quoted words that differ.
        case quote
        /// Different attributions ("two Israeli officials" vs "a senior Israeli official").
        case attribution
        /// Content words of the reference sentence missing from its counterpart.
        case droppedDetail = "dropped-detail"
        /// Content words of the other version missing from the reference sentence.
        case addedDetail = "added-detail"
    }

    public var kind: Kind
    /// The reference side's text ("" when the detail is absent there).
    public var referenceText: String
    /// The other side's text ("" when the detail is absent there).
    public var otherText: String
    /// Sentence index and byte range of the reference side's text, if any.
    public var referenceSentence: Int?
    public var referenceRange: Range<Int>?
    /// Sentence index and byte range of the other side's text, if any.
    public var otherSentence: Int?
    public var otherRange: Range<Int>?

    public init(
        kind: Kind, referenceText: String, otherText: String,
        referenceSentence: Int? = nil, referenceRange: Range<Int>? = nil,
        otherSentence: Int? = nil, otherRange: Range<Int>? = nil
    ) {
        self.kind = kind
        self.referenceText = referenceText
        self.otherText = otherText
        self.referenceSentence = referenceSentence
        self.referenceRange = referenceRange
        self.otherSentence = otherSentence
        self.otherRange = otherRange
    }
}
