/// Finds attribution phrases by their verbs: "X said", "said X", "X told Y", "according to X",
/// "cited by X", "X reported".
///
/// The phrase around the verb runs to the nearest punctuation (comma, period, colon, quote,
/// dash, parenthesis) or another attribution verb, at most ``maximumLength`` words. A
/// heuristic in the spirit of quotation attribution in Pareti (2016), without a parser.
///
/// - Complexity: O(t) in the sentence's tokens.
struct AttributionFinder: Sendable {
    static let maximumLength = 8
    /// Words that open a noun phrase naming a speaker after the verb ("said a spokesman").
    static let determiners = Keywords.hashes(["a", "an", "the"])
    /// Forms of "be": before a verb of saying they make it passive.
    static let beVerbs = Keywords.hashes(["was", "were", "is", "are", "be", "been", "being"])

    let document: AnalyzedDocument
    let lexicon: Lexicon

    func phrases(in sentence: Int) -> [AttributionPhrase] {
        let range = document.sentenceTokens[sentence]
        guard !range.isEmpty else { return [] }
        var result: [AttributionPhrase] = []
        var t = range.lowerBound
        // Phrases never overlap: a backward scan stops after the previous phrase.
        var floor = range.lowerBound
        while t < range.upperBound {
            if let last = result.last { floor = max(floor, last.lastToken + 1) }
            let h = kind(t)
            if h.contains(.according), t + 1 < range.upperBound, kind(t + 1).contains(.to) {
                let end = forward(from: t + 2, in: range)
                if end >= t + 2 { result.append(AttributionPhrase(sentence: sentence, firstToken: t, lastToken: end)) }
                t = end + 1
                continue
            }
            if h.contains(.cited) {
                var start = t + 1
                if start < range.upperBound && kind(start).contains(.by) { start += 1 }
                let end = forward(from: start, in: range)
                if end >= start { result.append(AttributionPhrase(sentence: sentence, firstToken: t, lastToken: end)) }
                t = max(end, t) + 1
                continue
            }
            let isSaid = h.contains(.said), isTold = h.contains(.told), isReports = h.contains(.reports)
            // "were told to leave", "is reported to": a passive, not an attribution.
            let passive = t > range.lowerBound && AttributionFinder.beVerbs.contains(lexicon[document.features[t - 1].entry].wordHash)
            if (isSaid || isTold || isReports) && !passive {
                // "X, who …, said": punctuation right before the verb (not a closing quote)
                // means the speaker is not the words before it.
                let detached = t > range.lowerBound && boundary(before: t) && !quoteBoundary(before: t)
                let start = detached ? t : backward(from: t - 1, in: floor..<range.upperBound)
                var end = t
                if isTold {
                    // "told Axios", "told reporters": the addressee.
                    var k = t + 1
                    while k < range.upperBound, k - t <= 3, !boundary(before: k),
                          document.features[k].flags.contains(.name) || document.tokens[k].flags.contains(.capitalized) {
                        end = k; k += 1
                    }
                }
                if start > t - 1, let last = result.last, last.lastToken == t - 1 {
                    // "cited by the Axios news site said": the verb closes the previous phrase.
                    result[result.count - 1].lastToken = end
                    t = end + 1
                    continue
                }
                if start > t - 1 || start == t {
                    // Nothing before the verb: "…,” said a Hezbollah commander. The speaker
                    // follows only after a quotation or as a name or a noun phrase.
                    let speakerFollows = t + 1 < range.upperBound
                        && ((t > range.lowerBound && quoteBoundary(before: t)) || document.tokens[t + 1].flags.contains(.capitalized)
                            || AttributionFinder.determiners.contains(lexicon[document.features[t + 1].entry].wordHash))
                    let after = speakerFollows ? forward(from: t + 1, in: range) : t
                    if after > t { result.append(AttributionPhrase(sentence: sentence, firstToken: t, lastToken: after)) }
                    t = max(after, end) + 1
                    continue
                }
                result.append(AttributionPhrase(sentence: sentence, firstToken: start, lastToken: end))
                t = end + 1
                continue
            }
            t += 1
        }
        return result
    }

    private func kind(_ t: Int) -> Keywords.Kind { lexicon[document.features[t].entry].keywords }

    /// Whether punctuation separates token `t` from the token before it.
    func boundary(before t: Int) -> Bool {
        let previousEnd = document.tokens[t - 1].end, start = document.tokens[t].start
        guard previousEnd < start else { return false }
        for i in previousEnd..<start {
            switch document.document.bytes[i] {
            case 0x2c, 0x2e, 0x3b, 0x3a, 0x22, 0x28, 0x29, 0xe2: return true  // , . ; : " ( ) and “ ” – —
            default: continue
            }
        }
        return false
    }

    /// Whether a quotation mark stands between token `t` and the token before it.
    func quoteBoundary(before t: Int) -> Bool {
        let bytes = document.document.bytes
        for i in document.tokens[t - 1].end..<document.tokens[t].start {
            if bytes[i] == 0x22 { return true }
            if bytes[i] == 0xe2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9c || bytes[i + 2] == 0x9d { return true }
        }
        return false
    }

    /// The first token of the phrase ending at `t` (scanning back), or `t + 1` when empty.
    private func backward(from t: Int, in range: Range<Int>) -> Int {
        guard t >= range.lowerBound else { return t + 1 }
        if t + 1 < range.upperBound && quoteBoundary(before: t + 1) { return t + 1 }
        if !kind(t).isDisjoint(with: [.clauseStart, .attributionVerb]) { return t + 1 }
        var start = t
        while start > range.lowerBound, t - start + 1 < AttributionFinder.maximumLength,
              !boundary(before: start), kind(start - 1).isDisjoint(with: [.clauseStart, .attributionVerb]),
              !document.features[start - 1].flags.contains(.quoted) {
            start -= 1
        }
        if document.features[start].flags.contains(.quoted) { return t + 1 }
        return start
    }

    /// The last token of the phrase starting at `t` (scanning forward), or `t - 1` when empty.
    private func forward(from t: Int, in range: Range<Int>) -> Int {
        guard t < range.upperBound else { return t - 1 }
        if t > range.lowerBound && boundary(before: t) && t > range.lowerBound + 1 {
            // A comma right after the verb ("said, …") ends the phrase.
            return t - 1
        }
        var end = t
        while end + 1 < range.upperBound, end - t + 1 < AttributionFinder.maximumLength,
              !boundary(before: end + 1), !kind(end + 1).contains(.attributionVerb) {
            end += 1
        }
        return end
    }
}
