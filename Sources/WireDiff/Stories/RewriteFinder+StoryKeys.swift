extension RewriteFinder {
    /// A story's bucket keys, and the rule by which an article sharing some of them is a
    /// candidate: the keys it shares, each weighed by how rare it is in the corpus, add up to at
    /// least ``DedupOptions/minimumSharedKeys``.
    ///
    /// A key held by at most ``fullWeightHolders`` articles of the corpus counts 1; one held by
    /// more, `fullWeightHolders / holders` (an inverse document frequency, in 1/65,536ths so
    /// that sums are exact whatever their order). One sentence gives a key per band (8 at the
    /// default banding), so without the weights one sentence in common is enough: every
    /// article repeating a stock line of the story ("X did not return calls seeking
    /// comment.", a standard disclaimer) was verified, and their number grows with the corpus
    /// (at 1M generated articles, p50 3,166 and p99 80,430 candidates per story for a few true
    /// rewrites each). A sentence that thousands of articles repeat is the corpus's, not the
    /// story's, as ``CommonShingles`` says of words. A story's reprints and rewrites share its
    /// rare sentences; a story reprinted so often that all of its keys are common still shares
    /// many of them (170 keys held by 4,000 articles each add up to 12.75).
    ///
    /// As ``Deduplicator`` limits a bucket's clique to ``DedupOptions/maximumBucket``
    /// articles, this rule limits what a crowded bucket proves; its limit is larger, because
    /// `find` has no second hop: every version of the story must be a candidate itself.
    ///
    /// - Complexity: O(p·r·b) to sketch the story (p postings, b bands of r rows), plus a sort of
    ///   its keys.
    struct StoryKeys: Sendable {
        /// Articles a key may be held by and still count in full.
        static let fullWeightHolders = 300
        /// The weight of a key held by at most ``fullWeightHolders`` articles.
        static let unit = 1 << 16

        /// The distinct bucket keys (band keys cut to the bits ``CandidateFinder`` indexes, any
        /// band), ascending.
        let keys: [UInt64]
        /// The weight a candidate's shared keys add up to at least.
        let required: Int

        init(of story: StoryFeatures, options: DedupOptions, common: CommonShingles, lsh: LSHParameters) {
            keys = RewriteFinder.bucketKeys(of: story, options: options, common: common, lsh: lsh)
            required = options.minimumSharedKeys * Self.unit
        }

        /// The weight of a key held by `holders` articles of the corpus.
        @inline(__always)
        static func weight(holders: Int) -> Int {
            holders <= fullWeightHolders ? unit : fullWeightHolders * unit / holders
        }
    }
}
