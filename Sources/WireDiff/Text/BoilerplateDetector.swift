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
public struct BoilerplateDetector: Sendable {
    public init() {}

    /// Sets ``Sentence/boilerplate`` on the sentences that are page furniture.
    public func flag(_ sentences: inout [Sentence], in bytes: UnsafeBufferPointer<UInt8>) {
        guard !sentences.isEmpty else { return }
        // Group sentences into lines (consecutive sentences of one paragraph).
        var lines: [Line] = []
        var first = 0
        for k in 1...sentences.count where k == sentences.count || sentences[k].paragraph != sentences[first].paragraph {
            let start = sentences[first].start
            let end = sentences[k - 1].end
            lines.append(Line(sentences: first..<k, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
            first = k
        }
        // The article's dominant script.
        var totals = ScriptCounts()
        for line in lines { totals.add(line.scripts) }
        let dominant = totals.dominant

        var reasons = [BoilerplateReason?](repeating: nil, count: lines.count)
        var seen = Set<String>()
        for (index, line) in lines.enumerated() {
            var reason = BoilerplateDetector.match(line, isNearEnd: index >= lines.count - 3)
            if reason == nil, let dominant, line.words <= 12, let own = line.scripts.dominant, own != dominant,
                line.scripts.count(of: own) * 2 > line.scripts.total
            {
                reason = .foreignScript
            }
            if reason == nil, !line.normalized.isEmpty, seen.contains(line.normalized) { reason = .repeatedLine }
            seen.insert(line.normalized)
            reasons[index] = reason
        }
        BoilerplateDetector.flagCaptions(lines, &reasons)
        for (index, line) in lines.enumerated() {
            guard let reason = reasons[index] else { continue }
            for k in line.sentences { sentences[k].boilerplate = reason }
        }
    }

    /// Flags short lines between a gallery counter or caption and a photo credit (the caption
    /// of the photo), and a name-only line directly above a photo credit.
    static func flagCaptions(_ lines: [Line], _ reasons: inout [BoilerplateReason?]) {
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
            if j > 0, reasons[j - 1] == nil, lines[j - 1].isNameOnly { reasons[j - 1] = .caption }
        }
    }
}

extension BoilerplateDetector {
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
