/// The Porter2 (Snowball English) stemmer on lowercase UTF-8 bytes.
///
/// PLACEHOLDER implementation (strips a final "s") to be replaced by the real stemmer.
public struct EnglishStemmer: Sendable {
    public init() {}

    /// The stem of a lowercase word given as UTF-8 bytes.
    public func stem(_ word: [UInt8]) -> [UInt8] {
        word.count > 3 && word.last == 0x73 ? Array(word.dropLast()) : word
    }

    /// The stem of a lowercase word.
    public func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }
}
