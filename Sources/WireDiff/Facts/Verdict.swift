/// Whether two versions tell the same story, with the figures behind the call.
///
/// - `sameStory`: both sides have at least ``AlignmentOptions/sameStoryCoverage`` of their
///   reporting sentences aligned, or the shorter version at least
///   ``AlignmentOptions/sameStoryMajorCoverage`` (a condensed rewrite) with three links or more.
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
    /// Reporting sentences (not boilerplate, not labels) of each side.
    public var referenceSentences: Int
    public var otherSentences: Int
    /// Number of alignments.
    public var links: Int
    /// The best alignment score.
    public var bestScore: Double
    /// Longest run of consecutive reference reporting sentences that are all aligned.
    public var longestSharedPassage: Int

    public init(
        kind: Kind, referenceCoverage: Double, otherCoverage: Double, referenceSentences: Int,
        otherSentences: Int, links: Int, bestScore: Double, longestSharedPassage: Int
    ) {
        self.kind = kind
        self.referenceCoverage = referenceCoverage
        self.otherCoverage = otherCoverage
        self.referenceSentences = referenceSentences
        self.otherSentences = otherSentences
        self.links = links
        self.bestScore = bestScore
        self.longestSharedPassage = longestSharedPassage
    }
}
