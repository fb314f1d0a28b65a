extension EnglishStemmer.Porter2Word {
    /// Step 1a: possessive apostrophes, then plurals ("-sses", "-ied"/"-ies", "-s").
    @inline(__always) mutating func step1a() {
        // Apostrophe suffixes (the longest of "'s'", "'s", "'") go first.
        if ends("'s'") {
            n -= 3
        } else if ends("'s") {
            n -= 2
        } else if n > 0 && w[n - 1] == Self.apostrophe {
            n -= 1
        }
        guard n > 0, w[n - 1] == Self.s || w[n - 1] == 0x64 else { return }
        if ends("sses") {
            n -= 2                                   // -sses → -ss
        } else if ends("ied") || ends("ies") {
            n -= n - 3 >= 2 ? 2 : 1                  // -ies → -i ("cries"), but "ties" → "tie"
        } else if w[n - 1] == Self.s && !ends("ss") && !ends("us") {
            // Delete the "s" when the part before its preceding letter holds a vowel.
            if hasVowel(before: n - 2) { n -= 1 }
        }
    }

    /// Step 1b: "-eed", "-eedly" → "-ee" in R1; "-ed", "-edly", "-ing", "-ingly" deleted after
    /// a vowel, then the stem repaired (-at → -ate, doubled letter undone, short word + e).
    @inline(__always) mutating func step1b() {
        guard n > 0 else { return }                  // "''s'" is empty after step 1a
        let last = w[n - 1]
        guard last == 0x64 || last == 0x67 || last == Self.y else { return }   // d, g, y
        let start: Int
        if ends("eedly") || ends("eed") {
            let s = ends("eedly") ? n - 5 : n - 3
            guard s >= p1 else { return }
            if equals("succ", length: s) || equals("proc", length: s) || equals("exc", length: s) { return }
            n = s + 2                                // -eed(ly) → -ee
            return
        } else if ends("ingly") {
            start = n - 5
        } else if ends("edly") {
            start = n - 4
        } else if ends("ing") {
            start = n - 3
            // "dying", "lying", "tying" → "die", "lie", "tie".
            if start == 2 && w[1] == Self.y && !isVowel(w[0]) {
                w[1] = Self.i
                w[2] = Self.e
                n = 3
                return
            }
            // Invariant forms.
            switch start {
            case 3: if equals("inn", length: 3) || equals("out", length: 3) { return }
            case 4:
                if equals("even", length: 4) || equals("cann", length: 4)
                    || equals("earr", length: 4) || equals("herr", length: 4) { return }
            default: break
            }
        } else if ends("ed") {
            start = n - 2
        } else {
            return
        }
        guard hasVowel(before: start) else { return }
        n = start
        guard n >= 2 else { return }                 // one letter left: no repair applies
        let a = w[n - 2], b = w[n - 1]
        if (a == Self.a && b == Self.t) || (a == 0x62 && b == Self.l) || (a == Self.i && b == 0x7A) {
            w[n] = Self.e                            // -at, -bl, -iz → -ate, -ble, -ize
            n += 1
        } else if a == b && Self.isDoubleLetter(b) {
            // "hopped" → "hop", but the three-letter "add", "egg", "off" stay.
            if n == 3 && (w[0] == Self.a || w[0] == Self.e || w[0] == 0x6F) { return }
            n -= 1
        } else if n == p1 && shortSyllable(endingAt: n) {
            w[n] = Self.e                            // "hoped" → "hope"
            n += 1
        }
    }

    /// bb dd ff gg mm nn pp rr tt.
    @inline(__always) static func isDoubleLetter(_ b: UInt8) -> Bool {
        switch b {
        case 0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74: return true
        default: return false
        }
    }

    /// Step 1c: a final y or Y after a consonant that is not the first letter becomes i.
    @inline(__always) mutating func step1c() {
        guard n >= 3 else { return }
        let last = w[n - 1]
        guard last == Self.y || last == Self.upperY else { return }
        if !isVowel(w[n - 2]) { w[n - 1] = Self.i }
    }

    /// Step 2: derivational suffixes in R1 ("-ational" → "-ate", "-iveness" → "-ive", …).
    @inline(__always) mutating func step2() {
        guard n >= 2 else { return }
        @inline(__always) func r1(_ suffix: StaticString) -> Int? {
            let s = n - suffix.utf8CodeUnitCount
            return s >= p1 ? s : nil
        }
        switch w[n - 1] {
        case Self.i:
            if ends("lessli") { if let s = r1("lessli") { n = s + 4 } }               // less
            else if ends("biliti") { if let s = r1("biliti") { replace(from: s, with: "ble") } }
            else if ends("fulli") { if let s = r1("fulli") { n = s + 3 } }           // ful
            else if ends("ousli") { if let s = r1("ousli") { n = s + 3 } }           // ous
            else if ends("entli") { if let s = r1("entli") { n = s + 3 } }           // ent
            else if ends("aliti") { if let s = r1("aliti") { n = s + 2 } }           // al
            else if ends("iviti") { if let s = r1("iviti") { replace(from: s, with: "ive") } }
            else if ends("anci") || ends("enci") || ends("abli") {
                if r1("anci") != nil { w[n - 1] = Self.e }                           // ance, ence, able
            }
            else if ends("alli") { if let s = r1("alli") { n = s + 2 } }             // al
            else if ends("bli") { if r1("bli") != nil { w[n - 1] = Self.e } }        // ble
            else if ends("ogi") {
                if let s = r1("ogi"), s >= 1, w[s - 1] == Self.l { n = s + 2 }       // -logi → -log
            }
            else if ends("li") {
                if let s = r1("li"), s >= 1, Self.inClass(w[s - 1], Self.validLIMask) { n = s }
            }
        case Self.l:
            if ends("ational") { if let s = r1("ational") { replace(from: s, with: "ate") } }
            else if ends("tional") { if r1("tional") != nil { n -= 2 } }             // tion
        case 0x6D: // m
            if ends("alism") { if let s = r1("alism") { n = s + 2 } }
        case 0x6E: // n
            if ends("ization") { if let s = r1("ization") { replace(from: s, with: "ize") } }
            else if ends("ation") { if let s = r1("ation") { replace(from: s, with: "ate") } }
        case 0x72: // r
            if ends("izer") { if r1("izer") != nil { n -= 1 } }
            else if ends("ator") { if let s = r1("ator") { replace(from: s, with: "ate") } }
        case Self.s:
            if ends("iveness") || ends("fulness") || ends("ousness") {
                if let s = r1("iveness") { n = s + 3 }                               // ive, ful, ous
            }
        case Self.t:
            if ends("ogist") { if let s = r1("ogist") { n = s + 2 } }                // og
        default:
            break
        }
    }

    /// Step 3: more derivational suffixes in R1; "-ative" only in R2.
    @inline(__always) mutating func step3() {
        guard n >= 3 else { return }
        @inline(__always) func r1(_ suffix: StaticString) -> Int? {
            let s = n - suffix.utf8CodeUnitCount
            return s >= p1 ? s : nil
        }
        switch w[n - 1] {
        case Self.e:
            if ends("icate") { if let s = r1("icate") { n = s + 2 } }                // ic
            else if ends("ative") { if let s = r1("ative"), s >= p2 { n = s } }
            else if ends("alize") { if let s = r1("alize") { n = s + 2 } }           // al
        case Self.i:
            if ends("iciti") { if let s = r1("iciti") { n = s + 2 } }                // ic
        case Self.l:
            if ends("ational") { if let s = r1("ational") { replace(from: s, with: "ate") } }
            else if ends("tional") { if r1("tional") != nil { n -= 2 } }             // tion
            else if ends("ical") { if let s = r1("ical") { n = s + 2 } }             // ic
            else if ends("ful") { if let s = r1("ful") { n = s } }
        case Self.s:
            if ends("ness") { if let s = r1("ness") { n = s } }
        default:
            break
        }
    }

    /// Step 4: residual suffixes deleted in R2 ("-ion" only after s or t).
    @inline(__always) mutating func step4() {
        guard n >= 2 else { return }
        let length: Int
        switch w[n - 1] {
        case 0x63: // c
            guard ends("ic") else { return }
            length = 2
        case Self.e:
            if ends("ance") || ends("ence") || ends("able") || ends("ible") { length = 4 }
            else if ends("ate") || ends("ive") || ends("ize") { length = 3 }
            else { return }
        case Self.i:
            guard ends("iti") else { return }
            length = 3
        case Self.l:
            guard ends("al") else { return }
            length = 2
        case 0x6D: // m
            guard ends("ism") else { return }
            length = 3
        case 0x6E: // n
            guard ends("ion") else { return }
            let s = n - 3
            if s >= p2 && s >= 1 && (w[s - 1] == Self.s || w[s - 1] == Self.t) { n = s }
            return
        case 0x72: // r
            guard ends("er") else { return }
            length = 2
        case Self.s:
            guard ends("ous") else { return }
            length = 3
        case Self.t:
            if ends("ement") { length = 5 }
            else if ends("ment") { length = 4 }
            else if ends("ent") || ends("ant") { length = 3 }
            else { return }
        default:
            return
        }
        let s = n - length
        if s >= p2 { n = s }
    }

    /// Step 5: a final e in R2, or in R1 after a non-short syllable; a final ll in R2 → l.
    @inline(__always) mutating func step5() {
        guard n >= 1 else { return }
        let s = n - 1
        switch w[s] {
        case Self.e:
            if s >= p2 || (s >= p1 && !shortSyllable(endingAt: s)) { n = s }
        case Self.l:
            if s >= p2 && s >= 1 && w[s - 1] == Self.l { n = s }
        default:
            break
        }
    }
}
