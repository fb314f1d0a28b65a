/// Finds the articles of a corpus that are rewrites of one story, ranked.
///
/// The same mechanism as ``Deduplicator``, seen from one article: every article is read once
/// into ``StoryFeatures``; the articles that share at least one sentence band key with the
/// story are verified exactly with ``PairVerifier``. Results are ranked by how much of the
/// story each contains (share of the story's sentences matched), then by how much of each
/// comes from the story, then by input order.
///
/// - Complexity: O(total corpus bytes) for reading and sketching, plus one verification per
///   candidate.
public struct RewriteFinder: Sendable {
    public var options: DedupOptions
    public var textOptions: TextOptions

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
    public func find(story: CorpusRecord, in corpus: [CorpusRecord], excluding: Set<Int> = []) -> [Match] {
        let options = self.options
        let store = FeatureStore(
            corpus + [story], kind: options.shingleKind, minimumShingles: options.minimumSentenceShingles,
            textOptions: textOptions, threads: options.threads)
        let storyFeatures = store[corpus.count]
        let common = CommonShingles.estimate(count: store.count, features: { store[$0] }, minimumShare: options.commonShare)
        let lsh = options.effectiveLSH
        let storyKeys = {
            var sketcher = PassageSketcher(options: options, common: common, lsh: lsh)
            var keys: [UInt64] = []
            sketcher.appendBandKeys(of: storyFeatures, into: &keys)
            return Set(keys)
        }()
        let verifier = PairVerifier(options: options)
        let chunks = Parallel.mapChunks(count: corpus.count, threads: options.threads) { range -> [Match] in
            var sketcher = PassageSketcher(options: options, common: common, lsh: lsh)
            var keys: [UInt64] = []
            var scratch = PairVerifier.Scratch()
            var found: [Match] = []
            for i in range where !excluding.contains(i) {
                keys.removeAll(keepingCapacity: true)
                sketcher.appendBandKeys(of: store[i], into: &keys)
                guard keys.contains(where: storyKeys.contains) else { continue }
                let evidence = verifier.evidence(storyFeatures, store[i], scratch: &scratch)
                if evidence.isRewrite { found.append(Match(index: i, evidence: evidence)) }
            }
            return found
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
