/// Splits text into word, number and ideograph tokens with byte offsets and stable hashes.
///
/// Works on UTF-8 bytes: an ASCII fast path classifies each byte through a 256-entry table and
/// lowercases with a second table; only bytes ≥ 0x80 are decoded into Unicode scalars, and only
/// tokens that contain non-ASCII letters are normalized through Foundation (NFKC, lowercase).
///
/// The rules, chosen so that spelling variants of the same word hash alike:
/// - **Words** are runs of letters and digits of any script except CJK (Latin, Hebrew, Arabic,
///   Cyrillic, Greek …, with their combining marks). Normalized form: NFKC, lowercase.
/// - **Apostrophes** (' ’ ʼ) inside a word are dropped from the normalized form ("Shi'ite" →
///   "shiite", "don’t" → "dont"). A possessive or contracted **'s / ’s** at the end of a word is
///   not part of the token: "Iran’s" and "Iran's" give the token "Iran" → "iran". A trailing
///   apostrophe ("Hamas’") is not part of the token either.
/// - **Hyphens and dashes split** words into their parts: "Iran-backed" → "iran", "backed";
///   "U.S.-Saudi" → "us", "saudi". So "long-time" and "long time" match; "longtime" does not.
/// - **Acronyms with periods** (a letter, a period, a letter, a period …: "U.S.", "U.N.",
///   "a.m.", "D.C.") are one token whose range includes the final period and whose normalized
///   form drops the periods: "U.S." → "us", "a.m." → "am" (so "U.S." matches "US").
///   Other periods end a word ("Gen." → "gen").
/// - **Numbers** start with a digit, or with a currency sign directly followed by a digit, and
///   continue through digits, through "." or "," between digits, and a final "%"; letters
///   directly attached continue the token ("1980s", "20th"). Normalized form: thousands commas
///   dropped, so "1,600" → "1600", "$1.2" → "$1.2", "3.5%" → "3.5%". In "$1.2 billion" the
///   number is "$1.2" and "billion" is a word.
/// - **CJK** ideographs and kana are one token per character (kind ``Token/Kind/ideograph``).
/// - Everything else (spaces, punctuation, quotes, dashes, symbols, emoji) separates tokens.
///
/// ``Token/hash`` is ``StableHash`` of exactly the bytes ``normalizedForm(of:in:)`` returns.
///
/// - Complexity: O(n) in the bytes of the range; no allocation per token on the ASCII path.
public struct Tokenizer: Sendable {
    public init() {}

    /// Capacity of the per-call scratch buffer for normalized ASCII tokens; longer tokens take
    /// the allocating path.
    static let scratchCapacity = 128

