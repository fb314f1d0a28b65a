import Testing
@testable import WireDiff

@Suite struct StopwordsTests {
    @Test("function words are stopwords", arguments: [
        "the", "a", "an", "of", "to", "in", "and", "or", "but", "is", "was", "were", "be",
        "been", "has", "have", "had", "it", "its", "they", "their", "them", "which", "who",
        "with", "by", "from", "as", "at", "on", "for", "that", "this", "these", "also", "very",
        "would", "could", "should", "after", "between", "during", "however", "it's", "they're",
    ])
    func functionWords(word: String) {
        #expect(Stopwords.contains(word))
        #expect(Stopwords.contains(Array(word.utf8)))
        #expect(Stopwords.contains(hash: StableHash.hash(word)))
    }

    @Test("reporting verbs are stopwords", arguments: ["said", "says", "told", "according"])
    func reportingVerbs(word: String) {
        #expect(Stopwords.contains(word))
    }

    @Test("content words, negation and near misses are not stopwords", arguments: [
        "pentagon", "strike", "israel", "missile", "killed", "billion", "ceasefire", "report",
        "not", "no", "nor", "never", "didn't", "won't",
        "th", "thee", "them.", "the ", "saids", "alsoo", "", "x", "1,600", "שלום",
    ])
    func nonStopwords(word: String) {
        #expect(!Stopwords.contains(word))
        #expect(!Stopwords.contains(Array(word.utf8)))
        #expect(!Stopwords.contains(hash: StableHash.hash(word)))
    }

    @Test("input must be lowercase", arguments: ["The", "THE", "Said", "ALSO", "It's"])
    func uppercaseIsNotFound(word: String) {
        #expect(!Stopwords.contains(word))
        #expect(Stopwords.contains(word.lowercased()))
    }

    @Test func everyListedWordIsFoundByBytesAndHash() {
        #expect(Stopwords.words.count >= 150)
        #expect(Stopwords.words == Stopwords.words.sorted())
        #expect(Set(Stopwords.words).count == Stopwords.words.count)
        for word in Stopwords.words {
            #expect(word == word.lowercased())
            let bytes = Array(word.utf8)
            #expect(bytes.withUnsafeBufferPointer { Stopwords.contains($0) }, "\(word)")
            #expect(Stopwords.contains(hash: StableHash.hash(bytes)), "\(word)")
        }
    }

    @Test func agreesWithTokenHashes() {
        // The tokenizer stores StableHash.hash(normalized bytes) in Token.hash.
        let tokenizer = Tokenizer()
        let text = "The strike was also reported by officials"
        let bytes = Array(text.utf8)
        let tokens = tokenizer.tokens(in: text)
        let stop = bytes.withUnsafeBufferPointer { buffer in
            tokens.map { token in
                (Tokenizer.normalizedForm(of: token, in: buffer), Stopwords.contains(hash: token.hash))
            }
        }
        #expect(stop.filter(\.1).map { String(decoding: $0.0, as: UTF8.self) } == ["the", "was", "also", "by"])
    }
}
