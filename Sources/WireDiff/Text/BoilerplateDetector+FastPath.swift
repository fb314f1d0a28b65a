import Foundation

/// The byte-level first pass of ``BoilerplateDetector``: normalization, word and script counts
/// and a pre-filter, without creating a `String`.
///
/// A line whose text is ASCII apart from a few punctuation and space scalars that
/// ``Normalizer/normalize(_:)`` maps to ASCII (curly quotes, dashes, no-break and other spaces,
/// "…", zero-width spaces) and Latin letters and symbols it only lowercases ("Ö", "ć", "©",
/// see ``latinMap``) is normalized here to exactly the bytes ``Normalizer/normalize(_:)``
/// would give, eight bytes at a time where the text is plain (SWAR: no control bytes, no
/// double spaces, no bytes ≥ 0x80), one scalar at a time elsewhere.
/// ``mayMatch(_:_:words:text:scan:tables:)`` then rejects, from necessary conditions of every rule (the
/// line's length, anchored prefixes, a hash lookup of the core among the strings rules compare
/// it with, and `memmem` keyword probes), the lines no pattern of
/// ``BoilerplateDetector/match(_:isNearEnd:)`` can match; only the rest get a
/// ``BoilerplateDetector/Line`` and the full matcher. Lines with other non-ASCII scalars take
/// the full path too. Debug builds check every line against the full path.
///
/// - Complexity: O(n) in the bytes of the line.
extension BoilerplateDetector {
    /// Letters per script, as ``ScriptCounts`` counts them, in one vector.
    struct ScriptTally {
        var counts = SIMD8<Int>()

        init() {}

        init(_ scripts: ScriptCounts) {
            for script in ScriptCounts.Script.allCases { counts[script.rawValue] = scripts.count(of: script) }
        }

        var total: Int { counts.wrappedSum() }

        func count(of script: ScriptCounts.Script) -> Int { counts[script.rawValue] }

        /// The script with the most letters (the first in `Script` order on ties), or `nil`.
        var dominant: ScriptCounts.Script? {
            var best: ScriptCounts.Script?
            var bestCount = 0
            for script in ScriptCounts.Script.allCases where counts[script.rawValue] > bestCount {
                best = script
                bestCount = counts[script.rawValue]
            }
            return best
        }
    }

    /// What the byte pass learned about a line.
    struct ByteScan {
        /// Length of the normalized bytes written.
        var count = 0
        /// Spaces in the normalized bytes.
        var spaces = 0
        var scripts = ScriptTally()
        /// Whether the normalized bytes contain "mm" (as "comment" does).
        var hasDoubleM = false
        /// Whether the normalized bytes contain ";" (as "; editing by" does).
        var hasSemicolon = false

        /// Number of space-separated words of the normalized text.
        var words: Int { count == 0 ? 0 : spaces + 1 }
    }

