/// A cache from token hashes to what matching needs about a word: its stem, whether it is a
/// stopword, its character n-grams, and (for numbers) a normalized value key.
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
        /// The Porter2 stem (for numbers, the canonical value, e.g. `1600`).
        var stem: [UInt8]
        /// ``StableHash`` of the stem; for numbers, of `#` + canonical value.
        var key: UInt64
        var isStopword: Bool
        var isNumber: Bool
        /// Hashes of the character 4-grams of `^stem$` (empty for numbers and short stems).
        var grams: [UInt64]
    }

    private(set) var entries: [Entry] = []
    private var index: [UInt64: Int32] = [:]
    private let stemmer = EnglishStemmer()

    init() {}

    subscript(id: Int32) -> Entry { entries[Int(id)] }

    /// The entry id of `token`, adding it on first sight.
    mutating func id(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let lookup = token.kind == .number ? token.hash ^ 0x6e75_6d62_6572 : token.hash
        if let id = index[lookup] { return id }
        let normalized = Tokenizer.normalizedForm(of: token, in: bytes)
        let entry = Lexicon.makeEntry(normalized: normalized, isNumber: token.kind == .number || Lexicon.looksNumeric(normalized), stemmer: stemmer)
        let id = Int32(entries.count)
        entries.append(entry)
        index[lookup] = id
        return id
    }

    static func looksNumeric(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        return (first >= 0x30 && first <= 0x39) || (first == 0x24 && bytes.count > 1 && bytes[1] >= 0x30 && bytes[1] <= 0x39)
    }

    static func makeEntry(normalized: [UInt8], isNumber: Bool, stemmer: EnglishStemmer) -> Entry {
        if isNumber {
            var canonical = normalized.filter { $0 != 0x2c }  // drop thousands separators
            while let last = canonical.last, last == 0x2e { canonical.removeLast() }
            var keyBytes: [UInt8] = [0x23]
            keyBytes.append(contentsOf: canonical)
            return Entry(normalized: normalized, wordHash: StableHash.hash(normalized), stem: canonical, key: StableHash.hash(keyBytes), isStopword: false, isNumber: true, grams: [])
        }
        let stopword = Stopwords.contains(normalized)
        let stem = stemmer.stem(normalized)
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
        return Entry(normalized: normalized, wordHash: StableHash.hash(normalized), stem: stem, key: StableHash.hash(stem), isStopword: stopword, isNumber: false, grams: grams)
    }
}
