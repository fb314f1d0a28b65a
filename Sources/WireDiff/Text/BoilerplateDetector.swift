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
/// - the line patterns of ``BoilerplateRule/table`` (captions, share and follow prompts, gallery
///   counters, photo credits, credit lines, licensing, comment policy, newsletters, bylines,
///   sign-offs), each written once as data; the matcher and the pre-filter that rules out
///   most lines before it runs (``BoilerplatePrefilter``) are derived from that table;
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

    /// The rules, and the pre-filter derived from them.
    static let rules = BoilerplateRule.table
    static let prefilter = BoilerplatePrefilter(rules)

    /// Sets ``Sentence/boilerplate`` on the sentences that are page furniture.
    ///
    /// Two passes over the lines. The first (``normalize(_:in:)``) normalizes each line into
    /// one byte arena and counts its words and letters per script, byte by byte
    /// (``scan(_:_:_:into:classes:)``); only lines with scalars the byte pass does not handle get
    /// a ``Line`` (with `String`s). The second (``reasons(_:arena:in:)``) applies the rules in
    /// order: the table's (``BoilerplateRule/table``) on the lines the pre-filter
    /// (``BoilerplatePrefilter``) cannot rule out, then the foreign-script and repeated-line
    /// checks. Captions between a gallery counter and a photo credit come last
    /// (``flagCaptions(_:_:in:)``).
    package func flag(_ sentences: inout [Sentence], in bytes: UnsafeBufferPointer<UInt8>) {
        guard !sentences.isEmpty, bytes.baseAddress != nil else { return }
        var lines = BoilerplateDetector.lines(of: sentences)
        let arena = BoilerplateDetector.normalize(&lines, in: bytes)
        var reasons = BoilerplateDetector.reasons(lines, arena: arena, in: bytes)
        BoilerplateDetector.flagCaptions(lines, &reasons, in: bytes)
        for (index, line) in lines.enumerated() {
            guard let reason = reasons[index] else { continue }
            for k in line.sentences { sentences[k].boilerplate = reason }
        }
    }

    /// The lines of an article: runs of consecutive sentences of one paragraph (not empty).
    static func lines(of sentences: [Sentence]) -> [LineFacts] {
        var lines: [LineFacts] = []
        // At most one line per sentence and per paragraph number in the span (no regrowth).
        let span = sentences[sentences.count - 1].paragraph - sentences[0].paragraph + 1
        lines.reserveCapacity(max(1, min(span, sentences.count)))
        var first = 0
        for k in 1...sentences.count where k == sentences.count || sentences[k].paragraph != sentences[first].paragraph {
            let start = sentences[first].start
            lines.append(LineFacts(sentences: first..<k, bytes: start..<max(start, sentences[k - 1].end)))
            first = k
        }
        return lines
    }

    /// The first pass: each line's normalized bytes (appended to the returned arena), words,
    /// scripts and caption shape, by the byte pass where it can, by ``Line`` otherwise.
    static func normalize(_ lines: inout [LineFacts], in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let base = bytes.baseAddress!
        let longest = lines.reduce(0) { max($0, $1.bytes.count) }
        var arena: [UInt8] = []
        arena.reserveCapacity(lines.reduce(0) { $0 + $1.bytes.count })
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: max(longest, 1))
        defer { scratch.deallocate() }
        let classes = ByteClass.classes.base
        for index in lines.indices {
            let range = lines[index].bytes
            let normalizedStart = arena.count
            if let scan = scan(base, range.lowerBound, range.upperBound, into: scratch, classes: classes) {
                arena.append(contentsOf: UnsafeBufferPointer(start: scratch, count: scan.count))
                lines[index].words = scan.words
                lines[index].scripts = scan.scripts
                lines[index].isCaptionLike = scan.words <= 15
                    && (scan.count == 0 || !".?!".utf8.contains(scratch[scan.count - 1]))
            } else {
                let line = Line(sentences: lines[index].sentences, text: String(decoding: bytes[range], as: UTF8.self))
                arena.append(contentsOf: line.normalized.utf8)
                lines[index].words = line.words
                lines[index].scripts = ScriptTally(line.scripts)
                lines[index].isCaptionLike = line.isCaptionLike
                lines[index].line = line
            }
            lines[index].normalized = normalizedStart..<arena.count
        }
        return arena
    }

    /// The second pass: each line's reason by the rules, then by script (a short line mostly
    /// in another script than the article's), then as a repeat of an earlier line.
    static func reasons(_ lines: [LineFacts], arena: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> [BoilerplateReason?] {
        var totals = ScriptTally()
        for line in lines { totals.counts &+= line.scripts.counts }
        let dominant = totals.dominant
        let rules = BoilerplateDetector.rules
        let prefilter = BoilerplateDetector.prefilter
        var reasons = [BoilerplateReason?](repeating: nil, count: lines.count)
        var repeats = RepeatedLines(lines: lines.count)
        arena.withUnsafeBufferPointer { arena in
            for index in lines.indices {
                let normalized = UnsafeBufferPointer(rebasing: arena[lines[index].normalized])
                let words = lines[index].words
                let subject = BoilerplateRule.Subject(
                    text: UnsafeBufferPointer(rebasing: bytes[lines[index].bytes]), normalized: normalized, words: words,
                    isNearEnd: index >= lines.count - 3)
                #if DEBUG
                    checkFastPath(lines[index], subject, prefilter: prefilter, rules: rules)
                #endif
                var reason = prefilter.mayMatch(subject) ? BoilerplateRule.firstMatch(subject, in: rules) : nil
                let scripts = lines[index].scripts
                if reason == nil, let dominant, words <= 12, let own = scripts.dominant, own != dominant,
                    scripts.count(of: own) * 2 > scripts.total
                {
                    reason = .foreignScript
                }
                let seen = repeats.insert(index, normalized, arena: arena, lines: lines)
                if reason == nil, !normalized.isEmpty, seen { reason = .repeatedLine }
                reasons[index] = reason
            }
        }
        return reasons
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
                if !nameConnectorNeedles.anyEquals(word) && !ByteClass.isUpper(word[0]) { return false }
            }
            k = e + 1
        }
        return true
    }

    /// The words ``Line/isNameOnly`` lets through between names.
    static let nameConnectors = ["and", "of", "al", "bin", "ben", "de", "van", "von", "la", "le", "da", "&", "/"]
    static let nameConnectorNeedles = Needles(nameConnectors)

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
        /// Number of space-separated words.
        let words: Int
        /// Letters per script.
        let scripts: ScriptCounts

        init(sentences: Range<Int>, text: String) {
            self.sentences = sentences
            self.text = text
            normalized = Normalizer.normalize(text)
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
            for word in text.split(separator: " ") {
                if BoilerplateDetector.nameConnectors.contains(String(word)) { continue }
                guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
            }
            return true
        }
    }
}
