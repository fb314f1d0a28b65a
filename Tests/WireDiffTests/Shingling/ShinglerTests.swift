import Foundation
import Testing
@testable import WireDiff

private func exactJaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
    let sa = Set(a), sb = Set(b)
    let union = sa.union(sb).count
    return union == 0 ? 0 : Double(sa.intersection(sb).count) / Double(union)
}

@Suite struct ShinglerTests {
    private func tokenHashes(_ text: String) -> [UInt64] {
        Tokenizer().tokens(in: text).map(\.hash)
    }

    @Test func wordBigramsCombineTokenHashesWithinSentences() {
        var shingler = Shingler(kind: .words(2))
        let document = Document(id: "d", text: "Alpha beta gamma.\nDelta epsilon.")
        let a = tokenHashes("alpha beta gamma delta epsilon")
        let expected = [
            StableHash.combine(a[0], a[1]), StableHash.combine(a[1], a[2]),
            StableHash.combine(a[3], a[4]),
        ].sorted()
        #expect(shingler.shingles(of: document) == expected)
        // No shingle crosses the sentence boundary (gamma|delta).
        #expect(!shingler.shingles(of: document).contains(StableHash.combine(a[2], a[3])))
    }

    @Test func wordUnigramsAreTokenHashes() {
        var shingler = Shingler(kind: .words(1))
        let document = Document(id: "d", text: "Iran and Israel and Iran.")
        #expect(shingler.shingles(of: document) == Set(tokenHashes("iran and israel")).sorted())
    }

    @Test func sentenceShorterThanKGivesOneShingle() {
        var shingler = Shingler(kind: .words(5))
        let document = Document(id: "d", text: "Breaking news")
        let a = tokenHashes("breaking news")
        #expect(shingler.shingles(of: document) == [StableHash.combine(a[0], a[1])])
    }

    @Test(arguments: [ShingleKind.words(3), .characters(5), .contentWords(1), .contentWords(2)])
    func outputIsSortedAndDeduplicated(kind: ShingleKind) {
        var shingler = Shingler(kind: kind)
        let document = Document(id: "d", text: "The cat sat on the mat. The cat sat on the mat. A dog barked at the cat.")
        let shingles = shingler.shingles(of: document)
        #expect(!shingles.isEmpty)
        #expect(shingles == Set(shingles).sorted())
    }

