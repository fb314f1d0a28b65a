/// Finds source credits in a document: attribution phrases (see ``AttributionFinder``) that
/// name a known outlet or a media noun ("news site", "media", "newspaper"), plus
/// "X contributed to this report" lines. Boilerplate sentences are searched too: credit lines
/// are page furniture but still credits.
///
/// - Complexity: O(t · k) in the document's tokens and the outlet list.
struct SourceCreditDetector: Sendable {
    let lexicon: Lexicon

    func credits(in doc: AnalyzedDocument, reference: AnalyzedDocument?) -> [SourceCredit] {
        let finder = AttributionFinder(document: doc, lexicon: lexicon)
        var result: [SourceCredit] = []
        let referenceWords: Set<UInt64> = reference.map { ref in
            Set(ref.features.map { lexicon[$0.entry].wordHash })
        } ?? []
        for s in 0..<doc.sentenceCount {
            var phrases = finder.phrases(in: s)
            // "X contributed to this report"
            let range = doc.sentenceTokens[s]
            for t in range where lexicon[doc.features[t].entry].wordHash == Keywords.contributed && t > range.lowerBound {
                phrases.append(AttributionPhrase(sentence: s, firstToken: range.lowerBound, lastToken: min(range.upperBound - 1, t + 3)))
            }
            for phrase in phrases {
                let words = (phrase.firstToken...phrase.lastToken).map { lexicon[doc.features[$0].entry].normalized }
                var outlet: String? = nil
                var outletWords: [[UInt8]] = []
                for name in Keywords.outlets {
                    let pattern = name.map { Array($0.utf8) }
                    guard pattern.count <= words.count else { continue }
                    for start in 0...(words.count - pattern.count) where Array(words[start..<(start + pattern.count)]) == pattern {
                        let first = phrase.firstToken + start, last = first + pattern.count - 1
                        // Require the original to be capitalized (AP vs "ap"), except numbers.
                        if doc.tokens[first].flags.contains(.capitalized) || doc.tokens[first].flags.contains(.allCaps) {
                            outlet = doc.text(tokens: first, through: last)
                            outletWords = pattern
                        }
                    }
                    if outlet != nil { break }
                }
                let hasMediaNoun = (phrase.firstToken...phrase.lastToken).contains {
                    Keywords.mediaNouns.contains(lexicon[doc.features[$0].entry].wordHash)
                }
                let isContribution = (phrase.firstToken...phrase.lastToken).contains {
                    lexicon[doc.features[$0].entry].wordHash == Keywords.contributed
                }
                guard outlet != nil || hasMediaNoun || isContribution else { continue }
                if outlet == nil && isContribution {
                    outlet = doc.text(tokens: phrase.firstToken, through: phrase.firstToken)
                }
                let names = !outletWords.isEmpty && outletWords.allSatisfy { referenceWords.contains(StableHash.hash($0)) }
                let byteRange = doc.tokens[phrase.firstToken].start..<doc.tokens[phrase.lastToken].end
                let credit = SourceCredit(sentence: s, range: byteRange, text: doc.text(byteRange), outlet: outlet, namesReference: names)
                if !result.contains(where: { $0.sentence == s && $0.range.overlaps(byteRange) }) { result.append(credit) }
            }
        }
        return result
    }
}
