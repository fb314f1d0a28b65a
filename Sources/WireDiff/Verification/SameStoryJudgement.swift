/// The same-story decision on one pair of articles with everything behind it: the sentence
/// pairs aligned, the article-level features, the model's probability and the rule that
/// decided. `wirediff explain` prints it.
public struct SameStoryJudgement: Sendable, Hashable {
    /// What decided.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// No sentence pair aligned.
        case noSharedSentences = "no-shared-sentences"
        /// The aligned sentences are one block of shared background, away from both ledes.
        case sharedPassage = "shared-passage"
        /// One sentence is all they share, and it is less than half of the shorter article: a
        /// headline, a quote or a stock line, not a story (``SameStoryModel/isSingleSentence(_:)``).
        case singleSentence = "single-sentence"
        /// The model's probability is below the threshold (``DedupOptions/minimumScore``).
        case weakEvidence = "weak-evidence"
        /// The model's probability reaches the threshold.
        case model
        /// The model's probability is lower, but the articles are a heavy paraphrase of a whole
        /// story (``SameStoryModel/isBroadParaphrase(_:)``).
        case broadParaphrase = "broad-paraphrase"
    }

    /// The aligned sentence pairs, best first (numbers are kept-sentence numbers).
    public var aligned: [SentencePairCounts]
    public var features: SameStoryFeatures
    /// The model's probability that the articles tell one story.
    public var score: Double
    public var reason: Reason

    public init(aligned: [SentencePairCounts], features: SameStoryFeatures, score: Double, reason: Reason) {
        self.aligned = aligned
        self.features = features
        self.score = score
        self.reason = reason
    }

    /// Whether the articles are versions of one story.
    public var isSameStory: Bool { Self.isSameStory(reason) }

    /// Whether a decision for `reason` is "one story".
    public static func isSameStory(_ reason: Reason) -> Bool {
        reason == .model || reason == .broadParaphrase
    }

    /// The same judgement with the articles swapped.
    public var swapped: SameStoryJudgement {
        SameStoryJudgement(aligned: aligned.map(\.swapped), features: features, score: score, reason: reason)
    }
}
