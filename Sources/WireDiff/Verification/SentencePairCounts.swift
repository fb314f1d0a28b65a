/// What verification counts for one sentence pair of two articles: the shingles each sentence
/// has and shares, and the names and numbers among them.
///
/// These counts are all the same-story decision sees of a sentence pair (``SameStoryModel``):
/// they come from the 16-bit posting hashes of ``StoryFeatures``, so the decision is the same
/// whether two articles are compared in a corpus (`dedup`, `find`) or on their own (`diff`,
/// `explain`).
public struct SentencePairCounts: Sendable, Hashable {
    /// The sentence's number among the kept sentences of the first and second article.
    public var first: Int
    public var second: Int
    /// Distinct shingles of each sentence.
    public var firstSize: Int
    public var secondSize: Int
    /// Shingles both sentences have.
    public var shared: Int
    /// Shared shingles that are not names in either article.
    public var sharedNonNames: Int
    /// Numbers ("1,600", "3.5%") in each sentence, and those both have.
    public var firstNumbers: Int
    public var secondNumbers: Int
    public var sharedNumbers: Int

    public init(
        first: Int, second: Int, firstSize: Int, secondSize: Int, shared: Int, sharedNonNames: Int,
        firstNumbers: Int = 0, secondNumbers: Int = 0, sharedNumbers: Int = 0
    ) {
        self.first = first
        self.second = second
        self.firstSize = firstSize
        self.secondSize = secondSize
        self.shared = shared
        self.sharedNonNames = sharedNonNames
        self.firstNumbers = firstNumbers
        self.secondNumbers = secondNumbers
        self.sharedNumbers = sharedNumbers
    }

    /// Jaccard of the two sentences' shingle sets.
    @inlinable public var jaccard: Double {
        let union = firstSize + secondSize - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// Share of the smaller sentence's shingles found in the other (a merged or split sentence
    /// contains its counterpart).
    @inlinable public var overlap: Double {
        let small = min(firstSize, secondSize)
        return small == 0 ? 0 : Double(shared) / Double(small)
    }

    /// The same counts seen from the other article.
    public var swapped: SentencePairCounts {
        SentencePairCounts(
            first: second, second: first, firstSize: secondSize, secondSize: firstSize, shared: shared,
            sharedNonNames: sharedNonNames, firstNumbers: secondNumbers, secondNumbers: firstNumbers,
            sharedNumbers: sharedNumbers)
    }
}
