/// Byte classes and small UTF-8 helpers shared by the tokenizer, the sentence splitter and the
/// normalizer.
///
/// The ASCII fast path looks every byte up in a 256-entry table; bytes ≥ 0x80 are classified
/// as ``ByteClass/nonASCII`` and only then decoded into a `Unicode.Scalar` (see ``UTF8Scan``).
enum ByteClass {
    static let separator: UInt8 = 0
    static let upper: UInt8 = 1
    static let lower: UInt8 = 2
    static let digit: UInt8 = 3
    static let apostrophe: UInt8 = 4
    static let period: UInt8 = 5
    static let comma: UInt8 = 6
    static let currency: UInt8 = 7
    static let percent: UInt8 = 8
    static let nonASCII: UInt8 = 9
    static let space: UInt8 = 10

    /// The class of every byte value.
    static let table: [UInt8] = {
        var t = [UInt8](repeating: separator, count: 256)
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] = upper }
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(b)] = lower }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = digit }
        t[Int(UInt8(ascii: "'"))] = apostrophe
        t[Int(UInt8(ascii: "."))] = period
        t[Int(UInt8(ascii: ","))] = comma
        t[Int(UInt8(ascii: "$"))] = currency
        t[Int(UInt8(ascii: "%"))] = percent
        for b in [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d] as [Int] { t[b] = space }
        for b in 0x80...0xff { t[b] = nonASCII }
        return t
    }()

    /// Maps a byte of a word token to its normalized byte: ASCII letters lowercased, apostrophes
    /// and periods dropped (0), everything else unchanged.
    static let wordMap: [UInt8] = {
        var t = (0...255).map { UInt8($0) }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] = b | 0x20 }
        t[Int(UInt8(ascii: "'"))] = 0
        t[Int(UInt8(ascii: "."))] = 0
        return t
    }()

    /// Maps a byte of a number token to its normalized byte: thousands commas dropped (0),
    /// letters lowercased, everything else unchanged.
    static let numberMap: [UInt8] = {
        var t = (0...255).map { UInt8($0) }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] = b | 0x20 }
        t[Int(UInt8(ascii: ","))] = 0
        return t
    }()

    /// ``table`` as an ``ImmortalTable``, for hot loops (no retain/release per access).
    static let classes = ImmortalTable(table)

    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
}

/// What a non-ASCII scalar means to the tokenizer and splitter.
enum ScalarClass: Equatable {
    /// A letter, combining mark or digit of any script except CJK: part of a word.
    case letter
    /// A CJK ideograph or kana: a token on its own.
    case ideograph
    /// A right single quote or modifier apostrophe (’ ʼ): an apostrophe inside a word.
    case apostrophe
    /// A currency sign (€ £ ¥ ₪ …): starts a number when a digit follows.
    case currency
    /// A space, including no-break, thin and zero-width spaces.
    case space
    /// Punctuation, quotes, dashes, symbols: separates tokens.
    case separator
}

/// UTF-8 decoding of one scalar at a time, for the slow path of bytes ≥ 0x80.
enum UTF8Scan {
    /// The length of the UTF-8 sequence starting with `lead` (1 for ASCII and stray bytes).
    @inline(__always)
    static func length(_ lead: UInt8) -> Int {
        if lead < 0xc0 { return 1 }
        if lead < 0xe0 { return 2 }
        if lead < 0xf0 { return 3 }
        return 4
    }

    /// Decodes the scalar at `i` (valid UTF-8 is guaranteed by the caller); returns its value
    /// and length, clamped to `end`.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        let n = min(length(p[i]), end - i)
        switch n {
        case 2: return ((b0 & 0x1f) << 6 | UInt32(p[i + 1] & 0x3f), 2)
        case 3: return ((b0 & 0x0f) << 12 | UInt32(p[i + 1] & 0x3f) << 6 | UInt32(p[i + 2] & 0x3f), 3)
        case 4:
            return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3f) << 12 | UInt32(p[i + 2] & 0x3f) << 6
                | UInt32(p[i + 3] & 0x3f), 4)
        default: return (b0, 1)
        }
    }

    /// Whether the scalar is whitespace for trimming and collapsing: ASCII space, no-break,
    /// the U+2000 spaces, zero-width spaces, line/paragraph separators, ideographic space, BOM.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2000...0x200b, 0x2028, 0x2029,
            0x202f, 0x205f, 0x2060, 0x3000, 0xfeff:
            return true
        default: return false
        }
    }

    /// Classifies a non-ASCII scalar.
    static func classify(_ v: UInt32) -> ScalarClass {
        // Fast paths for the punctuation news text is full of (quotes, dashes, spaces).
        switch v {
        case 0x2019, 0x02bc: return .apostrophe
        case 0x200c, 0x200d: return .letter
        case 0x00a0, 0x2000...0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060: return .space
        case 0x2010...0x2018, 0x201a...0x2027, 0x2030...0x205e: return .separator
        case 0x80...0xa1, 0xa6...0xa9, 0xab...0xb1, 0xb4, 0xb6...0xb8, 0xbb, 0xbf, 0xd7, 0xf7: return .separator
        default: break
        }
        switch v {
        case 0x2019, 0x02bc: return .apostrophe
        case 0x200c, 0x200d: return .letter  // ZWNJ/ZWJ join letters in Persian, Arabic, Indic
        case 0x3040...0x30ff, 0x31f0...0x31ff, 0x3400...0x4dbf, 0x4e00...0x9fff, 0xf900...0xfaff,
            0xff66...0xff9f, 0x20000...0x2ffff:
            return .ideograph
        default: break
        }
        if isSpace(v) { return .space }
        guard let scalar = Unicode.Scalar(v) else { return .separator }
        let props = scalar.properties
        if props.isAlphabetic { return .letter }
        switch props.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return .letter
        case .currencySymbol: return .currency
        default: return .separator
        }
    }

    /// Whether the scalar is an uppercase or titlecase letter.
    static func isUppercase(_ v: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isUppercase
    }

    /// Whether the scalar is a lowercase letter.
    static func isLowercase(_ v: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isLowercase
    }
}
