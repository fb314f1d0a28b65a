/// One token of an article: a word, a number or an ideograph, as a byte range into the original
/// UTF-8 text plus the stable hash of its normalized form.
///
/// Tokens never own strings; build one with ``Tokenizer/normalizedForm(of:in:)`` only for
/// reports and on cache misses.
public struct Token: Sendable, Hashable {
    /// What kind of token this is.
    public enum Kind: UInt8, Sendable, Hashable {
        /// Letters (any script but CJK), possibly with inner apostrophes or periods (`U.S.`).
        case word
        /// A number, with its separators and unit signs: `1,600`, `3.5%`, `$1.2`.
        case number
        /// A single CJK ideograph or kana (CJK text is tokenized per character).
        case ideograph
    }

    /// Properties of the token's original spelling.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The first letter is uppercase in the original (`Gallant`, `U.S.`).
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// Every letter is uppercase in the original and there are at least two (`UN`, `AXIOS`).
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// The token starts its sentence, so `capitalized` says nothing about it being a name.
        public static let sentenceInitial = Flags(rawValue: 1 << 2)
        /// The token contains non-ASCII bytes.
        public static let nonASCII = Flags(rawValue: 1 << 3)
    }

    /// Byte offset of the first byte in the original text.
    public var start: Int
    /// Byte offset one past the last byte in the original text.
    public var end: Int
    /// ``StableHash`` of the normalized (NFKC, case-folded, quote-mapped) form.
    public var hash: UInt64
    public var kind: Kind
    public var flags: Flags

    public init(start: Int, end: Int, hash: UInt64, kind: Kind, flags: Flags = []) {
        self.start = start
        self.end = end
        self.hash = hash
        self.kind = kind
        self.flags = flags
    }

    /// The byte range in the original text.
    @inlinable public var range: Range<Int> { start..<end }
}
