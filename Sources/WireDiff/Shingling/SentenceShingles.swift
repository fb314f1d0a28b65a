/// The shingle set of one sentence: passage-level evidence for paraphrased rewrites.
package struct SentenceShingles: Sendable, Hashable {
    /// Index of the sentence in ``Document/sentences``.
    package var sentence: Int
    /// The sentence's shingle hashes, sorted ascending and deduplicated.
    package var shingles: [UInt64]

    package init(sentence: Int, shingles: [UInt64]) {
        self.sentence = sentence
        self.shingles = shingles
    }
}
