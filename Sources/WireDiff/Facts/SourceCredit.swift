/// A place where a version credits a source outlet: "told Axios", "Reuters reports", "according
/// to the Axios news site", "US media reported", "AFP contributed to this report".
public struct SourceCredit: Sendable, Hashable, Codable {
    /// Sentence index in the version that gives the credit.
    public var sentence: Int
    /// Byte range of the crediting phrase.
    public var range: Range<Int>
    /// The crediting phrase as written.
    public var text: String
    /// The outlet named ("Axios"), or `nil` for an unnamed one ("US media").
    public var outlet: String?
    /// Whether the outlet's name appears in the reference document (the rewrite credits the
    /// reference's outlet, as far as the texts tell).
    public var namesReference: Bool

    public init(sentence: Int, range: Range<Int>, text: String, outlet: String?, namesReference: Bool) {
        self.sentence = sentence
        self.range = range
        self.text = text
        self.outlet = outlet
        self.namesReference = namesReference
    }
}