    /// Normalizes the line `p[start..<end]` into `out` (room for `end - start` bytes) exactly as
    /// ``Normalizer/normalize(_:)`` would, counting words and letters per script on the way;
    /// `nil` when the line holds a scalar this pass does not handle (or invalid UTF-8): the
    /// caller then takes the `String` path.
    static func scan(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into out: UnsafeMutablePointer<UInt8>,
        classes: UnsafePointer<UInt8> = ByteClass.pointers.classes
    ) -> ByteScan? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var result = ByteScan()
        var o = 0
        var spaces = 0
        var latin = 0
        var pendingSpace = false
        var doubleM: UInt64 = 0
        var semicolons: UInt64 = 0
        var carryM: UInt64 = 0  // 0x80 when the last byte written is "m"
        var last: UInt8 = 0x20  // the last byte written (a space before the first)
        var i = start
        while i < end {
            // Eight plain ASCII bytes at a time: lowercase them, count letters and spaces.
            if i + 8 <= end {
                let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                // No byte ≥ 0x80, none < 0x20 (exact as a yes/no: Hacker's Delight "hasless").
                if w & high == 0, (w &- 0x20 &* ones) & ~w & high == 0 {
                    let t = w ^ (0x20 &* ones)
                    let space = ~(((t & 0x7f7f_7f7f_7f7f_7f7f) &+ 0x7f7f_7f7f_7f7f_7f7f) | t) & high
                    // A space may be written only after a non-space byte: no double spaces, no
                    // leading space, no space after a pending one.
                    let afterSpace = last == 0x20
                    if space & (space << 8) == 0, !(afterSpace && space & 0x80 != 0), !pendingSpace {
                        let upper = (w &+ 0x3f &* ones) & ~(w &+ 0x25 &* ones) & high
                        let lowered = w | (upper >> 2)
                        let lower = (lowered &+ 0x1f &* ones) & ~(lowered &+ 0x05 &* ones) & high
                        // "mm" (also across chunks) and ";" for the keyword probes.
                        let tm = lowered ^ (0x6d &* ones)
                        let m = ~(((tm & 0x7f7f_7f7f_7f7f_7f7f) &+ 0x7f7f_7f7f_7f7f_7f7f) | tm) & high
                        doubleM |= m & ((m << 8) | carryM)
                        carryM = m >> 56
                        let ts = w ^ (0x3b &* ones)
                        semicolons |= ~(((ts & 0x7f7f_7f7f_7f7f_7f7f) &+ 0x7f7f_7f7f_7f7f_7f7f) | ts) & high
                        UnsafeMutableRawPointer(out + o).storeBytes(of: lowered.littleEndian, as: UInt64.self)
                        o += 8
                        last = UInt8(truncatingIfNeeded: lowered >> 56)
                        // Byte sums by multiplication (no popcount instruction in the baseline ISA).
                        spaces &+= Int(truncatingIfNeeded: ((space >> 7) &* ones) >> 56)
                        latin &+= Int(truncatingIfNeeded: ((lower >> 7) &* ones) >> 56)
                        i += 8
                        continue
                    }
                }
            }
            // One scalar.
            let b = p[i]
            var x: UInt8
            var second: UInt8 = 0  // the second byte of a two-byte scalar written, or 0
            if b < 0x80 {
                i += 1
                let c = classes[Int(b)]
                if c == ByteClass.space {
                    // (A space the eight-byte path wrote stands for this one.)
                    pendingSpace = o > 0 && last != 0x20
                    continue
                }
                if c == ByteClass.upper {
                    latin += 1
                    x = b | 0x20
                } else {
                    if c == ByteClass.lower { latin += 1 }
                    x = b
                }
            } else {
                // A UTF-8 sequence: decode strictly.
                let length = UTF8Scan.length(b)
                guard length >= 2, length <= 3, i + length <= end else { return nil }
                var v = UInt32(b) & (length == 2 ? 0x1f : 0x0f)
                for k in 1..<length {
                    let c = p[i + k]
                    guard c & 0xc0 == 0x80 else { return nil }
                    v = v << 6 | UInt32(c & 0x3f)
                }
                i += length
                // Each handled scalar has one encoding length, so overlong forms fall through.
                switch (length, v) {
                case (3, 0x200b), (3, 0x2060), (3, 0xfeff):
                    x = 0  // removed
                case (2, 0x85), (2, 0xa0), (3, 0x1680), (3, 0x2000...0x200a), (3, 0x2028), (3, 0x2029),
                    (3, 0x202f), (3, 0x205f), (3, 0x3000):
                    x = 0x20
                case (2, 0x2bc), (3, 0x2018...0x201b), (3, 0x2032): x = UInt8(ascii: "'")
                case (2, 0xab), (2, 0xbb), (3, 0x201c...0x201f), (3, 0x2033): x = UInt8(ascii: "\"")
                case (3, 0x2010...0x2015), (3, 0x2212), (3, 0xfe58), (3, 0xfe63), (3, 0xff0d): x = UInt8(ascii: "-")
                case (3, 0x2026): x = UInt8(ascii: ".")  // "…" → "..."
                case (2, 0x80...0x24f):
                    // A Latin letter or Latin-1 symbol that NFKC keeps: its lowercase.
                    let mapped = latinMap[Int(v)]
                    guard mapped != 0 else { return nil }
                    x = UInt8(truncatingIfNeeded: mapped >> 8)
                    second = UInt8(truncatingIfNeeded: mapped)
                default: return nil
                }
                let slot = v < 0x250 ? Int(v) : v &- 0x2000 < 0x70 ? Int(v &- 0x2000 &+ 0x250) : -1
                if slot >= 0 {
                    let script = scriptTable[slot]
                    if script != 0 { result.scripts.counts[Int(script &- 1)] += 1 }
                } else if let script = ScriptCounts.script(of: Unicode.Scalar(v)!) {
                    result.scripts.counts[script.rawValue] += 1
                }
                if x == 0 { continue }
                if x == 0x20 {
                    pendingSpace = o > 0 && last != 0x20
                    continue
                }
                if v == 0x2026 {
                    if pendingSpace {
                        out[o] = 0x20
                        o += 1
                        spaces += 1
                        pendingSpace = false
                    }
                    out[o] = x
                    out[o + 1] = x
                    o += 2
                }
            }
            if pendingSpace {
                out[o] = 0x20
                o += 1
                spaces += 1
                pendingSpace = false
            }
            if x == 0x6d {
                if carryM != 0 { doubleM = 1 }
                carryM = 0x80
            } else {
                carryM = 0
                if x == 0x3b { semicolons = 1 }
            }
            out[o] = x
            o += 1
            last = x
            if second != 0 {
                out[o] = second
                o += 1
                last = second
            }
        }
        // A trailing space the eight-byte path wrote.
        if o > 0, out[o - 1] == 0x20 {
            o -= 1
            spaces -= 1
        }
        result.count = o
        result.hasDoubleM = doubleM != 0
        result.hasSemicolon = semicolons != 0
        result.spaces = spaces
        result.scripts.counts[ScriptCounts.Script.latin.rawValue] += latin
        return result
    }

    /// ``ScriptCounts/script(of:)`` of the scalars below U+0250 (Latin letters and symbols)
    /// then of U+2000…U+206F (the quotes, dashes and spaces of news text), as
    /// `rawValue + 1`, 0 for `nil`: no Unicode property lookup per curly quote.
    nonisolated(unsafe) static let scriptTable: UnsafePointer<UInt8> = {
        let ranges = [UInt32(0)..<0x250, 0x2000..<0x2070]
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x250 + 0x70)
        var k = 0
        for range in ranges {
            for v in range {
                let script = Unicode.Scalar(v).flatMap { ScriptCounts.script(of: $0) }
                table[k] = script.map { UInt8($0.rawValue + 1) } ?? 0
                k += 1
            }
        }
        return UnsafePointer(table)
    }()

    /// For each scalar below U+0250 the byte pass may copy: the two UTF-8 bytes of its
    /// lowercase (first byte high), or 0. A scalar qualifies when NFKC leaves it unchanged, it
    /// is not a mark (nothing composes with it or reorders around it), it is not a space, and
    /// its lowercase is one two-byte scalar, so ``Normalizer/normalize(_:)`` maps it to
    /// exactly that lowercase whatever surrounds it.
    static let latinMap: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x250)
        for v in UInt32(0xa0)..<0x250 {
            guard let scalar = Unicode.Scalar(v), !UTF8Scan.isSpace(v) else { continue }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .control, .format: continue
            default: break
            }
            guard properties.canonicalCombiningClass == .notReordered,
                Array(String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars) == [scalar]
            else { continue }
            let lower = Array(String(scalar).lowercased().utf8)
            guard lower.count == 2 else { continue }
            table[Int(v)] = UInt16(lower[0]) << 8 | UInt16(lower[1])
        }
        return table
    }()

    /// The bytes `Line` strips from both ends of the normalized text to get its core.
    @inline(__always)
    static func isCoreStrip(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x3a, 0x2e, 0x21, 0x7c, 0x2d, 0x3c, 0x3e, 0x2a, 0x28, 0x29, 0x5b, 0x5d, 0x2c: return true  // " :.!|-<>*()[],"
        default: return false
        }
    }

    /// Every string a rule compares the whole core with: share prompts, credit lines,
    /// licensing, comment prompts, navigation, newsletter prompts, outlet names.
    static let coreEqualities: [String] = [
        "share", "share article", "share story", "tweet", "copy link", "link copied", "with agencies",
        "agencies contributed", "reprints", "reprints and permissions", "comments", "comments are closed",
        "show comments", "leave a comment", "add a comment", "join the conversation", "load comments",
        "view comments", "post a comment", "related", "subscribe", "sign up",
    ] + navigation + outlets.sorted()

    /// The tables ``mayMatch(_:_:words:text:scan:tables:)``, ``scan(_:_:_:into:classes:)`` and
    /// ``matchBytes(_:words:text:isNearEnd:)`` read, in one value that
    /// ``BoilerplateDetector/flag(_:in:)`` fetches once per article: on Linux every read of a
    /// lazily initialized `static let` is a `swift_once` call, and a line would make about ten
    /// (measured: 4% of the byte pass).
    struct PrefilterTables: @unchecked Sendable {
        let classes = ByteClass.pointers.classes
        /// ``StableHash`` of each of ``coreEqualities``, and their longest length.
        let coreEqualityHashes = KeyTable(coreEqualities.map { (nonZero(StableHash.hash($0)), 1) })
        let maxCoreEquality = coreEqualities.map(\.utf8.count).max()!
        /// The first words of share-network lines and gallery counters (also "share", "tweet" …).
        let shortLineHeads = KeyTable(keys: Set(
            (socialNetworks.sorted() + ["share", "tweet", "copy", "link", "view", "open", "see", "launch", "gallery",
                "photos", "photo", "images", "image", "pictures", "picture", "slides", "slide", "/", "|"]).map { nonZero(StableHash.hash($0)) }))
        /// The longest navigation head ("you may also like").
        let maxNavigation = BoilerplateDetector.navigation.map(\.utf8.count).max()!
        /// ``agencies``, ``navigation``, ``creditStarts`` and ``timestamps`` as ``Needles``.
        let agencies = Needles(BoilerplateDetector.agencies)
        let navigation = Needles(BoilerplateDetector.navigation)
        let credits = Needles(creditStarts)
        let timestamps = Needles(BoilerplateDetector.timestamps)
        /// The keywords probed for anywhere in a line.
        let comment = Needles(["comment"])
        let editing = Needles(["; editing by "])
        let longLine = Needles(["contributed", "newsletter"])
        let shortLine = Needles(["rights", "opens new tab", "trust principles"])
    }

    static let prefilterTables = PrefilterTables()

    /// Whether `match` could match the line whose normalized (ASCII) bytes are `n[0..<count]`:
    /// `false` only when no pattern can; a necessary condition of every rule, checked on bytes.
    static func mayMatch(
        _ n: UnsafePointer<UInt8>, _ count: Int, words w: Int, text: UnsafeBufferPointer<UInt8>, scan: ByteScan,
        tables t: PrefilterTables = prefilterTables
    ) -> Bool {
        // Empty lines, and one-word lines (an all-caps sign-off near the end).
        if count == 0 || w == 1 { return true }
        var cs = 0
        var ce = count
        while cs < ce, isCoreStrip(n[cs]) { cs += 1 }
        while ce > cs, isCoreStrip(n[ce - 1]) { ce -= 1 }
        if ce == cs { return true }
        let core = UnsafeBufferPointer(start: n + cs, count: ce - cs)
        let all = UnsafeBufferPointer(start: n, count: count)
        // The core equal to a furniture string or outlet name (for a line the byte pass
        // normalizes, the outlet name is the core: the core has no leading "-", " " or "(").
        if core.count <= t.maxCoreEquality, t.coreEqualityHashes.contains(nonZero(StableHash.hash(core))) { return true }
        // Caption "FILE…" and byline "By …" (on the original text).
        if starts(text, "FILE") { return true }
        if w <= 8 {
            if starts(text, "By ") { return true }
            // An agency credit.
            if n[count - 1] != UInt8(ascii: "."), t.agencies.anyOccurs(in: all) { return true }
        }
        if w <= 6 {
            // Share prompts ("share …", network names), gallery counters (a number or a head
            // word first), "12 comments".
            if starts(core, "share") { return true }
            var k = 0
            while k < core.count {
                var e = k
                while e < core.count, core[e] != 0x20 { e += 1 }
                let word = UnsafeBufferPointer(rebasing: core[k..<e])
                if t.shortLineHeads.contains(nonZero(StableHash.hash(word))) {
                    if word.count == 1 && (word[0] == UInt8(ascii: "|") || word[0] == UInt8(ascii: "/")) {
                        k = e + 1
                        continue
                    }
                    return true
                }
                if k == 0, word.allSatisfy({ ByteClass.isDigit($0) }) { return true }
                break
            }
            if w <= 4, ends(core, " comments") { return true }
        }
        // Prefixes of the core: follow prompts, credit lines.
        switch core[0] {
        case UInt8(ascii: "f"): if w <= 16 && starts(core, "follow ") { return true }
        case UInt8(ascii: "r"): if starts(core, "reporting by ") || starts(core, "reported by ") { return true }
        case UInt8(ascii: "a"): if starts(core, "additional reporting by ") { return true }
        case UInt8(ascii: "w"): if starts(core, "writing by ") { return true }
        case UInt8(ascii: "e"): if starts(core, "editing by ") { return true }
        case UInt8(ascii: "c"): if starts(core, "compiled by ") { return true }
        default: break
        }
        // Prefixes of the normalized text.
        if w <= 20 {
            switch n[0] {
            case UInt8(ascii: "o"): if starts(all, "our standards:") { return true }
            case UInt8(ascii: "c"): if starts(all, "copyright ") { return true }
            case UInt8(ascii: "("): if starts(all, "(c) 20") { return true }
            case 0xc2: if starts(all, "©") { return true }
            default: break
            }
            // "<navigation>:".
            var colon = 0
            while colon < count, colon <= t.maxNavigation, n[colon] != UInt8(ascii: ":") { colon += 1 }
            if colon < count, colon <= t.maxNavigation {
                let head = UnsafeBufferPointer(start: n, count: colon)
                if t.navigation.anyEquals(head) { return true }
            }
            if w <= 12 {
                if starts(all, "subscribe ") || starts(all, "sign up ") { return true }
                // Photo credits: "(photo: …)".
                var inner = all
                if n[0] == UInt8(ascii: "("), n[count - 1] == UInt8(ascii: ")") {
                    inner = count >= 2 ? UnsafeBufferPointer(rebasing: all[1..<(count - 1)]) : UnsafeBufferPointer(rebasing: all[1...])
                    if inner.first == 0x20 { inner = UnsafeBufferPointer(rebasing: inner[1...]) }
                }
                if t.credits.anyStarts(inner) { return true }
                if w <= 10, t.timestamps.anyStarts(all) { return true }
            }
        }
        // Keywords anywhere.
        if scan.hasDoubleM, t.comment.anyOccurs(in: all) { return true }
        if scan.hasSemicolon, t.editing.anyOccurs(in: all) { return true }
        if w <= 30, t.longLine.anyOccurs(in: all) { return true }
        if w <= 20, t.shortLine.anyOccurs(in: all) { return true }
        return false
    }

    /// The agency names a short photo credit line contains.
    static let agencies = [
        "getty images", "shutterstock", "ap photo", "afp photo", "reuters/", "/reuters", "/ap", "/afp", "via getty",
        "afp via", "epa-efe", "alamy", "istock", "flash90", "gpo/", "idf spokesperson's unit",
    ]

    /// A ``KeyTable`` key for a hash (0 marks an empty slot there).
    @inline(__always)
    static func nonZero(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// A fixed list of ASCII strings in immortal storage, each with its ``contains(_:_:)``
    /// anchor precomputed, for the pre-filter's probes (no `String` work per line).
    struct Needles: @unchecked Sendable {
        private let bytes: UnsafeMutablePointer<UInt8>
        /// Per needle: offset in `bytes`, length, anchor.
        private let entries: [(offset: Int, count: Int, anchor: Int)]
        /// Bit `b & 63` of word `b >> 6` is set when a string starts with byte `b`.
        private let firstBytes: (UInt64, UInt64, UInt64, UInt64)
        /// Whether the list holds the empty string.
        private let hasEmpty: Bool

        init(_ strings: [String]) {
            let total = strings.reduce(0) { $0 + $1.utf8.count }
            bytes = .allocate(capacity: max(total, 1))
            var entries: [(offset: Int, count: Int, anchor: Int)] = []
            var offset = 0
            for string in strings {
                let utf8 = Array(string.utf8)
                (bytes + offset).initialize(from: utf8, count: utf8.count)
                entries.append((offset, utf8.count, BoilerplateDetector.anchor(of: UnsafeBufferPointer(start: bytes + offset, count: utf8.count))))
                offset += utf8.count
            }
            self.entries = entries
            var first: [UInt64] = [0, 0, 0, 0]
            for string in strings { if let b = string.utf8.first { first[Int(b >> 6)] |= 1 << UInt64(b & 63) } }
            firstBytes = (first[0], first[1], first[2], first[3])
            hasEmpty = strings.contains { $0.isEmpty }
        }

        /// Whether a string of the list may start with `b`.
        @inline(__always)
        private func mayStart(with b: UInt8) -> Bool {
            let word: UInt64
            switch b >> 6 {
            case 0: word = firstBytes.0
            case 1: word = firstBytes.1
            case 2: word = firstBytes.2
            default: word = firstBytes.3
            }
            return word & (1 << UInt64(b & 63)) != 0
        }

        /// Whether `s` starts with one of the strings.
        func anyStarts(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = s.baseAddress, !s.isEmpty else { return hasEmpty }
            if !hasEmpty && !mayStart(with: base[0]) { return false }
            for e in entries where e.count <= s.count && memcmp(base, bytes + e.offset, e.count) == 0 { return true }
            return false
        }

        /// Whether `s` is one of the strings.
        func anyEquals(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = s.baseAddress, !s.isEmpty else { return hasEmpty }
            if !mayStart(with: base[0]) { return false }
            for e in entries where e.count == s.count && memcmp(base, bytes + e.offset, e.count) == 0 { return true }
            return false
        }

        /// Whether one of the strings occurs in `s`.
        func anyOccurs(in s: UnsafeBufferPointer<UInt8>) -> Bool {
            for e in entries
            where BoilerplateDetector.contains(s, UnsafeBufferPointer(start: bytes + e.offset, count: e.count), anchor: e.anchor) {
                return true
            }
            return false
        }
    }

    @inline(__always)
    static func starts(_ s: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let k = prefix.utf8CodeUnitCount
        guard s.count >= k else { return false }
        return memcmp(s.baseAddress!, prefix.utf8Start, k) == 0
    }

    @inline(__always)
    static func ends(_ s: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let k = suffix.utf8CodeUnitCount
        guard s.count >= k else { return false }
        return memcmp(s.baseAddress! + (s.count - k), suffix.utf8Start, k) == 0
    }

    static func starts(_ s: UnsafeBufferPointer<UInt8>, string prefix: String) -> Bool {
        var i = 0
        for b in prefix.utf8 {
            guard i < s.count, s[i] == b else { return false }
            i += 1
        }
        return true
    }

    static func equals(_ s: UnsafeBufferPointer<UInt8>, string: String) -> Bool {
        string.utf8.count == s.count && starts(s, string: string)
    }

    /// Whether `needle` occurs in `s`: `memchr` for the needle's rarest byte, then `memcmp`.
    static func contains(_ s: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count > 0, s.count >= needle.count else { return needle.count == 0 }
        return contains(s, needle, anchor: anchor(of: needle))
    }

    /// The anchor of a needle for ``contains(_:_:)``: the index of its byte latest in English
    /// letter frequency order (the first such byte).
    static func anchor(of needle: UnsafeBufferPointer<UInt8>) -> Int {
        var anchor = 0
        var rank = -1
        for (j, b) in needle.enumerated() {
            let r = letterRarity[Int(b)]
            if r > rank {
                rank = r
                anchor = j
            }
        }
        return anchor
    }

    /// ``contains(_:_:)`` with the needle's anchor given.
    static func contains(_ s: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, anchor: Int) -> Bool {
        let k = needle.count
        guard k > 0, s.count >= k else { return k == 0 }
        let base = s.baseAddress!
        let target = Int32(needle[anchor])
        var from = anchor
        let last = s.count - k + anchor  // the last position the anchor may sit at
        while from <= last {
            guard let hit = memchr(base + from, target, last - from + 1) else { return false }
            let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if memcmp(base + (at - anchor), needle.baseAddress!, k) == 0 { return true }
            from = at + 1
        }
        return false
    }

    @inline(__always)
    static func contains(_ s: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        contains(s, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }

    static func contains(_ s: UnsafeBufferPointer<UInt8>, string needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { contains(s, $0) }
    }

    /// Rarity of each byte in English text: letters by frequency ("e" most common), spaces
    /// and vowels lowest, punctuation and other bytes highest.
    static let letterRarity: [Int] = {
        var t = [Int](repeating: 100, count: 256)
        t[0x20] = 0
        for (r, c) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { t[Int(c)] = 1 + r }
        return t
    }()
}

#if DEBUG
    extension BoilerplateDetector {
        /// Debug builds check every line of the byte pass against the `String` path: the same
        /// normalized bytes, words, scripts and caption shape, and no pattern match on a line
        /// the pre-filter skipped.
        static func checkFastPath(_ facts: LineFacts, text: UnsafeBufferPointer<UInt8>, arena: [UInt8], isNearEnd: Bool) {
            let line = Line(sentences: facts.sentences, text: String(decoding: text, as: UTF8.self))
            precondition(Array(arena[facts.normalized]) == Array(line.normalized.utf8), "normalized: \(line.text)")
            precondition(facts.words == line.words, "words: \(line.text)")
            precondition(facts.scripts.counts == ScriptTally(line.scripts).counts, "scripts: \(line.text)")
            precondition(facts.isCaptionLike == line.isCaptionLike, "caption-like: \(line.text)")
            if facts.line == nil {
                let expected = match(line, isNearEnd: isNearEnd)
                let actual = arena.withUnsafeBufferPointer {
                    matchBytes(UnsafeBufferPointer(rebasing: $0[facts.normalized]), words: facts.words, text: text, isNearEnd: isNearEnd)
                }
                precondition(facts.isCandidate || expected == nil, "pre-filter skipped a match: \(line.text)")
                precondition(actual == expected, "byte matcher disagrees: \(line.text)")
            }
        }
    }
#endif