    @Test(arguments: [ShingleKind.words(3), .characters(4), .contentWords(2)])
    func documentSetIsUnionOfSentenceSets(kind: ShingleKind) {
        var shingler = Shingler(kind: kind)
        let document = Document(
            id: "d", text: "Israel struck targets in Lebanon. Hezbollah fired rockets.\nOfficials in Tehran said little.")
        let perSentence = shingler.sentenceShingles(of: document)
        #expect(perSentence.map(\.sentence) == Array(document.sentences.indices))
        for sentence in perSentence { #expect(sentence.shingles == Set(sentence.shingles).sorted()) }
        let union = Set(perSentence.flatMap(\.shingles)).sorted()
        #expect(shingler.shingles(of: document) == union)
    }

    @Test func contentWordsDropStopwordsAndStem() {
        var shingler = Shingler(kind: .contentWords(1))
        let words = ["the", "rockets", "of", "hezbollah", "landed"]
        let document = Document(id: "d", text: words.joined(separator: " "))
        let stemmer = EnglishStemmer()
        let expected = Set(words.filter { !Stopwords.contains($0) }.map { StableHash.hash(stemmer.stem($0)) }).sorted()
        #expect(shingler.shingles(of: document) == expected)
        #expect(Stopwords.contains("the") && Stopwords.contains("of"))
    }

    @Test func contentWordBigramsSkipStopwords() {
        var shingler = Shingler(kind: .contentWords(2))
        let a = shingler.shingles(of: Document(id: "a", text: "rockets of Hezbollah"))
        let b = shingler.shingles(of: Document(id: "b", text: "rockets hezbollah"))
        #expect(a == b)
        #expect(a.count == 1)
    }

    @Test func characterShinglesIgnoreCaseAndPunctuation() {
        var shingler = Shingler(kind: .characters(3))
        let a = shingler.shingles(of: Document(id: "a", text: "AB,  cd!"))
        #expect(a == ["ab ", "b c", " cd"].map { Shingler.characterGramHash(Array($0.utf8)) }.sorted())
        let b = shingler.shingles(of: Document(id: "b", text: "ab cd"))
        #expect(a == b)
    }

    @Test func characterShinglesCountScalarsNotBytes() {
        var shingler = Shingler(kind: .characters(2))
        let document = Document(id: "d", text: "\u{E9}t\u{E9}")  // "été": 3 scalars, 5 bytes
        let normalized = document.bytes.withUnsafeBufferPointer { bytes in
            Tokenizer().tokens(in: document.text).map { Tokenizer.normalizedForm(of: $0, in: bytes) }
        }
        let text = Array(normalized.joined(separator: [0x20]))
        let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        let expected = (0..<(scalars.count - 1)).map { i in
            Shingler.characterGramHash(Array(String(String.UnicodeScalarView(scalars[i..<i + 2])).utf8))
        }
        #expect(shingler.shingles(of: document) == Set(expected).sorted())
    }

    @Test func characterGramHashDependsOnEveryByteAndTheLength() {
        let grams = ["", "a", "a\u{0}", "ab", "abcdefgh", "abcdefgi", "abcdefghi", "bbcdefghi", "\u{E9}t\u{E9}"]
        let hashes = grams.map { Shingler.characterGramHash(Array($0.utf8)) }
        #expect(Set(hashes).count == grams.count)
        // Long grams (> 8 bytes) are StableHash of their bytes.
        #expect(Shingler.characterGramHash(Array("abcdefghi".utf8)) == StableHash.hash("abcdefghi"))
    }

    @Test func longNonASCIIGramsAndShortSentences() {
        var shingler = Shingler(kind: .characters(4))
        let document = Document(id: "d", text: "\u{10D}\u{10D}\u{10D}\u{10D}\u{10D}. Ab")
        let sentences = shingler.sentenceShingles(of: document)
        #expect(sentences.count == 2)
        let first = Array("\u{10D}\u{10D}\u{10D}\u{10D}".utf8)  // 4 scalars, 8 bytes
        #expect(sentences[0].shingles == [Shingler.characterGramHash(first)])
        #expect(sentences[1].shingles == [Shingler.characterGramHash(Array("ab".utf8))])
    }

    @Test func boilerplateAndLabelsAreExcluded() {
        #expect(Shingler.includes(Sentence(start: 0, end: 1, paragraph: 0)))
        #expect(Shingler.includes(Sentence(start: 0, end: 1, paragraph: 0, role: .headline)))
        #expect(!Shingler.includes(Sentence(start: 0, end: 1, paragraph: 0, role: .label)))
        #expect(!Shingler.includes(Sentence(start: 0, end: 1, paragraph: 0, boilerplate: .photoCredit)))
    }

    @Test(arguments: [ShingleKind.words(2), .characters(5), .contentWords(1)])
    func reusedShinglerMatchesFreshOne(kind: ShingleKind) {
        var generator = SplitMix64(seed: 7)
        var reused = Shingler(kind: kind)
        for index in 0..<30 {
            let words = (0..<40).map { _ in "w\(generator.next() % 500)" }
            let document = Document(id: "\(index)", text: words.joined(separator: " "))
            var fresh = Shingler(kind: kind)
            #expect(reused.shingles(of: document) == fresh.shingles(of: document))
        }
    }

    @Test func tokenCacheGrowsAndResetsCorrectly() {
        var cache = TokenCache(capacity: 8, maxCapacity: 64)
        var generator = SplitMix64(seed: 3)
        // Key 0 and colliding low bits included.
        let keys: [UInt64] = [0, 8, 16, 24] + (0..<200).map { _ in generator.next() }
        for key in keys {
            if cache.find(key) == nil {
                let bytes: [UInt8] = Array("w\(key % 1000)".utf8)
                _ = bytes.withUnsafeBufferPointer {
                    cache.insert(key: key, stem: key &* 3, stopword: key % 2 == 0, normalized: $0)
                }
            }
            let slot = try! #require(cache.find(key))
            #expect(cache.stem(at: slot) == (key % 2 == 0 ? 0 : key &* 3))
            #expect(cache.isStopword(at: slot) == (key % 2 == 0))
            let stored = Array(cache.arena[cache.offset(at: slot)..<cache.offset(at: slot) + cache.length(at: slot)])
            #expect(stored == Array("w\(key % 1000)".utf8))
            #expect(cache.slotCount <= 65)
        }
        // After growth (8 → 64 slots) every key of the current generation is still found.
        var fresh = TokenCache(capacity: 8, maxCapacity: 1 << 10)
        for key in keys { _ = fresh.insert(key: key, stem: ~key, stopword: false, normalized: nil) }
        for key in keys { #expect(fresh.find(key).map { fresh.stem(at: $0) } == max(~key, 1)) }
        // A word whose stem hashes to 0 is not a stopword.
        var zero = TokenCache()
        let slot = zero.insert(key: 42, stem: 0, stopword: false, normalized: nil)
        #expect(!zero.isStopword(at: slot) && zero.stem(at: slot) == 1)
    }

    @Test(.enabled(if: Seeds.available))
    func contentWordsSeeRewritesThatWordFiveGramsMiss() throws {
        let rewrite = try Seeds.document("000"), source = try Seeds.document("001")
        var words5 = Shingler(kind: .words(5)), content1 = Shingler(kind: .contentWords(1))
        let w = exactJaccard(words5.shingles(of: rewrite), words5.shingles(of: source))
        let c = exactJaccard(content1.shingles(of: rewrite), content1.shingles(of: source))
        #expect(c > 2 * w)
    }
}
