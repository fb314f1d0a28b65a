/// Why two sentences (or groups of sentences) were linked: what they share and how each part
/// scored.
///
/// `score = wordWeight × wordScore + (1 − wordWeight) × characterScore`, see
/// ``AlignmentOptions/wordWeight``.
public struct SimilarityBreakdown: Sendable, Hashable, Codable {
    /// Content words (as written on the reference side) whose stems both sides contain,
    /// heaviest first.
    public var sharedWords: [String]
    /// Names (capitalized, not sentence-initial words) both sides contain.
    public var sharedNames: [String]
    /// Numbers with the same value on both sides ("1,600" = "1600").
    public var sharedNumbers: [String]
    /// Share of the shorter side's quoted content words that the other side also quotes, in
    /// [0, 1]; 0 when either side quotes nothing.
    public var quoteOverlap: Double
    /// Share of the content words' IDF weight that aligns one to one (the same word, stem,
    /// number value, acronym, WordNet synonym or broader term), both sides together, in [0, 1].
    public var wordScore: Double
    /// Share of the reference side's content weight that aligns, in [0, 1].
    public var referenceCoverage: Double
    /// Share of the other side's content weight that aligns, in [0, 1].
    public var otherCoverage: Double
    /// Figures (of either side) with no counterpart.
    public var unmatchedNumbers: Int
    /// Whether both sides have unmatched figures that cannot be one figure changed ("five"
    /// against "600").
    public var contradictingNumbers: Bool
    /// Names (of either side) with no counterpart.
    public var unmatchedNames: Int
    /// A negation on one side only.
    public var negationMismatch: Bool
    /// Content words of each side with no counterpart.
    public var unmatchedReferenceWords: Int
    public var unmatchedOtherWords: Int
    /// Share of word bigrams (as written, case aside) of the side with fewer that the other
    /// side also has, in [0, 1]: word order kept.
    public var bigramOverlap: Double
    /// Share of distinct words (as written, case aside, function words included) of the side
    /// with more that the other side also has, in [0, 1].
    public var wordOverlap: Double
    /// Weighted cosine of the stems' character 4-grams (inflection and spelling variants), in
    /// [0, 1].
    public var characterScore: Double
    /// The combined score, in [0, 1].
    public var score: Double

    public init(
        sharedWords: [String] = [], sharedNames: [String] = [], sharedNumbers: [String] = [],
        quoteOverlap: Double = 0, wordScore: Double = 0, characterScore: Double = 0, score: Double = 0,
        referenceCoverage: Double = 0, otherCoverage: Double = 0, unmatchedNumbers: Int = 0,
        contradictingNumbers: Bool = false, unmatchedNames: Int = 0, negationMismatch: Bool = false,
        unmatchedReferenceWords: Int = 0, unmatchedOtherWords: Int = 0, bigramOverlap: Double = 0, wordOverlap: Double = 0
    ) {
        self.wordOverlap = wordOverlap
        self.unmatchedReferenceWords = unmatchedReferenceWords
        self.unmatchedOtherWords = unmatchedOtherWords
        self.bigramOverlap = bigramOverlap
        self.referenceCoverage = referenceCoverage
        self.otherCoverage = otherCoverage
        self.unmatchedNumbers = unmatchedNumbers
        self.contradictingNumbers = contradictingNumbers
        self.unmatchedNames = unmatchedNames
        self.negationMismatch = negationMismatch
        self.sharedWords = sharedWords
        self.sharedNames = sharedNames
        self.sharedNumbers = sharedNumbers
        self.quoteOverlap = quoteOverlap
        self.wordScore = wordScore
        self.characterScore = characterScore
        self.score = score
    }
}
