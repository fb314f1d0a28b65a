/// The byte-level first pass of ``BoilerplateDetector``: a line's normalized bytes, word count
/// and letters per script, without creating a `String`.
///
/// A line whose text is ASCII apart from a few punctuation and space scalars that
/// ``Normalizer/normalize(_:)`` maps to ASCII (curly quotes, dashes, no-break and other spaces,
/// "…", zero-width spaces) and Latin letters and symbols it only lowercases ("Ö", "ć", "©",
/// see ``latinMap``) is normalized here to exactly the bytes ``Normalizer/normalize(_:)``
/// would give, eight bytes at a time where the text is plain (SWAR: no control bytes, no
/// double spaces, no bytes ≥ 0x80), one scalar at a time elsewhere. Lines with other non-ASCII
/// scalars take the `String` path (``BoilerplateDetector/Line``). Debug builds check every line
/// against that path.
///
/// - Complexity: O(n) in the bytes of the line.
extension BoilerplateDetector {
    /// What the byte pass learned about a line.
    struct ByteScan {
        /// Length of the normalized bytes written.
        var count = 0
        /// Spaces in the normalized bytes.
        var spaces = 0
        var scripts = ScriptTally()

        /// Number of space-separated words of the normalized text.
        var words: Int { count == 0 ? 0 : spaces + 1 }
    }

    /// Normalizes the line `p[start..<end]` into `out` (room for `end - start` bytes) exactly as
    /// ``Normalizer/normalize(_:)`` would, counting words and letters per script on the way;
    /// `nil` when the line holds a scalar this pass does not handle (or invalid UTF-8): the
    /// caller then takes the `String` path.
    static func scan(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into out: UnsafeMutablePointer<UInt8>,
        classes: UnsafePointer<UInt8> = ByteClass.classes.base
    ) -> ByteScan? {
        var writer = NormalizedWriter(out: out)
        var i = start
        while i < end {
            if i + 8 <= end, writer.plainChunk(p + i) {
                i += 8
                continue
            }
            let b = p[i]
            if b < 0x80 {
                i += 1
                writer.ascii(b, class: classes[Int(b)])
                continue
            }
            let length = UTF8Scan.length(b)
            guard length >= 2, length <= 3, i + length <= end, let v = decodeStrict(p + i, length: length),
                let mapped = normalizedScalar(v, length: length)
            else { return nil }
            i += length
            writer.countScript(v)
            writer.scalar(v, mapped)
        }
        return writer.finish()
    }

    /// The scalar of the `length`-byte (2 or 3) UTF-8 sequence at `p`, or `nil` when a
    /// continuation byte is missing.
    @inline(__always)
    static func decodeStrict(_ p: UnsafePointer<UInt8>, length: Int) -> UInt32? {
        var v = UInt32(p[0]) & (length == 2 ? 0x1f : 0x0f)
        for k in 1..<length {
            let c = p[k]
            guard c & 0xc0 == 0x80 else { return nil }
            v = v << 6 | UInt32(c & 0x3f)
        }
        return v
    }

    /// What ``Normalizer/normalize(_:)`` makes of the non-ASCII scalar `v` encoded in `length`
    /// bytes, for the scalars the byte pass handles: `first` 0 when it is removed, a space, an
    /// ASCII punctuation mark, or the two bytes of a Latin lowercase letter (`second` ≠ 0);
    /// `nil` for any other scalar. Each handled scalar has one encoding length, so overlong
    /// forms fall through.
    @inline(__always)
    static func normalizedScalar(_ v: UInt32, length: Int) -> (first: UInt8, second: UInt8)? {
        switch (length, v) {
        case (3, 0x200b), (3, 0x2060), (3, 0xfeff):
            return (0, 0)  // removed
        case (2, 0x85), (2, 0xa0), (3, 0x1680), (3, 0x2000...0x200a), (3, 0x2028), (3, 0x2029),
            (3, 0x202f), (3, 0x205f), (3, 0x3000):
            return (0x20, 0)
        case (2, 0x2bc), (3, 0x2018...0x201b), (3, 0x2032): return (UInt8(ascii: "'"), 0)
        case (2, 0xab), (2, 0xbb), (3, 0x201c...0x201f), (3, 0x2033): return (UInt8(ascii: "\""), 0)
        case (3, 0x2010...0x2015), (3, 0x2212), (3, 0xfe58), (3, 0xfe63), (3, 0xff0d): return (UInt8(ascii: "-"), 0)
        case (3, 0x2026): return (UInt8(ascii: "."), 0)  // "…" → "..." (see ``NormalizedWriter/scalar(_:_:)``)
        case (2, 0x80...0x24f):
            // A Latin letter or Latin-1 symbol that NFKC keeps: its lowercase.
            let mapped = latinMap[Int(v)]
            guard mapped != 0 else { return nil }
            return (UInt8(truncatingIfNeeded: mapped >> 8), UInt8(truncatingIfNeeded: mapped))
        default: return nil
        }
    }

    /// The output side of ``scan(_:_:_:into:classes:)``: writes normalized bytes (one space
    /// between words, none at the ends) and counts spaces and letters per script.
    struct NormalizedWriter {
        let out: UnsafeMutablePointer<UInt8>
        /// Bytes written.
        var o = 0
        var spaces = 0
        /// ASCII letters (Latin), added to `scripts` at the end.
        var latin = 0
        var scripts = ScriptTally()
        /// A space is due before the next byte written.
        var pendingSpace = false
        /// The last byte written (a space before the first).
        var last: UInt8 = 0x20

        init(out: UnsafeMutablePointer<UInt8>) { self.out = out }

