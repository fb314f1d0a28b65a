/// Thresholds and weights of the sentence aligner and the verdict. The defaults were measured on
/// the seed articles and `Samples/` (see Documentation/Alignment.md).
public struct AlignmentOptions: Sendable, Hashable, Codable {
    /// Weight of the stem cosine in the score; the rest goes to the character n-gram cosine.
    public var wordWeight: Double
    /// How far shared quoted words push the score toward 1: `score + quoteWeight × overlap ×
    /// (1 − score)`, when the two sides quote at least ``minimumSharedQuotedWords`` of the same
    /// content words (a shared quotation is strong evidence of the same fact).
    public var quoteWeight: Double
    /// Fewest shared quoted content words for the quote term to count.
    public var minimumSharedQuotedWords: Int
    /// Minimum score of a one-to-one link.
    public var linkThreshold: Double
    /// Minimum pairwise score for a sentence to join an existing link as part of a merge/split.
    public var extendThreshold: Double
    /// How much a merge/split must raise the coverage (score) of the sentence it explains.
    public var extendMargin: Double
    /// Least share of a joining sentence's word weight that the member it explains must align
    /// (a merge or split piece is mostly a part of that member).
    public var extendContainment: Double
    /// …or it raises the member's aligned share by at least this much (a large piece of the
    /// member that the joining sentence holds among other things).
    public var extendGain: Double
    /// Largest number of sentences on one side of a merge/split.
    public var maximumGroupSize: Int
    /// Verdict: "partial reuse" needs at least one link this strong (a shared passage).
    public var partialReuseScore: Double

    public init(
        wordWeight: Double = 0.7, quoteWeight: Double = 0.3, minimumSharedQuotedWords: Int = 2, linkThreshold: Double = 0.22, extendThreshold: Double = 0.2,
        extendMargin: Double = 0.05, extendContainment: Double = 0.6, extendGain: Double = 0.2, maximumGroupSize: Int = 3,
        partialReuseScore: Double = 0.4
    ) {
        self.wordWeight = wordWeight
        self.quoteWeight = quoteWeight
        self.minimumSharedQuotedWords = minimumSharedQuotedWords
        self.linkThreshold = linkThreshold
        self.extendThreshold = extendThreshold
        self.extendMargin = extendMargin
        self.extendContainment = extendContainment
        self.extendGain = extendGain
        self.maximumGroupSize = maximumGroupSize
        self.partialReuseScore = partialReuseScore
    }

    /// The score from its parts: word and character cosines, and the number of quoted content
    /// words the sides share out of how many each quotes.
    @inline(__always)
    func score(word: Double, character: Double, sharedQuoted: Int, quotedA: Int, quotedB: Int) -> Double {
        let base = wordWeight * word + (1 - wordWeight) * character
        guard sharedQuoted >= minimumSharedQuotedWords, quotedA > 0, quotedB > 0 else { return base }
        let overlap = Double(sharedQuoted) / Double(min(quotedA, quotedB))
        return min(1, base + quoteWeight * min(1, overlap) * (1 - base))
    }
}
