/// One sentence (or headline, label, bullet item) of an article, as a byte range into the
/// original UTF-8 text.
public struct Sentence: Sendable, Hashable {
    /// The sentence's structural role.
    public enum Role: String, Sendable, Hashable, Codable {
        /// An ordinary sentence of running text.
        case body
        /// A line without final punctuation standing alone: a headline or section head.
        case headline
        /// A label such as "Why it matters:" or "Driving the news:".
        case label
        /// A bulleted or numbered list item.
        case bullet
    }

    /// Byte offset of the first byte (whitespace and bullet markers trimmed).
    public var start: Int
    /// Byte offset one past the last byte (whitespace trimmed).
    public var end: Int
    /// Index of the paragraph (block separated by line breaks) the sentence belongs to.
    public var paragraph: Int
    public var role: Role
    /// Byte range of a wire dateline ("DUBAI, Nov 15 (Reuters) –") at the sentence start, if any.
    public var dateline: Range<Int>?
    /// Why the sentence is page furniture, or `nil` for reporting.
    public var boilerplate: BoilerplateReason?

    public init(
        start: Int, end: Int, paragraph: Int, role: Role = .body,
        dateline: Range<Int>? = nil, boilerplate: BoilerplateReason? = nil
    ) {
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.role = role
        self.dateline = dateline
        self.boilerplate = boilerplate
    }

    /// The byte range in the original text.
    @inlinable public var range: Range<Int> { start..<end }

    /// The byte range of the reporting itself: after the dateline, if there is one.
    @inlinable public var contentRange: Range<Int> { (dateline?.upperBound ?? start)..<end }
}
