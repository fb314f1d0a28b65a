/// Whether two versions tell the same story, with the figures behind the call.
///
/// - `sameStory`: the same-story decision of `dedup` and `find` (``SameStoryModel``) says so:
///   `diff`, `dedup`, `find` and `explain` never disagree about a pair.
/// - `partialReuse`: otherwise, at least one link scores ``AlignmentOptions/partialReuseScore``
///   or more (a passage is shared, e.g. a background paragraph).
/// - `differentStory`: otherwise.
public struct Verdict: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case sameStory = "same-story"
        case partialReuse = "partial-reuse"
        case differentStory = "different-story"
    }

    public var kind: Kind
    /// Share of the reference's reporting sentences that are aligned, in [0, 1].
    public var referenceCoverage: Double
    /// Share of the other version's reporting sentences that are aligned, in [0, 1].
    public var otherCoverage: Double
    /// Score-weighted coverage of each side: the sum, over aligned reporting sentences, of their
    /// link's score, divided by the number of reporting sentences; in [0, 1].
    public var referenceWeightedCoverage: Double
    public var otherWeightedCoverage: Double
    /// Reporting sentences (not boilerplate, not labels) of each side.
    public var referenceSentences: Int
    public var otherSentences: Int
    /// Number of alignments.
    public var links: Int
    /// The best alignment score.
    public var bestScore: Double
    /// Longest run of consecutive reference reporting sentences that are all aligned.
    public var longestSharedPassage: Int
    /// The same-story model's probability and the rule that decided
    /// (``SameStoryJudgement/Reason``), as `wirediff explain` shows them.
    public var sameStoryScore: Double
    public var sameStoryReason: String

    public init(
        kind: Kind, referenceCoverage: Double, otherCoverage: Double,
        referenceWeightedCoverage: Double, otherWeightedCoverage: Double, referenceSentences: Int,
        otherSentences: Int, links: Int, bestScore: Double, longestSharedPassage: Int,
        sameStoryScore: Double = 0, sameStoryReason: String = SameStoryJudgement.Reason.noSharedSentences.rawValue
    ) {
        self.kind = kind
        self.referenceCoverage = referenceCoverage
        self.otherCoverage = otherCoverage
        self.referenceWeightedCoverage = referenceWeightedCoverage
        self.otherWeightedCoverage = otherWeightedCoverage
        self.referenceSentences = referenceSentences
        self.otherSentences = otherSentences
        self.links = links
        self.bestScore = bestScore
        self.longestSharedPassage = longestSharedPassage
        self.sameStoryScore = sameStoryScore
        self.sameStoryReason = sameStoryReason
    }
}
