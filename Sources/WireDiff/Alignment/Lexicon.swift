/// A cache from token hashes to what matching needs about a word: its stem, whether it is a
/// stopword, its character n-grams, its ``LexicalTable`` concepts, and (for numbers) a
/// normalized value key.
///
/// Spelling and form variants share a key: a British spelling is stemmed in its American form
/// ("honours" = "honors"), every negation is "not" ("didn't", "cannot", "not"), and a number's
/// key is its ``NumberValue`` ("two" = "2", "£5m" = "£5 million"). Honorifics ("Mr", "Dr") are
/// not content words, so "Mr Blair" and "Blair" name the same person.
///
/// Stemming and stopword look-ups happen once per distinct token per comparison, never in the
/// similarity inner loop.
///
/// - Complexity: O(1) amortized per look-up; O(k) per new word of k bytes.
struct Lexicon: Sendable {
    struct Entry: Sendable {
        /// The normalized (lowercased) bytes.
        var normalized: [UInt8]
        /// ``StableHash`` of `normalized` (for keyword tests).
        var wordHash: UInt64
        /// The keyword lists the word belongs to.
        var keywords: Keywords.Kind = []
        /// The Porter2 stem (for numbers, the canonical value, e.g. `1600`).
        var stem: [UInt8]
        /// ``StableHash`` of the stem; for numbers, of `#` + canonical value.
        var key: UInt64
        var isStopword: Bool
        var isNumber: Bool
        /// Hashes of the character 4-grams of `^stem$` (empty for numbers and short stems).
        var grams: [UInt64]
        /// Synonym and broader concepts (content words only).
        var concepts = LexicalTable.Concepts()
        /// A negation ("not", "didn't", "cannot").
        var isNegation = false
        /// A number's value (``NumberValue``), when known.
        var value: NumberValue? = nil
    }

    /// Honorifics: not content, so "Mr Blair" and "Blair" match.
    static let honorifics: Set<UInt64> = Keywords.hashes(["mr", "mrs", "ms", "dr", "prof", "sir", "dame", "rev", "mx"])
    /// Negations, all keyed as "not" (the tokenizer drops apostrophes: "didn't" → "didnt").
    static let negations: Set<UInt64> = Keywords.hashes([
        "not", "cannot", "dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt", "isnt", "arent", "wasnt",
        "werent", "hasnt", "havent", "hadnt", "shouldnt", "mustnt", "neednt", "aint", "shant",
    ])

    private(set) var entries: [Entry] = []
    private var index = UInt64Map(capacity: 1024)
    private let stemmer = EnglishStemmer()

    init() {}

    subscript(id: Int32) -> Entry { entries[Int(id)] }

    /// The entry id of `token`, adding it on first sight. A number token's entry is keyed by
    /// its value (`number`, from ``AnalyzedDocument``'s mention joining) when it has one.
    mutating func id(of token: Token, in bytes: UnsafeBufferPointer<UInt8>, number: NumberValue? = nil) -> Int32 {
        // "US" in capitals is the country, not the pronoun "us".
        let country = token.kind == .word && token.hash == Lexicon.us && token.flags.contains(.allCaps)
        let lookup = token.kind == .number ? token.hash ^ 0x6e75_6d62_6572 : country ? token.hash ^ 0x5553 : token.hash
        if let id = index[lookup] { return id }
        let normalized = Tokenizer.normalizedForm(of: token, in: bytes)
        var entry: Entry
        if country {
            entry = Lexicon.makeEntry(normalized: normalized, isNumber: false, stemmer: stemmer, content: true)
        } else if let number {
            entry = Lexicon.numberEntry(normalized: normalized, value: number)
        } else if token.kind != .number, let value = Lexicon.wordValue(normalized) {
            entry = Lexicon.numberEntry(normalized: normalized, value: value)
        } else {
            entry = Lexicon.makeEntry(normalized: normalized, isNumber: token.kind == .number || Lexicon.looksNumeric(normalized), stemmer: stemmer)
        }
        entry.keywords = Keywords.classify(entry.wordHash)
        let id = Int32(entries.count)
        entries.append(entry)
        index.set(lookup, id)
        return id
    }

    /// The value of a number word that starts a mention on its own ("two", not "one").
    static func wordValue(_ normalized: [UInt8]) -> NumberValue? {
        guard NumberValue.startsMention(normalized), case .number(let v, _)? = NumberValue.role(of: normalized) else { return nil }
        return NumberValue(value: v)
    }

    static func numberEntry(normalized: [UInt8], value: NumberValue) -> Entry {
        let canonical = Array(value.key.utf8)
        var entry = Entry(normalized: normalized, wordHash: StableHash.hash(normalized), stem: canonical, key: StableHash.hash([0x23] + canonical),
                          isStopword: false, isNumber: true, grams: [])
        entry.value = value
        return entry
    }

    static func looksNumeric(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        return (first >= 0x30 && first <= 0x39) || (first == 0x24 && bytes.count > 1 && bytes[1] >= 0x30 && bytes[1] <= 0x39)
    }

    static let us = StableHash.hash("us")

    /// A word's entry; `content` overrides the stopword list.
    static func makeEntry(normalized: [UInt8], isNumber: Bool, stemmer: EnglishStemmer, content: Bool = false) -> Entry {
        if isNumber {
            var canonical = normalized.filter { $0 != 0x2c }  // drop thousands separators
            while let last = canonical.last, last == 0x2e { canonical.removeLast() }
            var keyBytes: [UInt8] = [0x23]
            keyBytes.append(contentsOf: canonical)
            return Entry(normalized: normalized, wordHash: StableHash.hash(normalized), stem: canonical, key: StableHash.hash(keyBytes), isStopword: false, isNumber: true, grams: [])
        }
        let wordHash = StableHash.hash(normalized)
        let honorific = honorifics.contains(wordHash)
        let negation = negations.contains(wordHash)
        let stopword = !content && (honorific || Stopwords.contains(normalized))
        let spelled = stopword ? normalized : (LexicalTable.shared.americanSpelling(of: normalized) ?? normalized)
        let stem = negation ? Array("not".utf8) : stemmer.stem(spelled)
        var grams: [UInt64] = []
        if !stopword && stem.count >= 3 {
            var padded: [UInt8] = [0x5e]
            padded.append(contentsOf: stem)
            padded.append(0x24)
            padded.withUnsafeBufferPointer { p in
                var i = 0
                while i + 4 <= p.count {
                    grams.append(StableHash.hash(UnsafeBufferPointer(rebasing: p[i..<(i + 4)]), seed: 0x4752_414d))
                    i += 1
                }
            }
        }
        var entry = Entry(normalized: normalized, wordHash: wordHash, stem: stem, key: StableHash.hash(stem), isStopword: stopword, isNumber: false, grams: grams)
        entry.isNegation = negation
        if !stopword && !negation { entry.concepts = LexicalTable.shared.concepts(of: spelled) }
        return entry
    }
}
