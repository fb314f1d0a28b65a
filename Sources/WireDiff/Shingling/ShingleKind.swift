/// What a shingle is: the unit of overlap between two articles.
///
/// - `words(k)`: k consecutive normalized tokens (word k-grams, "w-shingling", Broder 1997).
/// - `characters(k)`: k consecutive Unicode scalars of the normalized text of a sentence, where
///   the normalized text is the sentence's normalized tokens separated by one space (so
///   punctuation and spacing differences never matter).
/// - `contentWords(k)`: k consecutive *content words*: tokens that are not stopwords, reduced to
///   their stems (``EnglishStemmer``); numbers and ideographs are kept as they are. With k = 1
///   this is a bag of stems, which survives paraphrase and reordering best.
///
/// `k` must be at least 1.
public enum ShingleKind: Sendable, Hashable {
    case words(Int)
    case characters(Int)
    case contentWords(Int)

    /// The shingle length `k`.
    public var k: Int {
        switch self {
        case .words(let k), .characters(let k), .contentWords(let k): k
        }
    }

    /// A stable 64-bit code of the kind and `k` (`tag << 32 | k`, tags 1 = words,
    /// 2 = characters, 3 = contentWords), recorded in an archive's settings: archives built
    /// with other shingles are not comparable.
    package var settingsValue: UInt64 {
        let tag: UInt64
        switch self {
        case .words: tag = 1
        case .characters: tag = 2
        case .contentWords: tag = 3
        }
        return tag << 32 | UInt64(UInt32(truncatingIfNeeded: k))
    }

    /// Whether this is `characters(_)`.
    var isCharacters: Bool {
        if case .characters = self { return true }
        return false
    }
}
