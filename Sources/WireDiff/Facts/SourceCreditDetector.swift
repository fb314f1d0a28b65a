/// Finds source credits in a document: attribution phrases (see ``AttributionFinder``) that
/// name a known outlet or a media noun ("news site", "media", "newspaper"), plus
/// "X contributed to this report" lines, "Name reported" with a capitalized name alone, and any
/// attribution naming the outlet of the reference's dateline ("(Wirewire)"). Boilerplate sentences are searched too: credit lines
/// are page furniture but still credits.
///
/// - Complexity: O(t · k) in the document's tokens and the outlet list.
struct SourceCreditDetector: Sendable {
    let lexicon: Lexicon

    func credits(in doc: AnalyzedDocument, reference: AnalyzedDocument?) -> [SourceCredit] {
        let finder = AttributionFinder(document: doc, lexicon: lexicon)
        var result: [SourceCredit] = []
        var referenceWords: Set<UInt64> = reference.map { ref in
            Set(ref.features.map { lexicon[$0.entry].wordHash })
        } ?? []
        // The agency in the reference's datelines ("DUBAI, Nov 15 (Portal) –"): the wire's name.
        var datelineWords: Set<UInt64> = []
        if let ref = reference {
            var tokens: [Token] = []
            ref.document.bytes.withUnsafeBufferPointer { bytes in
                for sentence in ref.document.sentences {
                    guard let dateline = sentence.dateline else { continue }
                    tokens.removeAll(keepingCapacity: true)
                    Tokenizer().tokenize(bytes, range: dateline, into: &tokens)
                    // Only the parenthesized agency, not the place: "(Portal)".
                    for t in tokens where t.start > dateline.lowerBound && bytes[t.start - 1] == 0x28 {
                        datelineWords.insert(StableHash.hash(Tokenizer.normalizedForm(of: t, in: bytes)))
                    }
                }
            }
            referenceWords.formUnion(datelineWords)
        }
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
                if outlet == nil {
                    // A name from the reference's dateline ("…, Wirewire reported"), or a
                    // capitalized name alone before "reported"/"reports".
                    let range = phrase.firstToken...phrase.lastToken
                    if let t = range.first(where: { datelineWords.contains(lexicon[doc.features[$0].entry].wordHash) && doc.features[$0].flags.contains(.name) }) {
                        outlet = doc.text(tokens: t, through: t)
                        outletWords = [lexicon[doc.features[t].entry].normalized]
                    } else if Keywords.reports.contains(lexicon[doc.features[phrase.lastToken].entry].wordHash), phrase.lastToken > phrase.firstToken,
                              phrase.lastToken - phrase.firstToken <= 3,
                              (phrase.firstToken..<phrase.lastToken).allSatisfy({ doc.features[$0].flags.contains(.name) || doc.tokens[$0].flags.contains(.capitalized) }) {
                        outlet = doc.text(tokens: phrase.firstToken, through: phrase.lastToken - 1)
                        outletWords = (phrase.firstToken..<phrase.lastToken).map { lexicon[doc.features[$0].entry].normalized }
                    }
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
