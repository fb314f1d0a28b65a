extension EnglishStemmer {
    /// One word being stemmed in place: the bytes, the current length, and the regions.
    ///
    /// Each step mirrors a routine of Snowball's `english.sbl` (3.x). Suffixes are matched
    /// longest first, as Snowball's `among` does: when the longest matching suffix fails its
    /// condition (region, preceding letter), the step does nothing and no shorter suffix is
    /// tried. No step ever makes the word longer than it was, so the buffer never grows.
    struct Porter2Word {
        /// The word's bytes; `w[0..<n]` is the current word.
        let w: UnsafeMutablePointer<UInt8>
        /// The current length.
        var n: Int
        /// Start of R1 and R2 (byte offsets; may equal or exceed `n`, meaning empty).
        var p1 = 0
        var p2 = 0
        /// Whether the prelude turned some `y` into the consonant marker `Y`.
        var yFound = false

        init(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) {
            w = bytes
            n = count
        }

        // MARK: Letter classes

        static let a: UInt8 = 0x61, e: UInt8 = 0x65, i: UInt8 = 0x69, l: UInt8 = 0x6C
        static let s: UInt8 = 0x73, t: UInt8 = 0x74, y: UInt8 = 0x79, upperY: UInt8 = 0x59
        static let apostrophe: UInt8 = 0x27

        /// Bit k set for the vowel `a + k`: a e i o u y.
        static let vowelMask: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24
        /// Vowels plus w and x (the `Y` marker is tested separately).
        static let vowelWXMask: UInt32 = vowelMask | 1 << 22 | 1 << 23
        /// Letters that may precede a deletable "-li": c d e g h k m n r t.
        static let validLIMask: UInt32 =
            1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 10 | 1 << 12 | 1 << 13 | 1 << 17 | 1 << 19

        @inline(__always) static func inClass(_ b: UInt8, _ mask: UInt32) -> Bool {
            let d = b &- 0x61
            return d < 26 && (mask &>> UInt32(d)) & 1 != 0
        }

        /// a e i o u y (a `Y` marker is a consonant).
        @inline(__always) func isVowel(_ b: UInt8) -> Bool { Self.inClass(b, Self.vowelMask) }

        /// Whether `w[0..<end]` ends with `suffix`.
        @inline(__always) func ends(_ suffix: StaticString, at end: Int) -> Bool {
            let k = suffix.utf8CodeUnitCount
            guard end >= k else { return false }
            let p = suffix.utf8Start
            var j = 0
            while j < k {
                if w[end - k + j] != p[j] { return false }
                j += 1
            }
            return true
        }

        /// Whether the current word ends with `suffix`.
        @inline(__always) func ends(_ suffix: StaticString) -> Bool { ends(suffix, at: n) }

        /// Whether `w[0..<end]` is exactly `word`.
        @inline(__always) func equals(_ word: StaticString, length end: Int) -> Bool {
            end == word.utf8CodeUnitCount && ends(word, at: end)
        }

        /// Whether `w[0..<end]` contains a vowel.
        @inline(__always) func hasVowel(before end: Int) -> Bool {
            var j = 0
            while j < end {
                if isVowel(w[j]) { return true }
                j += 1
            }
            return false
        }

        /// Overwrites `w[at..<at+k]` with `text` and sets the length to `at + k`.
        @inline(__always) mutating func replace(from at: Int, with text: StaticString) {
            let k = text.utf8CodeUnitCount
            let p = text.utf8Start
            for j in 0..<k { w[at + j] = p[j] }
            n = at + k
        }

        /// A short syllable ends at `end`: consonant-vowel-consonant where the last consonant
        /// is not w, x or Y; or vowel-consonant at the start of the word; or "past".
        func shortSyllable(endingAt end: Int) -> Bool {
            if end >= 3 {
                let last = w[end - 1]
                if last != Self.upperY && !Self.inClass(last, Self.vowelWXMask)
                    && isVowel(w[end - 2]) && !isVowel(w[end - 3]) { return true }
            }
            if end == 2 && !isVowel(w[1]) && isVowel(w[0]) { return true }
            return ends("past", at: end)
        }

        // MARK: Exceptions, prelude, regions

        /// The exceptional forms, matched on the whole word; returns the new length, or nil.
        static func exception(_ w: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
            guard count >= 3 && count <= 6 else { return nil }
            let word = Porter2Word(w, count: count)
            func whole(_ s: StaticString) -> Bool { word.equals(s, length: count) }
            switch w[0] {
            case 0x61: // a
                if whole("andes") || whole("atlas") { return count }
            case 0x62: // b
                if whole("bias") { return count }
            case 0x63: // c
                if whole("cosmos") { return count }
            case 0x65: // e
                if whole("early") { w[4] = Self.i; return 5 }                 // earli
            case 0x67: // g
                if whole("gently") { return 5 }                                // gentl
            case 0x68: // h
                if whole("howe") { return count }
            case 0x69: // i
                if whole("idly") { return 3 }                                  // idl
            case 0x6E: // n
                if whole("news") { return count }
            case 0x6F: // o
                if whole("only") { w[3] = Self.i; return 4 }                   // onli
            case 0x73: // s
                if whole("singly") { return 5 }                                // singl
                if whole("skies") { w[2] = Self.y; return 3 }                  // sky
                if whole("skis") { return 3 }                                  // ski
                if whole("sky") { return count }
            case 0x75: // u
                if whole("ugly") { w[3] = Self.i; return 4 }                   // ugli
            default:
                break
            }
            return nil
        }

        /// Removes a leading apostrophe; marks an initial `y` and a `y` after a vowel as `Y`.
        @inline(__always) mutating func prelude() {
            if n > 0 && w[0] == Self.apostrophe {
                for j in 1..<n { w[j - 1] = w[j] }
                n -= 1
            }
            guard n > 0 else { return }
            if w[0] == Self.y {
                w[0] = Self.upperY
                yFound = true
            }
            var j = 0
            while j + 1 < n {
                if isVowel(w[j]) && w[j + 1] == Self.y {
                    w[j + 1] = Self.upperY
                    yFound = true
                }
                j += 1
            }
        }

        /// R1 starts after the first non-vowel following a vowel (or after a special prefix);
        /// R2 is the same rule applied again inside R1.
        @inline(__always) mutating func markRegions() {
            p1 = n
            p2 = n
            var c: Int
            if let prefix = specialPrefixLength() {
                c = prefix
            } else {
                guard let after = pastVowelConsonant(from: 0) else { return }
                c = after
            }
            p1 = c
            guard let after = pastVowelConsonant(from: c) else { return }
            p2 = after
        }

        /// The position after the first vowel-then-non-vowel at or after `from`.
        @inline(__always) private func pastVowelConsonant(from: Int) -> Int? {
            var c = from
            while c < n && !isVowel(w[c]) { c += 1 }
            guard c < n else { return nil }
            c += 1
            while c < n && isVowel(w[c]) { c += 1 }
            guard c < n else { return nil }
            return c + 1
        }

        /// The length of a special prefix that fixes R1 (gener-, commun-, …), or nil.
        @inline(__always) private func specialPrefixLength() -> Int? {
            func starts(_ p: StaticString) -> Bool {
                let k = p.utf8CodeUnitCount
                guard n >= k else { return false }
                let q = p.utf8Start
                for j in 0..<k where w[j] != q[j] { return false }
                return true
            }
            switch w[0] {
            case 0x61: if starts("arsen") { return 5 }
            case 0x63: if starts("commun") { return 6 }
            case 0x65: if starts("emerg") { return 5 }
            case 0x67: if starts("gener") { return 5 }
            case 0x69: if starts("inter") { return 5 }
            case 0x6C: if starts("later") { return 5 }
            case 0x6F: if starts("organ") { return 5 }
            case 0x70: if starts("past") { return 4 }
            case 0x75: if starts("univers") { return 7 }
            default: break
            }
            return nil
        }

        /// Turns the `Y` markers back into `y`.
        mutating func postlude() {
            guard yFound else { return }
            for j in 0..<n where w[j] == Self.upperY { w[j] = Self.y }
        }
    }
}
