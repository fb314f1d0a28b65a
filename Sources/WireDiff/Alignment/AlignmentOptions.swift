/// Thresholds and weights of the sentence aligner and the verdict. The defaults were measured on
/// the seed articles and `Samples/` (see Documentation/Alignment.md).
public struct AlignmentOptions: Sendable, Hashable, Codable {
    /// Weight of the stem cosine in the score; the rest goes to the character n-gram cosine.
    public var wordWeight: Double
    /// Minimum score of a one-to-one link.
    public var linkThreshold: Double
    /// Minimum pairwise score for a sentence to join an existing link as part of a merge/split.
    public var extendThreshold: Double
    /// How much a merge/split must raise the coverage (score) of the sentence it explains.
    public var extendMargin: Double
    /// Largest number of sentences on one side of a merge/split.
    public var maximumGroupSize: Int
    /// Verdict: "same story" when, on the side where it is largest, the score-weighted coverage
    /// (sum over aligned reporting sentences of their link's score, over the number of
    /// reporting sentences) reaches this, with at least ``sameStoryMinimumLinks`` links.
    public var sameStoryCoverage: Double
    /// Verdict: the fewest links a "same story" needs.
    public var sameStoryMinimumLinks: Int
    /// Verdict: "partial reuse" needs at least one link this strong (a shared passage).
    public var partialReuseScore: Double

    public init(
        wordWeight: Double = 0.7, linkThreshold: Double = 0.22, extendThreshold: Double = 0.2,
        extendMargin: Double = 0.05, maximumGroupSize: Int = 3, sameStoryCoverage: Double = 0.2,
        sameStoryMinimumLinks: Int = 3, partialReuseScore: Double = 0.4
    ) {
        self.wordWeight = wordWeight
        self.linkThreshold = linkThreshold
        self.extendThreshold = extendThreshold
        self.extendMargin = extendMargin
        self.maximumGroupSize = maximumGroupSize
        self.sameStoryCoverage = sameStoryCoverage
        self.sameStoryMinimumLinks = sameStoryMinimumLinks
        self.partialReuseScore = partialReuseScore
    }
}
