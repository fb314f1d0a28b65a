/// Flags sentences that are page furniture (share prompts, photo credits, footers …) rather
/// than reporting.
///
/// Detection works on **lines** (the sentences of one paragraph, since web furniture sits on
/// lines of its own): each line is normalized (``Normalizer/normalize(_:)``) and matched against
/// patterns that generalize the furniture of news sites, then a context pass flags short
/// caption lines that sit between a gallery counter and a photo credit. Every sentence of a
/// flagged line gets the line's ``BoilerplateReason``; nothing is ever deleted.
///
/// Rules, first match wins (see ``BoilerplateReason`` for the cases):
/// - caption: "FILE :" / "FILE PHOTO:" at the start of a line;
/// - share prompt: "Share:", "Share this article", a line of network names ("Facebook Twitter Email");
/// - follow prompt: a line starting with "Follow …" (or "<< Follow") naming a network or "us";
/// - gallery counter: "5 View gallery", "View gallery", "Photo 3 of 12", "3 / 12", "12 photos";
/// - photo credit: "(Photo: AP, AFP)", "Photo: Reuters", "Credit: …", "Photo by …", a short line
///   naming a photo agency ("Getty Images", "AP Photo/…");
/// - credit line: "… contributed to this report", "Reporting by …", "; Editing by …", "Writing by";
/// - licensing: "Acquire license rights", "opens new tab", "Our standards: … Trust Principles",
///   "All rights reserved", "© …", "Copyright …";
/// - comment policy: the commenter/comments plus policy, terms of use or guidelines; "Comments are closed";
/// - newsletter: "More stories:", "Read more", "Related:", "Sign up for our newsletter";
/// - byline: "By Jane Doe", "Updated 3:04 p.m.", "Published …" (short lines only);
/// - sign-off: an outlet name alone on a line ("AXIOS", "— Reuters"), or one all-caps word among
///   the last three lines;
/// - foreign script: a short line (≤ 12 words) whose letters are mostly in another script than
///   the article's dominant one (a Hebrew caption under an English story);
/// - repeated line: a line identical (after normalization) to an earlier one.
///
/// Conservative by construction: every pattern is anchored at the start of a line, bounded in
/// length, or requires two independent keywords, so a sentence of reporting that merely
/// mentions "policy" or "Reuters" is never flagged.
///
/// - Complexity: O(n) in the bytes of the article plus O(lines) hash-set work.
package struct BoilerplateDetector: Sendable {
    package init() {}

    /// Sets ``Sentence/boilerplate`` on the sentences that are page furniture.
    ///
    /// Two passes over the lines. The first normalizes each line into one byte arena and
    /// counts its words and letters per script, byte by byte (``scan(_:_:_:into:classes:)``); only
    /// lines with scalars the byte pass does not handle get a ``Line`` (with `String`s) for
    /// ``match(_:isNearEnd:)``. The second pass applies the rules in order: the patterns
    /// through ``matchBytes(_:words:text:isNearEnd:)`` on the lines that
    /// ``mayMatch(_:_:words:text:scan:tables:)`` cannot rule out; the repeated-line check looks the
    /// normalized bytes up by their ``lineKey(_:)``.
    package func flag(_ sentences: inout [Sentence], in bytes: UnsafeBufferPointer<UInt8>) {
        guard !sentences.isEmpty, let base = bytes.baseAddress else { return }
        // Group sentences into lines (consecutive sentences of one paragraph).
        var lines: [LineFacts] = []
        // At most one line per sentence and per paragraph number in the span (no regrowth).
        let span = sentences[sentences.count - 1].paragraph - sentences[0].paragraph + 1
        lines.reserveCapacity(max(1, min(span, sentences.count)))
        var longest = 0
        var total = 0
        var first = 0
        for k in 1...sentences.count where k == sentences.count || sentences[k].paragraph != sentences[first].paragraph {
            let start = sentences[first].start
            let end = max(start, sentences[k - 1].end)
            lines.append(LineFacts(sentences: first..<k, bytes: start..<end))
            longest = max(longest, end - start)
            total += end - start
            first = k
        }
        // First pass: normalized bytes, words, scripts, and whether a pattern may match.
        var arena: [UInt8] = []
        arena.reserveCapacity(total)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: max(longest, 1))
        defer { scratch.deallocate() }
        var totals = ScriptTally()
        let tables = BoilerplateDetector.prefilterTables
        for index in lines.indices {
            let range = lines[index].bytes
            let text = UnsafeBufferPointer(rebasing: bytes[range])
            let normalizedStart = arena.count
            if let scan = BoilerplateDetector.scan(base, range.lowerBound, range.upperBound, into: scratch, classes: tables.classes) {
                arena.append(contentsOf: UnsafeBufferPointer(start: scratch, count: scan.count))
                lines[index].words = scan.words
                lines[index].scripts = scan.scripts
                lines[index].isCaptionLike = scan.words <= 15
                    && (scan.count == 0 || !".?!".utf8.contains(scratch[scan.count - 1]))
                lines[index].isCandidate = BoilerplateDetector.mayMatch(
                    scratch, scan.count, words: scan.words, text: text, scan: scan, tables: tables)
            } else {
                let line = Line(sentences: lines[index].sentences, text: String(decoding: text, as: UTF8.self))
                arena.append(contentsOf: line.normalized.utf8)
                lines[index].words = line.words
                lines[index].scripts = ScriptTally(line.scripts)
                lines[index].isCaptionLike = line.isCaptionLike
                lines[index].line = line
            }
            lines[index].normalized = normalizedStart..<arena.count
            totals.counts &+= lines[index].scripts.counts
            #if DEBUG
                BoilerplateDetector.checkFastPath(lines[index], text: text, arena: arena, isNearEnd: index >= lines.count - 3)
            #endif
        }
        let dominant = totals.dominant

        // Second pass: the rules, in order. Earlier lines' normalized bytes sit in an
        // open-addressing table of line indices keyed by their `lineKey`.
        var reasons = [BoilerplateReason?](repeating: nil, count: lines.count)
        var capacity = 16
        while capacity < 2 * lines.count { capacity *= 2 }
        let mask = capacity - 1
        var slots = [Int](repeating: -1, count: capacity)
        var hashes = [UInt64](repeating: 0, count: lines.count)
        arena.withUnsafeBufferPointer { arena in
            for index in lines.indices {
                let isNearEnd = index >= lines.count - 3
                var reason: BoilerplateReason?
                if let line = lines[index].line {
                    reason = BoilerplateDetector.match(line, isNearEnd: isNearEnd)
                } else if lines[index].isCandidate {
                    reason = BoilerplateDetector.matchBytes(
                        UnsafeBufferPointer(rebasing: arena[lines[index].normalized]), words: lines[index].words,
                        text: UnsafeBufferPointer(rebasing: bytes[lines[index].bytes]), isNearEnd: isNearEnd)
                }
                let words = lines[index].words
                let scripts = lines[index].scripts
                if reason == nil, let dominant, words <= 12, let own = scripts.dominant, own != dominant,
                    scripts.count(of: own) * 2 > scripts.total
                {
                    reason = .foreignScript
                }
                // Repeated line: the same normalized bytes as an earlier line.
                let text = UnsafeBufferPointer(rebasing: arena[lines[index].normalized])
                let hash = BoilerplateDetector.lineKey(text)
                hashes[index] = hash
                var slot = Int(truncatingIfNeeded: hash) & mask
                var seen = false
                while slots[slot] >= 0 {
                    let k = slots[slot]
                    if hashes[k] == hash, UnsafeBufferPointer(rebasing: arena[lines[k].normalized]).elementsEqual(text) {
                        seen = true
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if !seen { slots[slot] = index }
                if reason == nil, !text.isEmpty, seen { reason = .repeatedLine }
                reasons[index] = reason
            }
        }
        BoilerplateDetector.flagCaptions(lines, &reasons, in: bytes)
        for (index, line) in lines.enumerated() {
            guard let reason = reasons[index] else { continue }
            for k in line.sentences { sentences[k].boilerplate = reason }
        }
    }

    /// Flags short lines between a gallery counter or caption and a photo credit (the caption
    /// of the photo), and a name-only line directly above a photo credit.
    static func flagCaptions(_ lines: [LineFacts], _ reasons: inout [BoilerplateReason?], in bytes: UnsafeBufferPointer<UInt8>) {
        for (j, reason) in reasons.enumerated() where reason == .photoCredit {
            // Walk up through unflagged caption candidates to a counter or caption.
            var i = j - 1
            var candidates: [Int] = []
            while i >= 0, j - i <= 6 {
                if let r = reasons[i] {
                    if r == .galleryCounter || r == .caption {
                        for c in candidates { reasons[c] = .caption }
                        candidates = []
                    } else if r != .foreignScript && r != .repeatedLine {
                        break
                    }
                } else if lines[i].isCaptionLike {
                    candidates.append(i)
                } else {
                    break
                }
                i -= 1
            }
            if j > 0, reasons[j - 1] == nil, lines[j - 1].isCaptionLike {
                let facts = lines[j - 1]
                let text = UnsafeBufferPointer(rebasing: bytes[facts.bytes])
                if facts.line == nil, let nameOnly = isNameOnlyASCII(text, words: facts.words) {
                    #if DEBUG
                        let line = Line(sentences: facts.sentences, text: String(decoding: text, as: UTF8.self))
                        precondition(nameOnly == line.isNameOnly, "name-only: \(line.text)")
                    #endif
                    if nameOnly { reasons[j - 1] = .caption }
                } else {
                    let line = facts.line ?? Line(sentences: facts.sentences, text: String(decoding: text, as: UTF8.self))
                    if line.isNameOnly { reasons[j - 1] = .caption }
                }
            }
        }
    }
}

extension BoilerplateDetector {
    /// A key of a line's normalized bytes for the repeated-line table: its length and three
    /// of its 8-byte words (first, middle, last), mixed. Equal lines have equal keys; lines
    /// with equal keys are compared byte by byte, so the key only has to spread lines over the
    /// table, and it costs O(1) instead of a hash of every byte of the article.
    static func lineKey(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let p = text.baseAddress else { return 0 }
        let n = text.count
        @inline(__always) func word(_ at: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self))
        }
        var key = UInt64(truncatingIfNeeded: n) &* StableHash.p1
        if n >= 8 {
            key ^= StableHash.mix(word(0) ^ StableHash.p0) ^ word((n - 8) / 2) ^ StableHash.mix(word(n - 8) &+ StableHash.p2)
        } else {
            var tail: UInt64 = 0
            for k in 0..<n { tail |= UInt64(p[k]) << UInt64(8 * k) }
            key ^= tail
        }
        return StableHash.mix(key)
    }

    /// ``Line/isNameOnly`` of a caption-like line the byte pass normalized (`words` is its
    /// word count), on its bytes when they are all ASCII; `nil` otherwise (the caller then
    /// takes the `String` path).
    static func isNameOnlyASCII(_ text: UnsafeBufferPointer<UInt8>, words: Int) -> Bool? {
        guard words <= 8 else { return false }
        var k = 0
        while k < text.count {
            if text[k] >= 0x80 { return nil }
            k += 1
        }
        k = 0
        while k < text.count {
            var e = k
            while e < text.count, text[e] != 0x20 { e += 1 }
            if e > k {
                let word = UnsafeBufferPointer(rebasing: text[k..<e])
                if !nameConnectors.contains(word) && !ByteClass.isUpper(word[0]) { return false }
            }
            k = e + 1
        }
        return true
    }

    /// The words ``Line/isNameOnly`` lets through between names.
    static let nameConnectors = ByteSet(["and", "of", "al", "bin", "ben", "de", "van", "von", "la", "le", "da", "&", "/"])

    /// What the first pass of ``BoilerplateDetector/flag(_:in:)`` knows about one line.
    struct LineFacts {
        let sentences: Range<Int>
        /// The line's bytes in the article.
        let bytes: Range<Int>
        /// The normalized bytes' range in the arena.
        var normalized = 0..<0
        var words = 0
        var scripts = ScriptTally()
        var isCaptionLike = false
        /// Whether a pattern may match the line (the byte pass normalized it, and
        /// ``BoilerplateDetector/mayMatch(_:_:words:text:scan:tables:)`` could not rule it out).
        var isCandidate = false
        /// The full line, for lines the byte pass could not normalize; `nil` for the others.
        var line: Line?

        init(sentences: Range<Int>, bytes: Range<Int>) {
            self.sentences = sentences
            self.bytes = bytes
        }
    }

    /// One line of the article: a run of sentences of one paragraph and its normalized text.
    struct Line {
        let sentences: Range<Int>
        /// The original text (bullet marker excluded).
        let text: String
        /// ``Normalizer/normalize(_:)`` of the text.
        let normalized: String
        /// The normalized text without surrounding punctuation ("share:" → "share").
        let core: String
        /// Number of space-separated words.
        let words: Int
        /// Letters per script.
        let scripts: ScriptCounts

        init(sentences: Range<Int>, text: String) {
            self.sentences = sentences
            self.text = text
            normalized = Normalizer.normalize(text)
            let strip: Set<Character> = [" ", ":", ".", "!", "|", "-", "<", ">", "•", "*", "(", ")", "[", "]", ","]
            var core = Substring(normalized)
            while let c = core.first, strip.contains(c) { core = core.dropFirst() }
            while let c = core.last, strip.contains(c) { core = core.dropLast() }
            self.core = String(core)
            words = normalized.isEmpty ? 0 : normalized.split(separator: " ").count
            scripts = ScriptCounts(text)
        }

        /// Short and without final punctuation: what a photo caption looks like.
        var isCaptionLike: Bool {
            words <= 15 && !(normalized.hasSuffix(".") || normalized.hasSuffix("?") || normalized.hasSuffix("!"))
        }

        /// A short list of capitalized names ("Esmail Qaani, Hassan Nasrallah").
        var isNameOnly: Bool {
            guard words <= 8, isCaptionLike else { return false }
            let connectors: Set<Substring> = ["and", "of", "al", "bin", "ben", "de", "van", "von", "la", "le", "da", "&", "/"]
            for word in text.split(separator: " ") {
                if connectors.contains(word) { continue }
                guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
            }
            return true
        }
    }
}
