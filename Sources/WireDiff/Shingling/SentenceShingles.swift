/// The shingle set of one sentence: passage-level evidence for paraphrased rewrites.
public struct SentenceShingles: Sendable, Hashable {
    /// Index of the sentence in ``Document/sentences``.
    public var sentence: Int
    /// The sentence's shingle hashes, sorted ascending and deduplicated.
    public var shingles: [UInt64]

    public init(sentence: Int, shingles: [UInt64]) {
        self.sentence = sentence
        self.shingles = shingles
    }
}
