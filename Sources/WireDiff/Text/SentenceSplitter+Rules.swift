/// Abbreviations, bullets, labels and datelines for ``SentenceSplitter``.
extension SentenceSplitter {
    /// How a period after an abbreviation behaves.
    enum Abbreviation: UInt8 {
        /// A title before a name ("Dr.", "Maj.", "Gen."): never ends a sentence.
        case title
        /// May end a sentence ("Jr.", "Inc.", "Co.", "etc."): only before a sentence opener.
        case postName
        /// A month or weekday ("Nov.", "Oct. 7"): not before a number, else only before an opener.
        case date
        /// "No. 5", "Fig. 2", "Vol. 3": not before a number.
        case numbered
        /// "vs.", "approx.", "cf.": never ends a sentence.
        case inline
    }

    /// Packs up to 8 ASCII bytes into a key, first byte lowest.
    @inline(__always)
    static func key(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> UInt64? {
        guard e - s <= 8, e > s else { return nil }
        var k: UInt64 = 0
        var shift: UInt64 = 0
        for i in s..<e {
            k |= UInt64(p[i]) << shift
            shift += 8
        }
        return k
    }

    /// The key of a word of at most 8 bytes (longer words have none).
    static func key(_ word: String) -> UInt64? {
        Array(word.utf8).withUnsafeBufferPointer { key($0.baseAddress!, 0, $0.count) }
    }

    static let abbreviations: KeyTable = {
        var d: [UInt64: Abbreviation] = [:]
        let titles = [
            "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Drs", "Prof", "Gen", "Gens", "Maj", "Col", "Lt", "Capt",
            "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
            "Rev", "Fr", "Hon", "Pres", "Supt", "Insp", "Det", "Amb", "Atty", "Mt", "Ft", "St", "Ste", "Sgt",
            "Lieut", "Gov", "Asst", "Assoc", "Dept",
        ]
        for w in titles { d[key(w)!] = .title }
        for w in ["Jr", "Sr", "Inc", "Co", "Cos", "Corp", "Ltd", "Bros", "Esq", "Plc", "PLC", "etc", "al", "Assn", "Univ"] {
            d[key(w)!] = .postName
        }
        let dates = [
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        ]
        for w in dates { d[key(w)!] = .date }
        for w in ["No", "Nos", "no", "Art", "art", "Vol", "vol", "Vols", "pp", "p", "Fig", "fig", "Figs", "Ch", "ch",
            "Sec", "sec", "Para", "para", "Ref", "ref", "Nr", "nr", "Ex", "Op"]
        {
            d[key(w)!] = .numbered
        }
        for w in ["vs", "approx", "cf", "ca", "est", "incl", "excl", "viz", "Vs"] { d[key(w)!] = .inline }
        return KeyTable(d.map { ($0.key, $0.value.rawValue) })
    }()

    /// Capitalized words that commonly open a sentence; after an acronym, initial or
    /// post-name abbreviation such a word signals a new sentence ("… the U.S. The next day").
    static let openers: KeyTable = {
        let words = [
            "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In",
            "On", "At", "As", "By", "For", "From", "Of", "To", "With", "This", "That", "These", "Those", "There",
            "Their", "Its", "His", "Her", "Our", "My", "Your", "Some", "Many", "Most", "Several", "Both", "Each",
            "Every", "No", "Not", "After", "Before", "When", "While", "If", "Although", "Though", "Since", "Until",
            "However", "Still", "Also", "Then", "Now", "Other", "Another", "Who", "What", "Why", "How", "Where",
            "Which", "Earlier", "Later", "Last", "Next", "Asked", "Such", "Despite", "During", "Under", "Over",
            "Instead", "Thus", "Here", "Those", "Officials",
        ]
        return KeyTable(words.compactMap { key($0) }.map { ($0, 1) })
    }()

    /// Whether the period, question mark or ellipsis before whitespace at `next` ends a sentence.
    ///
    /// `period` is the index of a single period, or `nil` for "?", "!", "…" and runs like "...".
    static func isBoundary(_ p: UnsafePointer<UInt8>, lineStart: Int, period: Int?, next k: Int, _ e: Int) -> Bool {
        let nb = p[k]
        if ByteClass.isLower(nb) { return false }
        guard let i = period else { return true }
        // The word before the period: letters and inner periods.
        var w = i
        while w > lineStart, ByteClass.isLetter(p[w - 1]) || p[w - 1] == 0x2e { w -= 1 }
        let length = i - w
        if length == 0 { return true }  // "2006.", "”.", ")."
        var hasInnerPeriod = false
        for x in w..<i where p[x] == 0x2e { hasInnerPeriod = true; break }
        if length == 1 || hasInnerPeriod {
            // An initial ("J.") or an acronym ("U.S.", "a.m."): a new sentence only if an opener follows.
            if ByteClass.isDigit(nb) { return false }
            return startsWithOpener(p, k, e)
        }
        guard length <= 6, let wordKey = key(p, w, i), let raw = abbreviations.value(wordKey),
            let kind = Abbreviation(rawValue: raw)
        else { return true }
        switch kind {
        case .title, .inline: return false
        case .postName: return startsWithOpener(p, k, e)
        case .date: return ByteClass.isDigit(nb) ? false : startsWithOpener(p, k, e)
        case .numbered: return !ByteClass.isDigit(nb)
        }
    }

    /// Whether the word at `k` is a sentence opener ("The", "He", "But" …).
    @inline(__always)
    static func startsWithOpener(_ p: UnsafePointer<UInt8>, _ k: Int, _ e: Int) -> Bool {
        var j = k
        while j < e, ByteClass.isLetter(p[j]) { j += 1 }
        guard j > k, let wordKey = key(p, k, j) else { return false }
        return openers.contains(wordKey)
    }

    // MARK: - Bullets

    /// The index after a bullet marker ("• ", "- ", "* ", "1. ", "2) ") at `s`, or `nil`.
    static func bulletEnd(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        let b = p[s]
        var after = -1
        switch b {
        case 0x2d, 0x2a, 0x2b: after = s + 1  // - * +
        case 0xc2 where s + 1 < e && p[s + 1] == 0xb7: after = s + 2  // ·
        case 0xe2 where s + 2 < e:
            let (v, n) = UTF8Scan.decode(p, s, e)
            switch v {
            case 0x2022, 0x2023, 0x2013, 0x2014, 0x25aa, 0x25cf, 0x25e6, 0x25a0, 0x25a1, 0x2043: after = s + n
            default: return nil
            }
        default:
            guard ByteClass.isDigit(b) else { return nil }
            var j = s
            while j < e, j - s < 3, ByteClass.isDigit(p[j]) { j += 1 }
            guard j < e, p[j] == 0x2e || p[j] == 0x29 else { return nil }
            after = j + 1
        }
        guard after < e, spaceLength(p, after, e) > 0 else { return nil }
        let content = skipSpaces(p, after, e)
        return content < e ? content : nil
    }

    // MARK: - Labels

    /// Speech verbs that make "Name said:" an introduction to a quote rather than a label.
    static let speechVerbs = KeyTable(
        ["said", "says", "told", "tells", "added", "adds", "wrote", "writes", "stated", "asked", "noted",
         "warned", "declared", "tweeted", "posted", "replied", "argued", "insisted"]
            .compactMap { key($0) }.map { ($0, 1) })

    /// The index after the colon of a label ("Why it matters:") at `s`, or `nil`.
    static func labelEnd(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        guard ByteClass.isUpper(p[s]) else { return nil }
        var j = s
        var words = 1
        var lastWordStart = s
        while j < e, j - s <= 48 {
            let b = p[j]
            if b == 0x3a { break }
            if ByteClass.isLetter(b) || b == 0x27 || b == 0x2c {
                j += 1
            } else if b == 0x20 {
                if p[j - 1] == 0x20 || words == 5 { return nil }
                words += 1
                j += 1
                lastWordStart = j
            } else if b == 0xe2, j + 2 < e, p[j + 1] == 0x80, p[j + 2] == 0x99 {  // ’
                j += 3
            } else {
                return nil
            }
        }
        guard j < e, p[j] == 0x3a, words <= 5, ByteClass.isLetter(p[j - 1]) else { return nil }
        if j + 1 < e && spaceLength(p, j + 1, e) == 0 { return nil }  // "10:30", "http://"
        if let k = key(p, lastWordStart, j), speechVerbs.contains(k) { return nil }
        return j + 1
    }

    // MARK: - Datelines

    /// The index after a wire dateline at `s` ("DUBAI, Nov 15 (Reuters) –", "WASHINGTON (AP) —",
    /// "GAZA CITY —"), or `nil`.
    ///
    /// The place is uppercase ASCII letters with spaces, periods, hyphens or apostrophes (at
    /// least two letters, no lowercase); it may be followed by ", " and a date or region (which
    /// must contain a digit or be followed by a parenthesized outlet), then an optional
    /// "(Outlet)", then a dash ("-", "–", "—", "--").
    static func datelineEnd(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        var j = s
        var letters = 0
        while j < e, j - s <= 40 {
            let b = p[j]
            if ByteClass.isUpper(b) { letters += 1; j += 1 } else if b == 0x20 || b == 0x2e || b == 0x2d || b == 0x27 {
                if b == 0x2d, j + 1 < e, p[j + 1] == 0x20 { break }  // "WASHINGTON - " is the dash
                j += 1
            } else {
                break
            }
        }
        guard letters >= 2, j < e else { return nil }
        var hasDigit = false
        var hasOutlet = false
        if p[j] == 0x2c {  // ", Nov 15" / ", Lebanon"
            j += 1
            let dateStart = j
            while j < e, j - dateStart <= 32 {
                let b = p[j]
                if ByteClass.isDigit(b) { hasDigit = true }
                if ByteClass.isAlnum(b) || b == 0x20 || b == 0x2e || b == 0x2c {
                    j += 1
                } else {
                    break
                }
            }
        }
        if j < e, p[j] == 0x28 {  // "(Reuters)"
            let open = j
            while j < e, p[j] != 0x29, j - open <= 32 { j += 1 }
            guard j < e, p[j] == 0x29 else { return nil }
            hasOutlet = true
            j += 1
            j = skipSpaces(p, j, e)
        }
        var hasComma = false
        for x in s..<j where p[x] == 0x2c { hasComma = true; break }
        if hasComma && !hasDigit && !hasOutlet { return nil }
        j = skipSpaces(p, j, e)
        guard j < e else { return nil }
        var dashEnd: Int
        if p[j] == 0x2d {
            dashEnd = j + 1
            if dashEnd < e && p[dashEnd] == 0x2d { dashEnd += 1 }
        } else if p[j] == 0xe2, j + 2 < e, p[j + 1] == 0x80, p[j + 2] == 0x93 || p[j + 2] == 0x94 {
            dashEnd = j + 3
        } else {
            return nil
        }
        guard dashEnd < e, spaceLength(p, dashEnd, e) > 0 else { return nil }
        return dashEnd
    }
}
