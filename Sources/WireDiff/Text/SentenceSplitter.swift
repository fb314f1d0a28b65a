import Foundation

/// Splits an article into sentences with byte offsets into the original text.
///
/// Rules, in the order they apply to each line:
/// 1. **Every line break is a hard boundary** (many articles put one paragraph per line); each
///    non-blank line is a paragraph. Whitespace, no-break and zero-width spaces are trimmed.
/// 2. **Bullets**: a line starting with "•", "◦", "▪", "●", "·", "‣", "-", "*", "+", "–", "—" or
///    "1." / "1)" and a space is a list item; the marker is left out of the range and every
///    sentence of the item gets role ``Sentence/Role/bullet``.
/// 3. **Labels**: one to five capitalized-first words and a colon at the start of a line
///    ("Why it matters:", "Driving the news:", "Share:") form a sentence of role
///    ``Sentence/Role/label``; "Nasrallah said:" (a speech verb) is not a label.
/// 4. **Datelines**: "DUBAI, Nov 15 (Reuters) –", "WASHINGTON (AP) —", "GAZA CITY —" at the start
///    of a line are recorded in ``Sentence/dateline`` of the first sentence.
/// 5. **Sentence ends**: ".", "?", "!", "…" (and runs like "?!" or "..."), optionally followed by
///    closing quotes or brackets (straight or curly), then whitespace, then a character that is
///    not a lowercase ASCII letter. A period after an abbreviation does not end a sentence:
///    titles before names ("Dr.", "Maj. Gen."), months before a number ("Oct. 7"), "No. 5";
///    after initials and acronyms ("J.", "U.S.", "a.m.") and post-name or company abbreviations
///    ("Jr.", "Inc.", "Co.") only when the next word is a common sentence opener ("The", "He",
///    "But" …). Decimals and thousands separators never end a sentence (no space follows).
/// 6. **Headlines**: a line that is a single sentence of at most 160 bytes without final
///    punctuation gets role ``Sentence/Role/headline``.
///
/// Input must be valid UTF-8 (the caller guarantees it).
///
/// - Complexity: O(n) in the number of bytes; a table lookup per byte plus `memchr` for line
///   breaks; work per candidate boundary is bounded by the length of the word before it.
package struct SentenceSplitter: Sendable {
    package init() {}

    /// Lines longer than this many bytes without final punctuation are body text, not headlines.
    package static let maxHeadlineBytes = 160

    /// The sentences of `bytes`, in order, without boilerplate flags.
    package func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        var out: [Sentence] = []
        guard let p = bytes.baseAddress, bytes.count > 0 else { return out }
        let n = bytes.count
        out.reserveCapacity(n / 96 + 4)
        var paragraph = 0
        var lineStart = 0
        SentenceSplitter.terminalTable.withUnsafeBufferPointer { terminal in
            let t = terminal.baseAddress!
            while lineStart < n {
                let lineEnd: Int
                if let hit = memchr(p + lineStart, 0x0a, n - lineStart) {
                    lineEnd = UnsafeRawPointer(hit) - UnsafeRawPointer(p)
                } else {
                    lineEnd = n
                }
                if SentenceSplitter.splitLine(p, lineStart, lineEnd, paragraph, t, &out) { paragraph += 1 }
                lineStart = lineEnd + 1
            }
        }
        return out
    }

    /// Convenience: the sentences of a string.
    package func split(_ text: String) -> [Sentence] {
        Array(text.utf8).withUnsafeBufferPointer { split($0) }
    }

    /// Bytes that may end a sentence: ". ? !" and 0xE2 (the lead byte of "…").
    static let terminalTable: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        t[0x2e] = 1
        t[0x3f] = 1
        t[0x21] = 1
        t[0xe2] = 1
        return t
    }()

    /// High bits set in the bytes of `w` (first byte lowest) that are ".", "?", "!" or 0xE2.
    ///
    /// One exact byte-equality test per candidate (``SWAR/bytes(_:equalTo:)``).
    @inline(__always)
    static func terminatorMask(_ raw: UInt64) -> UInt64 {
        let w = UInt64(littleEndian: raw)
        return SWAR.bytes(w, equalTo: 0x2e) | SWAR.bytes(w, equalTo: 0x3f) | SWAR.bytes(w, equalTo: 0x21)
            | SWAR.bytes(w, equalTo: 0xe2)
    }

    /// Splits one line `p[s0..<e0]` (without its line break); returns whether it had content.
    static func splitLine(
        _ p: UnsafePointer<UInt8>, _ s0: Int, _ e0: Int, _ paragraph: Int, _ terminal: UnsafePointer<UInt8>,
        _ out: inout [Sentence]
    ) -> Bool {
        var s = skipSpaces(p, s0, e0)
        let e = trimEnd(p, s, e0)
        guard s < e else { return false }
        var role = Sentence.Role.body
        if let afterMarker = bulletEnd(p, s, e) {
            role = .bullet
            s = skipSpaces(p, afterMarker, e)
        }
        let lineFirst = out.count
        var hasLabel = false
        if memchr(p + s, 0x3a, min(e - s, 50)) != nil, let labelEnd = labelEnd(p, s, e) {
            out.append(Sentence(start: s, end: labelEnd, paragraph: paragraph, role: .label))
            hasLabel = true
            s = skipSpaces(p, labelEnd, e)
        }
        let bodyFirst = out.count
        let dateline: Range<Int>? = s < e ? datelineEnd(p, s, e).map { s..<$0 } : nil

        var sentenceStart = s
        var i = dateline?.upperBound ?? s
        while i < e {
            // Find the next candidate byte, 8 bytes at a time where possible.
            if i + 8 <= e {
                let m = terminatorMask(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                if m == 0 { i += 8; continue }
                i += m.trailingZeroBitCount &>> 3
            } else if terminal[Int(p[i])] == 0 {
                i += 1
                continue
            }
            let b = p[i]
            var j: Int
            var isPeriod = false
            if b == 0xe2 {
                guard i + 2 < e, p[i + 1] == 0x80, p[i + 2] == 0xa6 else { i += 1; continue }  // …
                j = i + 3
            } else {
                isPeriod = b == 0x2e
                j = i + 1
                while j < e, p[j] == 0x2e || p[j] == 0x3f || p[j] == 0x21 { j += 1; isPeriod = false }
            }
            j = skipClosers(p, j, e)
            if j >= e { break }
            let k = skipSpaces(p, j, e)
            if k == j { i = j; continue }  // "3.5", "U.S.-Saudi", "Yahoo!News"
            if k >= e { break }
            if isBoundary(p, lineStart: sentenceStart, period: isPeriod ? i : nil, next: k, e) {
                emit(p, sentenceStart, j, paragraph, role, sentenceStart == s ? dateline : nil, &out)
                sentenceStart = k
            }
            i = k
        }
        emit(p, sentenceStart, e, paragraph, role, sentenceStart == s ? dateline : nil, &out)

        if role == .body, !hasLabel, out.count - bodyFirst == 1, dateline == nil {
            let last = out[out.count - 1]
            if last.end - last.start <= maxHeadlineBytes && !endsWithPunctuation(p, last.start, last.end) {
                out[out.count - 1].role = .headline
            }
        }
        return out.count > lineFirst
    }

    /// Appends `p[a..<b]` trimmed, if anything is left.
    @inline(__always)
    static func emit(
        _ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, _ paragraph: Int, _ role: Sentence.Role,
        _ dateline: Range<Int>?, _ out: inout [Sentence]
    ) {
        let s = skipSpaces(p, a, b)
        let e = trimEnd(p, s, b)
        if s < e { out.append(Sentence(start: s, end: e, paragraph: paragraph, role: role, dateline: dateline)) }
    }

    // MARK: - Whitespace and punctuation

    /// The length of the whitespace character at `i` (ASCII space/tab/CR, no-break, U+2000…U+200B,
    /// narrow no-break, medium math space, word joiner, ideographic space, BOM), or 0.
    @inline(__always)
    static func spaceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ e: Int) -> Int {
        let b = p[i]
        if b == 0x20 || b == 0x09 || b == 0x0d || b == 0x0b || b == 0x0c { return 1 }
        if b < 0x80 { return 0 }
        if b == 0xc2 { return i + 1 < e && p[i + 1] == 0xa0 ? 2 : 0 }
        if b == 0xe2 || b == 0xe3 || b == 0xef, i + 2 < e {
            let (v, n) = UTF8Scan.decode(p, i, e)
            return UTF8Scan.isSpace(v) ? n : 0
        }
        return 0
    }

    @inline(__always)
    static func skipSpaces(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var i = s
        while i < e {
            let n = spaceLength(p, i, e)
            if n == 0 { break }
            i += n
        }
        return i
    }

    /// The end of `p[s..<e]` with trailing whitespace removed.
    @inline(__always)
    static func trimEnd(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var e = e
        while e > s {
            let b = p[e - 1]
            if b == 0x20 || b == 0x09 || b == 0x0d || b == 0x0b || b == 0x0c { e -= 1; continue }
            if b < 0x80 { break }
            // Step back to the lead byte of the last scalar.
            var lead = e - 1
            while lead > s && p[lead] & 0xc0 == 0x80 { lead -= 1 }
            let n = spaceLength(p, lead, e)
            if n > 0 && lead + n == e { e = lead } else { break }
        }
        return e
    }

    /// Skips closing quotes and brackets after a sentence end: `" ' ) ] ” ’ »`.
    @inline(__always)
    static func skipClosers(_ p: UnsafePointer<UInt8>, _ j: Int, _ e: Int) -> Int {
        var j = j
        while j < e {
            let b = p[j]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5d { j += 1; continue }
            if b == 0xe2, j + 2 < e, p[j + 1] == 0x80, p[j + 2] == 0x9d || p[j + 2] == 0x99 { j += 3; continue }
            if b == 0xc2, j + 1 < e, p[j + 1] == 0xbb { j += 2; continue }
            break
        }
        return j
    }

    /// Whether `p[s..<e]` ends with ". ? ! … :" before any closing quotes or brackets.
    static func endsWithPunctuation(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = e
        while k > s {
            let b = p[k - 1]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5d { k -= 1; continue }
            if k - 3 >= s, p[k - 3] == 0xe2, p[k - 2] == 0x80, p[k - 1] == 0x9d || p[k - 1] == 0x99 { k -= 3; continue }
            if k - 2 >= s, p[k - 2] == 0xc2, p[k - 1] == 0xbb { k -= 2; continue }
            break
        }
        guard k > s else { return false }
        let b = p[k - 1]
        if b == 0x2e || b == 0x3f || b == 0x21 || b == 0x3a { return true }
        return k - 3 >= s && p[k - 3] == 0xe2 && p[k - 2] == 0x80 && p[k - 1] == 0xa6
    }
}
