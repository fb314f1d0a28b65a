/// A link between sentences of two documents that report the same fact.
///
/// `a` and `b` are indices into the first (reference) and second document's `sentences`,
/// ascending. One-to-one links are `identical` or `paraphrase`; a reference sentence told in
/// several sentences of the other is a `split`, several reference sentences told in one a
/// `merge`, several on both sides a `regroup`.
public struct Alignment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The same words in the same order (case and punctuation aside).
        case identical
        /// One sentence each side, worded differently.
        case paraphrase
        /// Several reference sentences told in one sentence of the other version.
        case merge
        /// One reference sentence told in several sentences of the other version.
        case split
        /// Several sentences on each side (a passage regrouped).
        case regroup
    }

    /// Sentence indices into the reference document.
    public var a: [Int]
    /// Sentence indices into the other document.
    public var b: [Int]
    /// Similarity of the two sides, in [0, 1].
    public var score: Double
    public var kind: Kind
    /// What the two sides share.
    public var breakdown: SimilarityBreakdown
    /// Details that differ inside the aligned sentences (filled by ``Differ``).
    public var changes: [ChangedDetail]
    /// A word-level diff of the two sides (filled by ``Differ``).
    public var wordDiff: [WordDiffOp]
    /// Words told differently on the two sides that are the same fact (filled by ``Differ``):
    /// what the word diff shows as deleted and inserted but is rewording.
    public var rewordings: [Rewording] = []

    public init(
        a: [Int], b: [Int], score: Double, kind: Kind, breakdown: SimilarityBreakdown,
        changes: [ChangedDetail] = [], wordDiff: [WordDiffOp] = []
    ) {
        self.a = a
        self.b = b
        self.score = score
        self.kind = kind
        self.breakdown = breakdown
        self.changes = changes
        self.wordDiff = wordDiff
    }
}