        /// Writes the eight bytes at `q` lowercased when they are plain ASCII that needs
        /// nothing but lowercasing (no byte ≥ 0x80, none < 0x20, no space where none may be
        /// written); `false` (nothing written) otherwise.
        @inline(__always)
        mutating func plainChunk(_ q: UnsafePointer<UInt8>) -> Bool {
            let w = UInt64(littleEndian: UnsafeRawPointer(q).loadUnaligned(as: UInt64.self))
            guard w & SWAR.highBits == 0, SWAR.anyByte(w, below: 0x20) == 0 else { return false }
            let space = SWAR.bytes(w, equalTo: 0x20)
            // A space may be written only after a non-space byte: no double spaces, no
            // leading space, no space after a pending one.
            let afterSpace = last == 0x20
            guard space & (space << 8) == 0, !(afterSpace && space & 0x80 != 0), !pendingSpace else { return false }
            let lowered = w | (SWAR.asciiBytes(w, above: 0x40, below: 0x5b) >> 2)
            UnsafeMutableRawPointer(out + o).storeBytes(of: lowered.littleEndian, as: UInt64.self)
            o += 8
            last = UInt8(truncatingIfNeeded: lowered >> 56)
            spaces &+= SWAR.count(space)
            latin &+= SWAR.count(SWAR.asciiBytes(lowered, above: 0x60, below: 0x7b))
            return true
        }

        /// One ASCII byte `b` of byte class `c`.
        @inline(__always)
        mutating func ascii(_ b: UInt8, class c: UInt8) {
            if c == ByteClass.space {
                // (A space the eight-byte path wrote stands for this one.)
                pendingSpace = o > 0 && last != 0x20
                return
            }
            if c == ByteClass.upper {
                latin += 1
                put(b | 0x20)
            } else {
                if c == ByteClass.lower { latin += 1 }
                put(b)
            }
        }

        /// One non-ASCII scalar `v` the byte pass handles, `mapped` by
        /// ``BoilerplateDetector/normalizedScalar(_:length:)``.
        @inline(__always)
        mutating func scalar(_ v: UInt32, _ mapped: (first: UInt8, second: UInt8)) {
            switch mapped.first {
            case 0: return
            case 0x20: pendingSpace = o > 0 && last != 0x20
            default:
                if v == 0x2026 {
                    put(mapped.first)
                    put(mapped.first)
                }
                put(mapped.first, mapped.second)
            }
        }

        /// Counts the letter `v` (non-ASCII) in its script, if it has one.
        @inline(__always)
        mutating func countScript(_ v: UInt32) {
            let slot = v < 0x250 ? Int(v) : v &- 0x2000 < 0x70 ? Int(v &- 0x2000 &+ 0x250) : -1
            if slot >= 0 {
                let script = scriptTable[slot]
                if script != 0 { scripts.counts[Int(script &- 1)] += 1 }
            } else if let script = ScriptCounts.script(of: Unicode.Scalar(v)!) {
                scripts.counts[script.rawValue] += 1
            }
        }

        /// Writes `x` (and `second` when not 0) after a pending space.
        @inline(__always)
        mutating func put(_ x: UInt8, _ second: UInt8 = 0) {
            if pendingSpace {
                out[o] = 0x20
                o += 1
                spaces += 1
                pendingSpace = false
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

        /// The scan's result, without a trailing space the eight-byte path wrote.
        mutating func finish() -> ByteScan {
            if o > 0, out[o - 1] == 0x20 {
                o -= 1
                spaces -= 1
            }
            var result = ByteScan(count: o, spaces: spaces, scripts: scripts)
            result.scripts.counts[ScriptCounts.Script.latin.rawValue] += latin
            return result
        }
    }

    /// ``ScriptCounts/script(of:)`` of the scalars below U+0250 (Latin letters and symbols)
    /// then of U+2000…U+206F (the quotes, dashes and spaces of news text), as
    /// `rawValue + 1`, 0 for `nil`: no Unicode property lookup per curly quote.
    static let scriptTable: ImmortalTable<UInt8> = {
        var table: [UInt8] = []
        for range in [UInt32(0)..<0x250, 0x2000..<0x2070] {
            for v in range {
                let script = Unicode.Scalar(v).flatMap { ScriptCounts.script(of: $0) }
                table.append(script.map { UInt8($0.rawValue + 1) } ?? 0)
            }
        }
        return ImmortalTable(table)
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
}

#if DEBUG
    extension BoilerplateDetector {
        /// Debug builds check every line of the fast path against the slow path: the byte
        /// pass's normalized bytes, words, scripts and caption shape against ``Line``'s (which
        /// uses ``Normalizer/normalize(_:)``), and no rule matching a line the pre-filter ruled out.
        static func checkFastPath(
            _ facts: LineFacts, _ subject: BoilerplateRule.Subject, prefilter: BoilerplatePrefilter, rules: [BoilerplateRule]
        ) {
            let line = facts.line ?? Line(sentences: facts.sentences, text: String(decoding: subject.text, as: UTF8.self))
            precondition(Array(subject.normalized) == Array(line.normalized.utf8), "normalized: \(line.text)")
            precondition(facts.words == line.words, "words: \(line.text)")
            precondition(facts.scripts.counts == ScriptTally(line.scripts).counts, "scripts: \(line.text)")
            precondition(facts.isCaptionLike == line.isCaptionLike, "caption-like: \(line.text)")
            precondition(
                prefilter.mayMatch(subject) || BoilerplateRule.firstMatch(subject, in: rules) == nil,
                "the pre-filter ruled out a match: \(line.text)")
        }
    }
#endif