    /// Appends the tokens of `bytes[range]` to `tokens`. The first token gets
    /// ``Token/Flags/sentenceInitial``, so pass one sentence's ``Sentence/contentRange`` at a
    /// time.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token]) {
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the buffer")
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Tokenizer.scratchCapacity) { scratch in
            ByteClass.table.withUnsafeBufferPointer { table in
                Tokenizer.scan(base, range.lowerBound, range.upperBound, table.baseAddress!, scratch.baseAddress!, &tokens)
            }
        }
    }

    /// Convenience: the tokens of a whole string (offsets are UTF-8 byte offsets).
    public func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { tokenize($0, range: 0..<$0.count, into: &tokens) }
        return tokens
    }

    /// Convenience: the normalized forms of the tokens of a string (for tests and reports).
    public func normalizedTokens(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        let tokens = self.tokens(in: text)
        return bytes.withUnsafeBufferPointer { buffer in
            tokens.map { String(decoding: Tokenizer.normalizedForm(of: $0, in: buffer), as: UTF8.self) }
        }
    }

    /// The normalized bytes of a token: exactly the bytes whose ``StableHash`` is ``Token/hash``.
    public static func normalizedForm(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let slice = UnsafeBufferPointer(rebasing: bytes[token.range])
        if token.flags.contains(.nonASCII) {
            return Normalizer.normalizeToken(slice, kind: token.kind)
        }
        let map = token.kind == .number ? ByteClass.numberMap : ByteClass.wordMap
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        for b in slice {
            let m = map[Int(b)]
            if m != 0 { out.append(m) }
        }
        return out
    }

    // MARK: - Scanner

    /// The scanning loop over `p[lo..<hi]`.
    static func scan(
        _ p: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int, _ table: UnsafePointer<UInt8>,
        _ scratch: UnsafeMutablePointer<UInt8>, _ tokens: inout [Token]
    ) {
        var i = lo
        var first = true
        while i < hi {
            let c = table[Int(p[i])]
            switch c {
            case ByteClass.upper, ByteClass.lower:
                i = scanWord(p, i, hi, table, scratch, &tokens, &first)
            case ByteClass.digit:
                i = scanNumber(p, i, i, hi, table, scratch, &tokens, &first)
            case ByteClass.currency:
                if i + 1 < hi && ByteClass.isDigit(p[i + 1]) {
                    i = scanNumber(p, i, i + 1, hi, table, scratch, &tokens, &first)
                } else {
                    i += 1
                }
            case ByteClass.nonASCII:
                let (v, n) = UTF8Scan.decode(p, i, hi)
                switch UTF8Scan.classify(v) {
                case .letter:
                    i = scanWord(p, i, hi, table, scratch, &tokens, &first)
                case .ideograph:
                    emitSlow(p, i, i + n, .ideograph, [.nonASCII], &tokens, &first)
                    i += n
                case .currency where i + n < hi && ByteClass.isDigit(p[i + n]):
                    i = scanNumber(p, i, i + n, hi, table, scratch, &tokens, &first)
                default:
                    i += n
                }
            default:
                i += 1
            }
        }
    }

    /// Scans an acronym ("U.S.") or a word starting at `start`; returns the index after it
    /// (after a possessive "'s" if there is one).
    @inline(__always)
    static func scanWord(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ hi: Int, _ table: UnsafePointer<UInt8>,
        _ scratch: UnsafeMutablePointer<UInt8>, _ tokens: inout [Token], _ first: inout Bool
    ) -> Int {
        // Acronym: letter '.' letter '.' (…), all ASCII.
        if start + 3 < hi, p[start + 1] == 0x2e, ByteClass.isLetter(p[start]), ByteClass.isLetter(p[start + 2]),
            p[start + 3] == 0x2e
        {
            var j = start + 4
            var uppers = (ByteClass.isUpper(p[start]) ? 1 : 0) + (ByteClass.isUpper(p[start + 2]) ? 1 : 0)
            var letters = 2
            while j + 1 < hi, ByteClass.isLetter(p[j]), p[j + 1] == 0x2e {
                if ByteClass.isUpper(p[j]) { uppers += 1 }
                letters += 1
                j += 2
            }
            // "U.S.A" followed by a letter would be a different shape; accept as is.
            var flags: Token.Flags = []
            if ByteClass.isUpper(p[start]) { flags.insert(.capitalized) }
            if uppers == letters { flags.insert(.allCaps) }
            emitASCII(p, start, j, .word, flags, scratch, &tokens, &first)
            return j
        }

        var i = start
        var uppers = 0
        var lowers = 0
        var nonASCII = false
        var firstUpper = false
        var firstLetterSeen = false
        var end = -1
        var next = -1
        loop: while i < hi {
            let b = p[i]
            switch table[Int(b)] {
            case ByteClass.upper:
                if !firstLetterSeen { firstUpper = true; firstLetterSeen = true }
                uppers += 1
                i += 1
            case ByteClass.lower:
                firstLetterSeen = true
                lowers += 1
                i += 1
            case ByteClass.digit:
                i += 1
            case ByteClass.apostrophe:
                if let after = apostrophe(p, i, 1, hi, table) {
                    if after.possessive { end = i; next = after.next; break loop }
                    i += 1
                } else {
                    break loop
                }
            case ByteClass.nonASCII:
                let (v, n) = UTF8Scan.decode(p, i, hi)
                let cls = UTF8Scan.classify(v)
                if cls == .letter {
                    if !firstLetterSeen {
                        firstLetterSeen = true
                        firstUpper = UTF8Scan.isUppercase(v)
                    }
                    if UTF8Scan.isUppercase(v) { uppers += 1 } else if UTF8Scan.isLowercase(v) { lowers += 1 }
                    nonASCII = true
                    i += n
                } else if cls == .apostrophe, let after = apostrophe(p, i, n, hi, table) {
                    nonASCII = true
                    if after.possessive { end = i; next = after.next; break loop }
                    i += n
                } else {
                    break loop
                }
            default:
                break loop
            }
        }
        if end < 0 { end = i; next = i }
        var flags: Token.Flags = []
        if firstUpper { flags.insert(.capitalized) }
        if uppers >= 2 && lowers == 0 { flags.insert(.allCaps) }
        if nonASCII {
            // The apostrophe may have been the only non-ASCII byte kept in the range.
            var k = start
            var any = false
            while k < end { if p[k] >= 0x80 { any = true; break }; k += 1 }
            if any {
                flags.insert(.nonASCII)
                emitSlow(p, start, end, .word, flags, &tokens, &first)
                return next
            }
        }
        emitASCII(p, start, end, .word, flags, scratch, &tokens, &first)
        return next
    }

    /// Looks at an apostrophe of `n` bytes at `i` inside a word: `nil` if it ends the word (no
    /// letter follows), otherwise whether it starts a final "'s" and where scanning resumes.
    @inline(__always)
    static func apostrophe(
        _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ hi: Int, _ table: UnsafePointer<UInt8>
    ) -> (possessive: Bool, next: Int)? {
        let j = i + n
        guard j < hi else { return nil }
        let b = p[j]
        let c = table[Int(b)]
        if c == ByteClass.upper || c == ByteClass.lower {
            if b | 0x20 == 0x73 {  // 's' or 'S'
                let k = j + 1
                if k >= hi { return (true, k) }
                let d = table[Int(p[k])]
                if d == ByteClass.upper || d == ByteClass.lower || d == ByteClass.digit { return (false, j) }
                if d == ByteClass.nonASCII {
                    let (v, _) = UTF8Scan.decode(p, k, hi)
                    if UTF8Scan.classify(v) == .letter { return (false, j) }
                }
                return (true, k)
            }
            return (false, j)
        }
        if c == ByteClass.nonASCII {
            let (v, _) = UTF8Scan.decode(p, j, hi)
            if UTF8Scan.classify(v) == .letter { return (false, j) }
        }
        return nil
    }

    /// Scans a number whose first digit is at `digits` (after any currency sign at `start`).
    @inline(__always)
    static func scanNumber(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ digits: Int, _ hi: Int, _ table: UnsafePointer<UInt8>,
        _ scratch: UnsafeMutablePointer<UInt8>, _ tokens: inout [Token], _ first: inout Bool
    ) -> Int {
        var i = digits
        while i < hi {
            let c = table[Int(p[i])]
            if c == ByteClass.digit || c == ByteClass.upper || c == ByteClass.lower {
                i += 1
            } else if (c == ByteClass.period || c == ByteClass.comma) && i + 1 < hi && ByteClass.isDigit(p[i + 1])
                && ByteClass.isDigit(p[i - 1])
            {
                i += 2
            } else {
                break
            }
        }
        if i < hi && p[i] == 0x25 { i += 1 }  // %
        if digits > start && p[start] >= 0x80 {
            emitSlow(p, start, i, .number, [.nonASCII], &tokens, &first)
        } else {
            emitASCII(p, start, i, .number, [], scratch, &tokens, &first)
        }
        return i
    }

    /// Emits an ASCII token, normalizing it into `scratch` and hashing it there.
    @inline(__always)
    static func emitASCII(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ kind: Token.Kind, _ flags: Token.Flags,
        _ scratch: UnsafeMutablePointer<UInt8>, _ tokens: inout [Token], _ first: inout Bool
    ) {
        var flags = flags
        if first { flags.insert(.sentenceInitial); first = false }
        let length = end - start
        let hash: UInt64
        if length <= scratchCapacity {
            let map = kind == .number ? ByteClass.numberMap : ByteClass.wordMap
            var n = 0
            map.withUnsafeBufferPointer { m in
                for k in start..<end {
                    let v = m[Int(p[k])]
                    scratch[n] = v
                    n &+= v != 0 ? 1 : 0
                }
            }
            hash = StableHash.hash(UnsafeRawBufferPointer(start: scratch, count: n))
        } else {
            let token = Token(start: start, end: end, hash: 0, kind: kind, flags: flags)
            hash = StableHash.hash(normalizedForm(of: token, in: UnsafeBufferPointer(start: p, count: end)))
        }
        tokens.append(Token(start: start, end: end, hash: hash, kind: kind, flags: flags))
    }

    /// Emits a token containing non-ASCII bytes through the Unicode normalizer.
    static func emitSlow(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ kind: Token.Kind, _ flags: Token.Flags,
        _ tokens: inout [Token], _ first: inout Bool
    ) {
        var flags = flags
        flags.insert(.nonASCII)
        if first { flags.insert(.sentenceInitial); first = false }
        let normalized = Normalizer.normalizeToken(UnsafeBufferPointer(start: p + start, count: end - start), kind: kind)
        tokens.append(Token(start: start, end: end, hash: StableHash.hash(normalized), kind: kind, flags: flags))
    }
}
