/// Finds the articles of a corpus that are rewrites of one story, ranked.
///
/// The same mechanism as ``Deduplicator``, seen from one article: every article is read once
/// into ``StoryFeatures``; the articles that share enough of the story's rare sentence band keys
/// (``StoryKeys``) are verified exactly with ``PairVerifier``. Results are ranked by how much of the
/// story each contains (share of the story's sentences matched), then by how much of each
/// comes from the story, then by input order.
///
/// - Complexity: O(total corpus bytes) for reading and sketching, plus one verification per
///   candidate.
public struct RewriteFinder: Sendable {
    public var options: DedupOptions
    public var textOptions: TextOptions
    /// The common shingles to use instead of those sampled from the corpus (an archive's:
    /// see ``Deduplicator/fixedCommon``).
    var fixedCommon: CommonShingles?

    public init(options: DedupOptions = DedupOptions(), textOptions: TextOptions = TextOptions()) {
        self.options = options
        self.textOptions = textOptions
    }

    /// One rewrite found: the corpus index and the evidence with the story first.
    public struct Match: Sendable, Hashable {
        /// Index of the article in the corpus.
        public var index: Int
        /// Evidence with the story first and the article second.
        public var evidence: PairEvidence
    }

    /// The rewrites of `story` in `corpus`, best first. `excluding` skips corpus indices (the
    /// story itself when it is part of the corpus).
    ///
    /// An article is verified when the distinct bucket keys (band keys cut to the 40 bits
    /// ``CandidateFinder`` indexes, any band) it shares with the story, each weighed by how
    /// many articles of the corpus hold it, add up to ``DedupOptions/minimumSharedKeys``
    /// (``StoryKeys``). The common shingles are sampled over the corpus alone, not the story.
    /// So an archive of the corpus, which keeps those keys, finds the same candidates
    /// (`Documentation/Archive.md`).
    public func find(story: CorpusRecord, in corpus: [CorpusRecord], excluding: Set<Int> = []) -> [Match] {
        let options = self.options
        let store = FeatureStore(
            corpus + [story], kind: options.shingleKind, minimumShingles: options.minimumSentenceShingles,
            textOptions: textOptions, threads: options.threads)
        let storyFeatures = store[corpus.count]
        let common = fixedCommon ?? CommonShingles.estimate(count: corpus.count, features: { store[$0] }, minimumShare: options.commonShare)
        let lsh = options.effectiveLSH
        let storyKeys = StoryKeys(of: storyFeatures, options: options, common: common, lsh: lsh)
        let position = Dictionary(uniqueKeysWithValues: storyKeys.keys.enumerated().map { ($1, $0) })
        // Per article holding any: the story's keys it holds (their positions).
        let held = Parallel.mapChunks(count: corpus.count, threads: options.threads) { range -> [(article: Int, keys: [Int])] in
            range.compactMap { i in
                let keys = Self.bucketKeys(of: store[i], options: options, common: common, lsh: lsh).compactMap { position[$0] }
                return keys.isEmpty ? nil : (i, keys)
            }
        }.flatMap { $0 }
        var holders = [Int](repeating: 0, count: storyKeys.keys.count)
        for (_, keys) in held { for k in keys { holders[k] += 1 } }
        let weights = holders.map(StoryKeys.weight(holders:))
        let candidates = held.filter { article, keys in
            !excluding.contains(article) && keys.reduce(0) { $0 + weights[$1] } >= storyKeys.required
        }
        return matches(of: storyFeatures, among: candidates.map { ($0.article, store[$0.article]) })
    }

    /// The distinct bucket keys (band keys cut to the bits ``CandidateFinder`` indexes) of an
    /// article's sentences, all bands, ascending.
    static func bucketKeys(of features: StoryFeatures, options: DedupOptions, common: CommonShingles, lsh: LSHParameters) -> [UInt64] {
        var sketcher = PassageSketcher(options: options, common: common, lsh: lsh)
        var keys: [UInt64] = []
        sketcher.appendBandKeys(of: features, into: &keys)
        keys = keys.map { CandidateFinder.entry(key: $0, article: 0) }.sorted()
        return keys.removingAdjacentDuplicates()
    }

    /// The candidates that verify as rewrites of `story`, ranked: by how much of the story each
    /// contains (share of the story's sentences matched), then by how much of each comes from
    /// the story, then by index.
    func matches(of story: StoryFeatures, among candidates: [(index: Int, features: StoryFeatures)]) -> [Match] {
        let verifier = PairVerifier(options: options)
        let chunks = Parallel.mapChunks(count: candidates.count, threads: options.threads) { range -> [Match] in
            var scratch = PairVerifier.Scratch()
            return range.compactMap { k in
                // The story's table is built once per chunk (one key for it).
                let evidence = verifier.evidence(story, candidates[k].features, firstKey: -1, scratch: &scratch)
                return evidence.isRewrite ? Match(index: candidates[k].index, evidence: evidence) : nil
            }
        }
        return chunks.flatMap { $0 }.sorted { a, b in
            if a.evidence.coverageOfFirst != b.evidence.coverageOfFirst {
                return a.evidence.coverageOfFirst > b.evidence.coverageOfFirst
            }
            if a.evidence.coverageOfSecond != b.evidence.coverageOfSecond {
                return a.evidence.coverageOfSecond > b.evidence.coverageOfSecond
            }
            return a.index < b.index
        }
    }
}
