/// Settings of rewrite detection: shingles, signatures, the LSH banding and the same-story
/// decision. The defaults were chosen by measurement on the seed articles, the real-text
/// development sets and the generated benchmark corpus (see `Documentation/Dedup.md` and
/// `Documentation/SameStory.md`).
public struct DedupOptions: Sendable, Hashable {
    /// What a shingle is. Content-word unigrams (stems without stopwords) survive paraphrase.
    public var shingleKind: ShingleKind = .contentWords(1)
    /// Permutations of each sentence's MinHash signature.
    public var permutations: Int = 16
    /// Seed of every hash function (SplitMix64).
    public var seed: UInt64 = 1
    /// LSH banding of sentence signatures; `nil` derives it from ``sentenceThreshold``.
    public var lshParameters: LSHParameters?
    /// Sentence-level Jaccard the LSH banding is tuned to find (the S-curve's threshold).
    public var sentenceThreshold: Double = 0.3
    /// Shingles two sentences must share to be compared at all.
    public var minimumSharedShingles: Int = 3
    /// Shared shingles that are not names two sentences need to match: different stories about
    /// the same people share names, rewrites also share what happened.
    public var minimumSharedNonNames: Int = 2
    /// Sentences with fewer shingles carry no evidence.
    public var minimumSentenceShingles: Int = 3
    /// The same-story probability (``SameStoryModel/score(_:)``) at which two articles are one
    /// story; heavy paraphrases of a whole story are one story whatever it is
    /// (``SameStoryModel/isBroadParaphrase(_:)``).
    public var minimumScore: Double = SameStoryModel.threshold
    /// Whether the model decides alone, without the broad-paraphrase rule: on the development
    /// sets, fewer reports of the same event from other outlets merged (MRPC-built documents
    /// 19% → 13%), but heavy real rewrites missed (the seed rewrites and
    /// a third of the generated corpus's heavy rewrites). See `Documentation/SameStory.md`.
    public var strict: Bool = false
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
    package var effectiveLSH: LSHParameters {
        lshParameters ?? LSHParameters.optimal(threshold: sentenceThreshold, permutations: permutations)
    }
}
