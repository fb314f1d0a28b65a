/// Splits text into word, number and ideograph tokens with byte offsets and stable hashes.
///
/// Works on UTF-8 bytes: token starts are classified through a 256-entry byte-class table, and
/// runs of ASCII letters and digits are scanned and lowercased 8 bytes at a time (SWAR, no
/// branch per byte) into a stack scratch buffer that is hashed in place; only bytes ≥ 0x80 are
/// decoded into Unicode scalars, and only tokens that contain non-ASCII letters are normalized
/// through Foundation (NFKC, lowercase; see ``Normalizer``). No `String` and no allocation per
/// token on the ASCII path.
///
/// The rules, chosen so that spelling variants of the same word hash alike:
/// - **Words** are runs of letters and digits of any script except CJK (Latin, Hebrew, Arabic,
///   Cyrillic, Greek …, with their combining marks). Normalized form: NFKC, lowercase.
/// - **Apostrophes** (' ’ ʼ) inside a word are dropped from the normalized form ("Shi'ite" →
///   "shiite", "don’t" → "dont"). A possessive or contracted **'s / ’s** at the end of a word is
///   not part of the token: "Iran’s" and "Iran's" give the token "Iran" → "iran". A trailing
///   apostrophe ("Hamas’") is not part of the token either. Contractions in "'s" are treated
///   the same way ("it's" → "it").
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
package struct Tokenizer: Sendable {
    package init() {}

    /// Capacity of the per-call scratch buffer for normalized ASCII tokens (a power of two);
    /// longer tokens are normalized through ``normalizedForm(of:in:)``.
    static let scratchCapacity = 128

    /// Tokens are staged in a stack buffer of this many and appended to the caller's array in
    /// batches (no uniqueness check and capacity check per token). 32 tokens are 1 KiB, the
    /// most `withUnsafeTemporaryAllocation` puts on the stack without asking (more is a
    /// `malloc` per call).
    static let stagingCapacity = 32

    /// Appends the tokens of `bytes[range]` to `tokens`. The first token gets
    /// ``Token/Flags/sentenceInitial``, so pass one sentence's ``Sentence/contentRange`` at a
    /// time.
    package func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token]) {
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the buffer")
        let classes = ByteClass.classes
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Tokenizer.scratchCapacity + 8) { scratch in
            withUnsafeTemporaryAllocation(of: Token.self, capacity: Tokenizer.stagingCapacity) { staging in
                var scanner = Scanner(
                    p: base, hi: range.upperBound, limit: bytes.count, classes: classes, scratch: scratch.baseAddress!, staging: staging.baseAddress!)
                scanner.run(from: range.lowerBound, into: &tokens)
                scanner.flush(&tokens)
            }
        }
    }

    /// Convenience: the tokens of a whole string (offsets are UTF-8 byte offsets).
    package func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { tokenize($0, range: 0..<$0.count, into: &tokens) }
        return tokens
    }

    /// Convenience: the normalized forms of the tokens of a string (for tests and reports).
    package func normalizedTokens(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        let tokens = self.tokens(in: text)
        return bytes.withUnsafeBufferPointer { buffer in
            tokens.map { String(decoding: Tokenizer.normalizedForm(of: $0, in: buffer), as: UTF8.self) }
        }
    }

    /// The normalized bytes of a token: exactly the bytes whose ``StableHash`` is ``Token/hash``.
    package static func normalizedForm(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
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

    /// Masks over the 8 bytes of `w` (first byte lowest; high bit of each byte): bytes that are
    /// not ASCII letters or digits (`stop`), uppercase letters, lowercase letters.
    ///
    /// Exact per byte (``SWAR/asciiBytes(_:above:below:)``); bytes ≥ 0x80 are stops.
    @inline(__always)
    static func alnumMasks(_ w: UInt64) -> (stop: UInt64, upper: UInt64, lower: UInt64) {
        let lower = SWAR.asciiBytes(w, above: 0x60, below: 0x7b)
        let upper = SWAR.asciiBytes(w, above: 0x40, below: 0x5b)
        let digit = SWAR.asciiBytes(w, above: 0x2f, below: 0x3a)
        return (~(lower | upper | digit) & SWAR.highBits, upper, lower)
    }

    /// The single-pass scanner: classifies bytes through the class table and writes the
    /// normalized bytes of ASCII tokens into `scratch` as it goes, then hashes them.
    struct Scanner {
        let p: UnsafePointer<UInt8>
        let hi: Int
        /// The end of the buffer: bytes up to here may be loaded (and masked), not tokenized.
        let limit: Int
        /// ``ByteClass/classes``.
        let classes: ImmortalTable<UInt8>
        let scratch: UnsafeMutablePointer<UInt8>
        let staging: UnsafeMutablePointer<Token>
        var staged = 0
        var first = true

        init(
            p: UnsafePointer<UInt8>, hi: Int, limit: Int, classes: ImmortalTable<UInt8>, scratch: UnsafeMutablePointer<UInt8>,
            staging: UnsafeMutablePointer<Token>
        ) {
            self.p = p
            self.hi = hi
            self.limit = limit
            self.classes = classes
            self.scratch = scratch
            self.staging = staging
        }

        /// Appends the staged tokens to `tokens`.
        mutating func flush(_ tokens: inout [Token]) {
            if staged > 0 {
                tokens.append(contentsOf: UnsafeBufferPointer(start: staging, count: staged))
                staging.deinitialize(count: staged)
                staged = 0
            }
        }

        /// Stages one token, flushing when the staging buffer is full.
        @inline(__always)
        mutating func put(_ token: Token, _ tokens: inout [Token]) {
            (staging + staged).initialize(to: token)
            staged &+= 1
            if staged == Tokenizer.stagingCapacity { flush(&tokens) }
        }

        @inline(__always)
        func cls(_ i: Int) -> UInt8 { classes[Int(p[i])] }

        mutating func run(from lo: Int, into tokens: inout [Token]) {
            var i = lo
            while i < hi {
                if p[i] == 0x20 { i &+= 1; continue }  // the most common separator
                let c = cls(i)
                if c == ByteClass.upper || c == ByteClass.lower {
                    i = word(i, &tokens)
                } else if c <= ByteClass.digit {
                    if c == ByteClass.digit { i = number(i, i, &tokens) } else { i += 1 }
                } else if c == ByteClass.currency {
                    if i + 1 < hi && ByteClass.isDigit(p[i + 1]) { i = number(i, i + 1, &tokens) } else { i += 1 }
                } else if c == ByteClass.nonASCII {
                    let (v, n) = UTF8Scan.decode(p, i, hi)
                    switch UTF8Scan.classify(v) {
                    case .letter:
                        i = word(i, &tokens)
                    case .ideograph:
                        emitSlow(i, i + n, .ideograph, [], &tokens)
                        i += n
                    case .currency where i + n < hi && ByteClass.isDigit(p[i + n]):
                        i = number(i, i + n, &tokens)
                    default:
                        i += n
                    }
                } else {
                    i += 1
                }
            }
        }

        /// Scans a word starting at `start`; returns the index after it (after a possessive
        /// "'s" if there is one).
        ///
        /// The fast path takes the common case, a run of ASCII letters and digits starting with
        /// an ASCII letter, not an acronym, ending in a byte that is neither an apostrophe nor
        /// non-ASCII, at least 8 bytes before the end of the range: two range tests per 8 bytes,
        /// the lowercase bytes written to the scratch buffer, case flags from masks. Everything
        /// else goes to ``wordGeneral(_:_:)`` from the start of the word.
        @inline(__always)
        mutating func word(_ start: Int, _ tokens: inout [Token]) -> Int {
            guard start &+ 8 <= limit else { return wordGeneral(start, &tokens) }
            let b0 = p[start]
            guard b0 < 0x80, start &+ 1 == hi || p[start &+ 1] != 0x2e else { return wordGeneral(start, &tokens) }
            let high = SWAR.highBits
            let mask = Tokenizer.scratchCapacity - 1
            var i = start
            var n = 0
            var lowerAny: UInt64 = 0
            var lowered: UInt64 = 0  // the last 8 bytes written to the scratch buffer
            while true {
                // Bytes past `hi` (still inside the buffer, up to `limit`) count as stops.
                guard i &+ 8 <= limit else { return wordGeneral(start, &tokens) }
                let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                // Letters: the low seven bits folded to lowercase, then the ASCII bytes only.
                let folded = (w & SWAR.lowSeven) | SWAR.broadcast(0x20)
                let letters = SWAR.asciiBytes(folded, above: 0x60, below: 0x7b) & ~w
                let digits = SWAR.asciiBytes(w, above: 0x2f, below: 0x3a)
                var stop = ~(letters | digits) & high
                let left = hi &- i
                if left < 8 { stop |= high & (~UInt64(0) &<< UInt64(truncatingIfNeeded: left &* 8)) }
                // Bit 5 (0x20) of each byte moved to bit 7: set for lowercase letters.
                let upper = letters & ~(w &<< 2)
                lowered = w | (upper &>> 2)
                UnsafeMutableRawPointer(scratch + (n & mask)).storeBytes(of: UInt64(littleEndian: lowered), as: UInt64.self)
                let before = (stop & (0 &- stop)) &- 1  // bits below the first stop byte
                lowerAny |= letters & (w &<< 2) & before
                let k = stop.trailingZeroBitCount &>> 3
                n &+= k
                i &+= k
                if k < 8 { break }
            }
            if i < hi {
                let b = p[i]
                if b == 0x27 || b >= 0x80 { return wordGeneral(start, &tokens) }
            }
            // Capitalized without a branch (about one word in five is).
            var flags = Token.Flags(rawValue: ByteClass.isUpper(b0) ? Token.Flags.capitalized.rawValue : 0)
            if lowerAny == 0 {
                // No lowercase letter: all caps if at least two uppercase letters.
                var uppers = 0
                for k in start..<i where ByteClass.isUpper(p[k]) { uppers &+= 1 }
                if uppers >= 2 { flags.insert(.allCaps) }
            }
            if n < 8 {
                // One chunk: the normalized bytes are the low `n` bytes of `lowered`
                // (``hashScratch(_:)`` without the round trip through memory).
                let h = StableHash.p0 ^ (UInt64(truncatingIfNeeded: n) &* StableHash.p1)
                let tail = lowered & (~UInt64(0) &>> UInt64(truncatingIfNeeded: 64 &- 8 &* n))
                emitHashed(start, i, StableHash.mix(StableHash.mum(h ^ tail, StableHash.p2)), .word, flags, &tokens)
            } else {
                emit(start, i, n, .word, flags, &tokens)
            }
            return i
        }

        /// Emits a token whose hash is known.
        @inline(__always)
        mutating func emitHashed(
            _ start: Int, _ end: Int, _ hash: UInt64, _ kind: Token.Kind, _ flags: Token.Flags, _ tokens: inout [Token]
        ) {
            var flags = flags
            if first { flags.insert(.sentenceInitial); first = false }
            put(Token(start: start, end: end, hash: hash, kind: kind, flags: flags), &tokens)
        }

        /// Scans an acronym ("U.S.") or any word starting at `start`; returns the index after
        /// it (after a possessive "'s" if there is one).
        @inline(never)
        mutating func wordGeneral(_ start: Int, _ tokens: inout [Token]) -> Int {
            if let end = acronym(start, &tokens) { return end }
            var shape = WordShape()
            var i = start
            var end = -1
            var next = -1
            loop: while true {
                asciiRun(&i, &shape)
                if i >= hi { break loop }
                let b = p[i]
                if b == 0x27 {
                    guard let after = apostrophe(i, 1) else { break loop }
                    if after.possessive { end = i; next = after.next; break loop }
                    i += 1
                } else if b >= 0x80 {
                    let (v, len) = UTF8Scan.decode(p, i, hi)
                    let sc = UTF8Scan.classify(v)
                    if sc == .letter {
                        if !shape.letters && i == start && UTF8Scan.isUppercase(v) { shape.uppers += 1 }
                        if UTF8Scan.isLowercase(v) { shape.lowers = true }
                        shape.letters = true
                        i += len
                    } else if sc == .apostrophe, let after = apostrophe(i, len) {
                        if after.possessive { end = i; next = after.next; break loop }
                        shape.apostrophes = true
                        i += len
                    } else {
                        break loop
                    }
                } else {
                    break loop
                }
            }
            if end < 0 { end = i; next = i }
            emitWord(start, end, shape, &tokens)
            return next
        }

        /// What ``wordGeneral(_:_:)`` learns about a word while scanning it.
        struct WordShape {
            /// Normalized ASCII bytes written to the scratch buffer.
            var n = 0
            /// Uppercase letters, counted up to "at least two".
            var uppers = 0
            var lowers = false
            /// A non-ASCII apostrophe (’) inside the token.
            var apostrophes = false
            /// A non-ASCII letter inside the token.
            var letters = false
        }

        /// An acronym at `start` (letter '.' letter '.' …, all ASCII; periods dropped from the
        /// normal form): emits it and returns the index after it; `nil` when there is none.
        @inline(__always)
        mutating func acronym(_ start: Int, _ tokens: inout [Token]) -> Int? {
            guard start + 3 < hi, p[start + 1] == 0x2e, p[start + 3] == 0x2e, ByteClass.isLetter(p[start]),
                ByteClass.isLetter(p[start + 2])
            else { return nil }
            let mask = Tokenizer.scratchCapacity - 1
            var j = start
            var n = 0
            var uppers = 0
            while j + 1 < hi, ByteClass.isLetter(p[j]), p[j + 1] == 0x2e {
                if ByteClass.isUpper(p[j]) { uppers += 1 }
                scratch[n & mask] = p[j] | 0x20
                n += 1
                j += 2
            }
            var flags: Token.Flags = []
            if ByteClass.isUpper(p[start]) { flags.insert(.capitalized) }
            if uppers == n { flags.insert(.allCaps) }
            emit(start, j, n, .word, flags, &tokens)
            return j
        }

        /// Advances `i` over a run of ASCII letters and digits, writing them lowercased to the
        /// scratch buffer: 8 bytes at a time without a branch per byte, byte by byte near the
        /// end of the range.
        @inline(__always)
        func asciiRun(_ i: inout Int, _ shape: inout WordShape) {
            let mask = Tokenizer.scratchCapacity - 1
            while i + 8 <= hi {
                let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                let (stop, upper, lower) = Tokenizer.alnumMasks(w)
                UnsafeMutableRawPointer(scratch + (shape.n & mask)).storeBytes(
                    of: UInt64(littleEndian: w | (upper &>> 2)), as: UInt64.self)
                let before = (stop & (0 &- stop)) &- 1  // bits below the first stop byte
                // Only "at least two" matters: add 1 for one uppercase letter, 2 for more
                // (no popcount instruction in the baseline x86-64 ISA).
                let ub = upper & before
                shape.uppers &+= (ub != 0 ? 1 : 0) &+ (ub & (ub &- 1) != 0 ? 1 : 0)
                if lower & before != 0 { shape.lowers = true }
                let k = stop.trailingZeroBitCount &>> 3
                shape.n &+= k
                i &+= k
                if k < 8 { return }
            }
            while i < hi {
                let b = p[i]
                if b &- 0x61 < 26 {
                    scratch[shape.n & mask] = b
                    shape.lowers = true
                } else if b &- 0x41 < 26 {
                    scratch[shape.n & mask] = b | 0x20
                    shape.uppers &+= 1
                } else if b &- 0x30 < 10 {
                    scratch[shape.n & mask] = b
                } else {
                    return
                }
                shape.n &+= 1
                i &+= 1
            }
        }

        /// Emits the word `start..<end` that ``wordGeneral(_:_:)`` scanned, with its case flags.
        @inline(__always)
        mutating func emitWord(_ start: Int, _ end: Int, _ shape: WordShape, _ tokens: inout [Token]) {
            var flags: Token.Flags = []
            let b0 = p[start]
            if ByteClass.isUpper(b0) { flags.insert(.capitalized) } else if b0 >= 0x80 {
                if UTF8Scan.isUppercase(UTF8Scan.decode(p, start, hi).value) { flags.insert(.capitalized) }
            }
            if shape.uppers >= 2 && !shape.lowers { flags.insert(.allCaps) }
            if shape.letters {
                emitSlow(start, end, .word, flags, &tokens)
            } else {
                if shape.apostrophes { flags.insert(.nonASCII) }
                emit(start, end, shape.n, .word, flags, &tokens)
            }
        }

        /// Looks at an apostrophe of `len` bytes at `i` inside a word: `nil` if it ends the
        /// word (no letter follows), otherwise whether it starts a final "'s" and where
        /// scanning resumes.
        @inline(__always)
        func apostrophe(_ i: Int, _ len: Int) -> (possessive: Bool, next: Int)? {
            let j = i + len
            guard j < hi else { return nil }
            let b = p[j]
            let c = classes[Int(b)]
            if c == ByteClass.upper || c == ByteClass.lower {
                guard b | 0x20 == 0x73 else { return (false, j) }  // 's' or 'S'
                let k = j + 1
                if k >= hi { return (true, k) }
                let d = classes[Int(p[k])]
                if d == ByteClass.upper || d == ByteClass.lower || d == ByteClass.digit { return (false, j) }
                if d == ByteClass.nonASCII, UTF8Scan.classify(UTF8Scan.decode(p, k, hi).value) == .letter {
                    return (false, j)
                }
                return (true, k)
            }
            if c == ByteClass.nonASCII, UTF8Scan.classify(UTF8Scan.decode(p, j, hi).value) == .letter {
                return (false, j)
            }
            return nil
        }

        /// Scans a number whose first digit is at `digits` (after any currency sign at `start`).
        @inline(__always)
        mutating func number(_ start: Int, _ digits: Int, _ tokens: inout [Token]) -> Int {
            let mask = Tokenizer.scratchCapacity - 1
            var n = 0
            if digits > start {
                if p[start] >= 0x80 {
                    // A non-ASCII currency sign: scan, then normalize through the slow path.
                    let end = numberEnd(digits)
                    emitSlow(start, end, .number, [], &tokens)
                    return end
                }
                scratch[0] = p[start]
                n = 1
            }
            var i = digits
            while i < hi {
                let b = p[i]
                let c = classes[Int(b)]
                if c == ByteClass.digit || c == ByteClass.lower {
                    scratch[n & mask] = b
                    n &+= 1
                    i &+= 1
                } else if c == ByteClass.upper {
                    scratch[n & mask] = b | 0x20
                    n &+= 1
                    i &+= 1
                } else if (c == ByteClass.period || c == ByteClass.comma) && i + 1 < hi && ByteClass.isDigit(p[i + 1])
                    && ByteClass.isDigit(p[i - 1])
                {
                    if c == ByteClass.period {
                        scratch[n & mask] = b
                        n &+= 1
                    }
                    i &+= 1
                } else {
                    break
                }
            }
            if i < hi && p[i] == 0x25 {  // %
                scratch[n & mask] = 0x25
                n &+= 1
                i += 1
            }
            emit(start, i, n, .number, [], &tokens)
            return i
        }

        /// The end of a number whose first digit is at `digits` (same grammar as ``number``).
        func numberEnd(_ digits: Int) -> Int {
            var i = digits
            while i < hi {
                let b = p[i]
                if ByteClass.isAlnum(b) {
                    i += 1
                } else if (b == 0x2e || b == 0x2c) && i + 1 < hi && ByteClass.isDigit(p[i + 1]) && ByteClass.isDigit(p[i - 1]) {
                    i += 1
                } else {
                    break
                }
            }
            if i < hi && p[i] == 0x25 { i += 1 }
            return i
        }

        /// Emits a token whose `n` normalized bytes are in `scratch` (or, past its capacity,
        /// recomputed by ``Tokenizer/normalizedForm(of:in:)``).
        @inline(__always)
        mutating func emit(
            _ start: Int, _ end: Int, _ n: Int, _ kind: Token.Kind, _ flags: Token.Flags, _ tokens: inout [Token]
        ) {
            let hash: UInt64
            if n <= Tokenizer.scratchCapacity {
                hash = hashScratch(n)
            } else {
                // The normalized form depends on the kind and the non-ASCII flag only.
                let token = Token(start: start, end: end, hash: 0, kind: kind, flags: flags)
                hash = StableHash.hash(Tokenizer.normalizedForm(of: token, in: UnsafeBufferPointer(start: p, count: end)))
            }
            emitHashed(start, end, hash, kind, flags, &tokens)
        }

        /// Writes the normalized form of the word `p[start..<end]` (at most
        /// ``Tokenizer/scratchCapacity`` bytes) to `scratch` and returns its length, or `nil`
        /// when the word holds a scalar only the Unicode normalizer handles.
        func latinWord(_ start: Int, _ end: Int) -> Int? {
            let latin = BoilerplateDetector.latinMap
            var n = 0
            var i = start
            while i < end {
                let b = p[i]
                if b < 0x80 {
                    // ASCII: apostrophes and periods dropped, letters lowercased.
                    if b != 0x27 && b != 0x2e {
                        scratch[n] = ByteClass.isUpper(b) ? b | 0x20 : b
                        n += 1
                    }
                    i += 1
                    continue
                }
                let length = UTF8Scan.length(b)
                guard i + length <= end else { return nil }
                let (v, _) = UTF8Scan.decode(p, i, end)
                switch (length, v) {
                case (2, 0x2bc), (3, 0x2019), (3, 0x200b), (3, 0x2060), (3, 0xfeff):
                    break  // dropped
                case (2, 0x80..<0x250):
                    let mapped = latin[Int(v)]
                    guard mapped != 0 else { return nil }
                    scratch[n] = UInt8(truncatingIfNeeded: mapped >> 8)
                    scratch[n + 1] = UInt8(truncatingIfNeeded: mapped)
                    n += 2
                default:
                    return nil
                }
                i += length
            }
            return n
        }

        /// ``StableHash/hash(_:seed:)`` of the first `n` bytes of `scratch`, reading the tail
        /// with one masked 8-byte load (the scratch buffer has 8 bytes of slack).
        @inline(__always)
        func hashScratch(_ n: Int) -> UInt64 {
            let raw = UnsafeRawPointer(scratch)
            var h = StableHash.p0 ^ (UInt64(truncatingIfNeeded: n) &* StableHash.p1)
            var i = 0
            while i &+ 8 <= n {
                h = StableHash.mum(h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)), StableHash.p1)
                i &+= 8
            }
            if i < n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    & (~UInt64(0) &>> UInt64(truncatingIfNeeded: 64 &- 8 &* (n &- i)))
                h = StableHash.mum(h ^ w, StableHash.p2)
            }
            return StableHash.mix(h)
        }

        /// Emits a token containing non-ASCII letters through the Unicode normalizer, or, for a
        /// word whose non-ASCII scalars are all precomposed Latin letters that NFKC keeps and
        /// that lowercase to one two-byte scalar (``BoilerplateDetector/latinMap``, "é", "ü",
        /// "ø") or apostrophes and invisible characters the normalizer drops, byte by byte to
        /// exactly the bytes ``Normalizer/normalizeToken(_:kind:)`` would give.
        mutating func emitSlow(
            _ start: Int, _ end: Int, _ kind: Token.Kind, _ flags: Token.Flags, _ tokens: inout [Token]
        ) {
            var flags = flags
            flags.insert(.nonASCII)
            if first { flags.insert(.sentenceInitial); first = false }
            if kind == .word, end - start <= Tokenizer.scratchCapacity, let n = latinWord(start, end) {
                put(Token(start: start, end: end, hash: hashScratch(n), kind: kind, flags: flags), &tokens)
                return
            }
            let normalized = Normalizer.normalizeToken(UnsafeBufferPointer(start: p + start, count: end - start), kind: kind)
            put(Token(start: start, end: end, hash: StableHash.hash(normalized), kind: kind, flags: flags), &tokens)
        }
    }
}
