/// Finds the articles of a corpus that are rewrites of one story, ranked.
///
/// The story's sentence band keys select candidates (any shared key, as in dedup), and every
/// candidate is verified exactly with ``PairVerifier``. Results are ranked by how much of the
/// story each contains (share of the story's sentences matched), then by how much of each
/// comes from the story, then by input order.
///
/// - Complexity: O(total corpus tokens) for sketching, plus one verification per candidate.
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
        let options = self.options, textOptions = self.textOptions
        let common = CommonShingles.estimate(corpus + [story], options: options, textOptions: textOptions, minimumShare: options.commonShare)
        var sketcher = PassageSketcher(options: options, common: common)
        let storyDocument = Document(id: story.id, bytes: story.bytes, options: textOptions)
        var storyKeys: [UInt64] = []
        sketcher.appendBandKeys(of: storyDocument, into: &storyKeys)
        let keySet = Set(storyKeys)
        let storyFeatures = sketcher.features(of: storyDocument)
        let verifier = PairVerifier(options: options)
        let chunks = Parallel.mapChunks(count: corpus.count, threads: options.threads) { range -> [Match] in
            var sketcher = PassageSketcher(options: options, common: common)
            var keys: [UInt64] = []
            var found: [Match] = []
            for i in range where !excluding.contains(i) {
                let document = Document(id: corpus[i].id, bytes: corpus[i].bytes, options: textOptions)
                keys.removeAll(keepingCapacity: true)
                sketcher.appendBandKeys(of: document, into: &keys)
                guard keys.contains(where: keySet.contains) else { continue }
                let evidence = verifier.evidence(storyFeatures, sketcher.features(of: document))
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
