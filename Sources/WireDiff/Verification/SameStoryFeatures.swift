/// The article-level evidence that two articles tell the same story, as an editor would weigh
/// it: how many of their sentences report the same facts, how strongly, how much of each
/// article those sentences explain, whether they reach the lede, and whether they are only one
/// block of shared background.
///
/// Built by ``SameStoryModel/features(of:firstSentences:secondSentences:)`` from the sentence
/// pairs of a one-to-one alignment; every figure is symmetric (the same with the articles
/// swapped), so the decision never depends on argument order.
public struct SameStoryFeatures: Sendable, Hashable {
    /// Sentence pairs aligned one to one (each sentence in at most one pair).
    public var aligned: Int
    /// Aligned pairs whose shingle Jaccard is at least 0.6 (near-verbatim).
    public var strong: Int
    /// Mean shingle Jaccard of the aligned pairs.
    public var meanJaccard: Double
    /// Mean paraphrase probability of the aligned pairs (``SameStoryModel/paraphrase(_:)``).
    public var meanParaphrase: Double
    /// Sum over aligned pairs of how far their paraphrase probability exceeds one half.
    public var paraphraseExcess: Double
    /// Aligned pairs over the sentences of the shorter and of the longer article.
    public var coverageOfShorter: Double
    public var coverageOfLonger: Double
    /// Whether an aligned pair holds one of the first two kept sentences (headline or lede) of
    /// either article.
    public var ledeMatched: Bool
    /// Runs of consecutive aligned sentences, on the article where there are more (a rewrite
    /// spreads over the story; a borrowed background passage is one run).
    public var runs: Int
    /// The aligned sentences are one run in each article and include neither lede: a shared
    /// passage (quoted background), not a rewrite. Its pairs then count as no evidence.
    public var isPassage: Bool
    /// Aligned pairs whose sentences both carry numbers but share none (same event, other
    /// figures).
    public var numberConflicts: Int
    /// Aligned pairs whose sentences share a number (the story's own figures).
    public var numberAgreements: Int
    /// Kept sentences of the shorter and the longer article.
    public var shorterSentences: Int
    public var longerSentences: Int

    public init(
        aligned: Int = 0, strong: Int = 0, meanJaccard: Double = 0, meanParaphrase: Double = 0,
        paraphraseExcess: Double = 0, coverageOfShorter: Double = 0, coverageOfLonger: Double = 0,
        ledeMatched: Bool = false, runs: Int = 0, isPassage: Bool = false, numberConflicts: Int = 0,
        numberAgreements: Int = 0, shorterSentences: Int = 0, longerSentences: Int = 0
    ) {
        self.aligned = aligned
        self.strong = strong
        self.meanJaccard = meanJaccard
        self.meanParaphrase = meanParaphrase
        self.paraphraseExcess = paraphraseExcess
        self.coverageOfShorter = coverageOfShorter
        self.coverageOfLonger = coverageOfLonger
        self.ledeMatched = ledeMatched
        self.runs = runs
        self.isPassage = isPassage
        self.numberConflicts = numberConflicts
        self.numberAgreements = numberAgreements
        self.shorterSentences = shorterSentences
        self.longerSentences = longerSentences
    }
}
