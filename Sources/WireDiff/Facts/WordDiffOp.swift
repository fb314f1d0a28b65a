/// One step of a word-level diff between aligned sentences: a run of whole words that are
/// equal on both sides, only in the other version (`insert`), or only in the reference
/// (`delete`).
public struct WordDiffOp: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case equal, insert, delete
    }

    public var kind: Kind
    /// The original text of the run (the reference's for `equal` and `delete`, the other's for
    /// `insert`), from its first word's first byte to its last word's last byte.
    public var text: String
    /// Byte range in the reference (for `equal` and `delete`).
    public var referenceRange: Range<Int>?
    /// Byte range in the other version (for `equal` and `insert`).
    public var otherRange: Range<Int>?

    public init(kind: Kind, text: String, referenceRange: Range<Int>? = nil, otherRange: Range<Int>? = nil) {
        self.kind = kind
        self.text = text
        self.referenceRange = referenceRange
        self.otherRange = otherRange
    }
}
