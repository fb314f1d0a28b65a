/// One token of an article: a word, a number or an ideograph, as a byte range into the original
/// UTF-8 text plus the stable hash of its normalized form.
///
/// Tokens never own strings; build one with ``Tokenizer/normalizedForm(of:in:)`` only for
/// reports and on cache misses.
package struct Token: Sendable, Hashable {
    /// What kind of token this is.
    package enum Kind: UInt8, Sendable, Hashable {
        /// Letters (any script but CJK), possibly with inner apostrophes or periods (`U.S.`).
        case word
        /// A number, with its separators and unit signs: `1,600`, `3.5%`, `$1.2`.
        case number
        /// A single CJK ideograph or kana (CJK text is tokenized per character).
        case ideograph
    }

    /// Properties of the token's original spelling.
    package struct Flags: OptionSet, Sendable, Hashable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The first letter is uppercase in the original (`Gallant`, `U.S.`).
        package static let capitalized = Flags(rawValue: 1 << 0)
        /// Every letter is uppercase in the original and there are at least two (`UN`, `AXIOS`).
        package static let allCaps = Flags(rawValue: 1 << 1)
        /// The token starts its sentence, so `capitalized` says nothing about it being a name.
        package static let sentenceInitial = Flags(rawValue: 1 << 2)
        /// The token contains non-ASCII bytes.
        package static let nonASCII = Flags(rawValue: 1 << 3)
    }

    /// Byte offset of the first byte in the original text.
    package var start: Int
    /// Byte offset one past the last byte in the original text.
    package var end: Int
    /// ``StableHash`` of the normalized (NFKC, case-folded, quote-mapped) form.
    package var hash: UInt64
    package var kind: Kind
    package var flags: Flags

    package init(start: Int, end: Int, hash: UInt64, kind: Kind, flags: Flags = []) {
        self.start = start
        self.end = end
        self.hash = hash
        self.kind = kind
        self.flags = flags
    }

    /// The byte range in the original text.
    @inlinable package var range: Range<Int> { start..<end }
}
