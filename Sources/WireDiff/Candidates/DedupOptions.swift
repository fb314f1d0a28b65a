/// Settings of rewrite detection: shingles, signatures, the LSH banding and the verification
/// rule. The defaults were chosen by measurement on the seed articles and the generated
/// benchmark corpus (see `Documentation/Dedup.md`).
public struct DedupOptions: Sendable, Hashable {
    /// What a shingle is. Content-word unigrams (stems without stopwords) survive paraphrase.
    public var shingleKind: ShingleKind = .contentWords(1)
    /// Permutations of each sentence's MinHash signature.
    public var permutations: Int = 16
    /// Seed of every hash function (SplitMix64).
    public var seed: UInt64 = 1
    /// LSH banding of sentence signatures; `nil` derives it from ``sentenceThreshold``.
    public var lshParameters: LSHParameters?
    /// Sentence-level Jaccard at which two sentences count as the same passage.
    public var sentenceThreshold: Double = 0.3
    /// Share of the smaller sentence's shingles that also makes two sentences match (a merged
    /// or split sentence contains its counterpart).
    public var sentenceOverlap: Double = 0.6
    /// Shingles two sentences must share to match at all.
    public var minimumSharedShingles: Int = 3
    /// Shared shingles that are not names two sentences need to match: different stories about
    /// the same people share names, rewrites also share what happened.
    public var minimumSharedNonNames: Int = 2
    /// Sentences with fewer shingles carry no evidence.
    public var minimumSentenceShingles: Int = 3
    /// Share of the shorter article's sentences that must match for a rewrite.
    public var minimumCoverage: Double = 0.3
    /// Matched sentences needed for a rewrite (fewer only when the shorter article is shorter).
    public var minimumMatchedSentences: Int = 3
    /// Share of the articles a shingle must appear in to be too common for the sketches
    /// (``CommonShingles``).
    public var commonShare: Double = 0.05
    /// Band keys two articles must share to become a candidate pair.
    public var minimumSharedKeys: Int = 5
    /// A band bucket holding more articles than this is linked as a star, not a clique.
    public var maximumBucket: Int = 32
    /// Worker threads; 0 means one per active processor.
    public var threads: Int = 0

    public init() {}

    /// The banding in use.
    public var effectiveLSH: LSHParameters {
        lshParameters ?? LSHParameters.optimal(threshold: sentenceThreshold, permutations: permutations)
    }
}
