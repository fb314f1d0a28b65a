/// The English stopword list used to pick content words.
///
/// Our own list of 227 entries (198 function words and 29 contractions): articles and
/// determiners; personal, possessive, reflexive, relative and interrogative pronouns; forms of
/// "be", "have", "do" and the modal auxiliaries; prepositions; conjunctions; common function
/// adverbs ("also", "very", "just", "however"); and the contractions of these written with an
/// ASCII apostrophe ("it's", "they're").
///
/// Two choices specific to news:
/// - **Reporting verbs are stopwords**: "said", "says", "told" and "according" (as in
///   "according to") appear in nearly every paragraph of wire copy and say who spoke, not what
///   happened, so two rewrites differ in them without differing in facts.
/// - **Negation is not**: "not", "no", "nor", "never" and the n't contractions ("didn't",
///   "won't") are kept as content, because "the army did not confirm" and "the army did
///   confirm" state different facts.
///
/// Lookups take **lowercase** UTF-8 bytes (the tokenizer's normalized form); "The" is not
/// found, "the" is. The table is an open-addressing hash table keyed by `StableHash.hash` of
/// the bytes (seed 0, the same hash the tokenizer stores in `Token.hash`), so a caller holding
/// a token hash can ask `contains(hash:)` without touching the bytes at all.
///
/// - Complexity: `contains` is O(n) in the word's length (one hash, one comparison);
///   `contains(hash:)` is O(1).
package enum Stopwords {
    /// The stopwords, lowercase, sorted.
    package static let words: [String] = [
        // Articles and determiners.
        "a", "all", "an", "another", "any", "both", "each", "either", "every", "few", "many",
        "more", "most", "much", "neither", "other", "others", "own", "same", "several", "some",
        "such", "that", "the", "these", "this", "those",
        // Pronouns.
        "he", "her", "hers", "herself", "him", "himself", "his", "i", "it", "its", "itself",
        "me", "mine", "my", "myself", "our", "ours", "ourselves", "she", "their", "theirs",
        "them", "themselves", "they", "us", "we", "what", "whatever", "which", "whichever",
        "who", "whoever", "whom", "whose", "you", "your", "yours", "yourself", "yourselves",
        // Auxiliaries and modals.
        "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "doing", "had",
        "has", "have", "having", "is", "may", "might", "must", "ought", "shall", "should",
        "was", "were", "will", "would",
        // Prepositions.
        "about", "above", "across", "after", "against", "along", "amid", "among", "amongst",
        "around", "as", "at", "before", "behind", "below", "beneath", "beside", "besides",
        "between", "beyond", "by", "despite", "down", "during", "except", "for", "from", "in",
        "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over", "per",
        "since", "through", "throughout", "to", "toward", "towards", "under", "until", "unto",
        "up", "upon", "via", "with", "within", "without",
        // Conjunctions and relative/interrogative adverbs.
        "although", "and", "because", "but", "how", "if", "or", "so", "than", "then", "though",
        "unless", "when", "whenever", "where", "whereas", "wherever", "whether", "while", "why",
        "yet",
        // Function adverbs.
        "again", "almost", "already", "also", "else", "even", "ever", "furthermore", "here",
        "hence", "however", "indeed", "instead", "just", "moreover", "now", "often", "only",
        "perhaps", "quite", "rather", "still", "there", "therefore", "thus", "too", "very",
        // Reporting verbs (see above).
        "according", "said", "says", "told",
        // Contractions (not the negated ones).
        "he'd", "he'll", "he's", "i'd", "i'll", "i'm", "i've", "it'll", "it's", "let's",
        "she'd", "she'll", "she's", "that's", "there's", "they'd", "they'll", "they're",
        "they've", "we'd", "we'll", "we're", "we've", "what's", "who's", "you'd", "you'll",
        "you're", "you've",
    ].sorted()

    /// The stopwords as a set of strings (for tests and non-hot-path callers).
    static let english: Set<String> = Set(words)

    /// The lookup table, built once on first use.
    static let table = Table(words: words)

    /// Whether a lowercase word (UTF-8 bytes) is a stopword.
    package static func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    /// Whether a lowercase word (a buffer of UTF-8 bytes) is a stopword.
    package static func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        table.contains(word)
    }

    /// Whether a lowercase word is a stopword.
    package static func contains(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { contains($0) }
    }

    /// Whether `hash`, the `StableHash.hash` (seed 0) of a lowercase word, is a stopword's.
    ///
    /// Use it with `Token.hash`. It compares hashes only: a 64-bit collision between a content
    /// word and one of the 227 stopwords has probability about 2⁻⁵⁶ per word.
    package static func contains(hash: UInt64) -> Bool {
        table.index(ofHash: hash) != nil
    }
}
