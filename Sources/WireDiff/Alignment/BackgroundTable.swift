/// A small built-in background table: words so common in news reporting that sharing them says
/// little about two sentences reporting the same fact.
///
/// The IDF computed from the documents at hand is multiplied by ``damping`` for these stems, so
/// "said", "officials" or "report" never carry a link on their own, even in a two-document
/// comparison where the local IDF is noisy.
enum BackgroundTable {
    /// The weight multiplier for a background word.
    static let damping: Float = 0.4

    static let words = [
        "say", "said", "says", "tell", "told", "official", "officials", "report", "reported",
        "reports", "people", "year", "years", "week", "weeks", "day", "days", "time", "new",
        "also", "would", "could", "may", "might", "one", "two", "three", "first", "last", "since",
        "according", "statement", "added", "including", "government", "country", "group",
        "percent", "million", "told", "news", "recent", "recently", "still", "however", "while",
        "many", "made", "make", "take", "took", "like", "well", "part", "since", "told", "going",
        "want", "wanted", "need", "called", "call", "comment", "spokesperson", "spokesman",
        "source", "sources", "senior", "former", "other", "others", "over", "now", "just",
        "what", "there", "their", "they", "them", "which", "who", "whom", "this", "these",
    ]

    /// Stem keys of ``words`` under the current stemmer.
    static let keys: Set<UInt64> = {
        let stemmer = EnglishStemmer()
        return Set(words.map { StableHash.hash(stemmer.stem(Array($0.utf8))) })
    }()
}
