/// The English stopword list used to pick content words.
///
/// PLACEHOLDER list to be replaced by the real one.
public enum Stopwords {
    static let english: Set<String> = ["the", "a", "an", "of", "to", "in", "and", "or", "is", "was", "on", "for", "that", "with", "by", "as", "at", "it", "its", "be", "has", "have", "had", "said"]

    /// Whether a lowercase word (UTF-8 bytes) is a stopword.
    public static func contains(_ word: [UInt8]) -> Bool {
        english.contains(String(decoding: word, as: UTF8.self))
    }

    /// Whether a lowercase word is a stopword.
    public static func contains(_ word: String) -> Bool { english.contains(word) }
}
