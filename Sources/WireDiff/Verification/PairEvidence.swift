/// Why two articles are (or are not) versions of one story: exact set scores and the
/// sentence-level coverage that verification measured.
public struct PairEvidence: Sendable, Hashable {
    /// Exact Jaccard |A∩B| / |A∪B| of the two document-level shingle sets.
    public var jaccard: Double
    /// Exact containment of the first in the second: |A∩B| / |A|.
    public var containmentOfFirst: Double
    /// Exact containment of the second in the first: |A∩B| / |B|.
    public var containmentOfSecond: Double
    /// Sentences of the first aligned with a sentence of the second (one to one, so the same
    /// as ``matchedSentencesOfSecond``).
    public var matchedSentencesOfFirst: Int
    /// Sentences of the second aligned with a sentence of the first.
    public var matchedSentencesOfSecond: Int
    /// Sentences of reporting (with enough shingles) in the first.
    public var sentencesOfFirst: Int
    /// Sentences of reporting (with enough shingles) in the second.
    public var sentencesOfSecond: Int
    /// The same-story model's probability (``SameStoryModel/score(_:)``).
    public var score: Double
    /// The same-story decision (``SameStoryJudgement/isSameStory``).
    public var isRewrite: Bool

    public init(
        jaccard: Double, containmentOfFirst: Double, containmentOfSecond: Double,
        matchedSentencesOfFirst: Int, matchedSentencesOfSecond: Int,
        sentencesOfFirst: Int, sentencesOfSecond: Int, score: Double = 0, isRewrite: Bool
    ) {
        self.jaccard = jaccard
        self.containmentOfFirst = containmentOfFirst
        self.containmentOfSecond = containmentOfSecond
        self.matchedSentencesOfFirst = matchedSentencesOfFirst
        self.matchedSentencesOfSecond = matchedSentencesOfSecond
        self.sentencesOfFirst = sentencesOfFirst
        self.sentencesOfSecond = sentencesOfSecond
        self.score = score
        self.isRewrite = isRewrite
    }

    /// Share of the first article's sentences that have a counterpart in the second.
    public var coverageOfFirst: Double {
        sentencesOfFirst == 0 ? 0 : Double(matchedSentencesOfFirst) / Double(sentencesOfFirst)
    }

    /// Share of the second article's sentences that have a counterpart in the first.
    public var coverageOfSecond: Double {
        sentencesOfSecond == 0 ? 0 : Double(matchedSentencesOfSecond) / Double(sentencesOfSecond)
    }

    /// The same evidence seen from the other side.
    public var swapped: PairEvidence {
        PairEvidence(
            jaccard: jaccard, containmentOfFirst: containmentOfSecond, containmentOfSecond: containmentOfFirst,
            matchedSentencesOfFirst: matchedSentencesOfSecond, matchedSentencesOfSecond: matchedSentencesOfFirst,
            sentencesOfFirst: sentencesOfSecond, sentencesOfSecond: sentencesOfFirst, score: score, isRewrite: isRewrite)
    }
}
