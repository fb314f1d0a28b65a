extension StoryArchive {
    /// The features of a story read from text, with the archive's settings.
    package func features(of story: CorpusRecord) -> StoryFeatures {
        let options = settings.options
        let store = FeatureStore(
            [story], kind: options.shingleKind, minimumShingles: options.minimumSentenceShingles, textOptions: settings.textOptions,
            threads: 1)
        return store[0]
    }

    /// The rewrites of `story` (read with the archive's settings) among the archive's
    /// articles, best first: ``find(story:excluding:options:)-(StoryFeatures,_,_)`` of its
    /// features.
    public func find(story: CorpusRecord, excluding: Int? = nil, options: DedupOptions? = nil) throws(ArchiveError) -> [RewriteFinder.Match] {
        try find(story: features(of: story), excluding: excluding, options: options)
    }

    /// The rewrites of a story among the archive's articles, best first: what
    /// ``RewriteFinder/find(story:in:excluding:)`` returns over the same articles (with the
    /// archive's common shingles). The candidates are the articles holding enough of the
    /// story's bucket keys, counted in the index; `excluding` skips one article (the story
    /// itself, when it is archived). `options` are the archive's (the default) but for the
    /// thread count and the shared keys a candidate needs, which only this query uses.
    /// ``RewriteFinder/Match/index`` is the article's number in the archive.
    ///
    /// - Complexity: one index look-up per story key and run, plus one verification per
    ///   candidate.
    package func find(story: StoryFeatures, excluding: Int? = nil, options given: DedupOptions? = nil) throws(ArchiveError) -> [RewriteFinder.Match] {
        let options = given ?? settings.options
        let distinct = try candidates(of: story, excluding: excluding, options: options)
        let decoded = Parallel.mapChunks(count: distinct.count, threads: options.threads) { range -> Result<[StoryFeatures], ArchiveError> in
            var features: [StoryFeatures] = []
            do throws(ArchiveError) {
                for k in range { features.append(try self.features(distinct[k])) }
            } catch {
                return .failure(error)
            }
            return .success(features)
        }
        var candidateFeatures: [(index: Int, features: StoryFeatures)] = []
        candidateFeatures.reserveCapacity(distinct.count)
        for chunk in decoded {
            for f in try chunk.get() { candidateFeatures.append((distinct[candidateFeatures.count], f)) }
        }
        return RewriteFinder(options: options, textOptions: settings.textOptions).matches(of: story, among: candidateFeatures)
    }

    /// The articles whose shared bucket keys with `story`, in any band group, each weighed by
    /// how many archived articles hold it, add up to ``DedupOptions/minimumSharedKeys`` (of
    /// `options`; ``RewriteFinder/StoryKeys``), `excluding` left out, ascending: those
    /// ``find(story:excluding:options:)`` verifies.
    package func candidates(of story: StoryFeatures, excluding: Int? = nil, options: DedupOptions) throws(ArchiveError) -> [Int] {
        let storyKeys = RewriteFinder.StoryKeys(of: story, options: options, common: common, lsh: lsh)
        // One occurrence `article << 32 | weight` per key an article holds.
        var occurrences: [UInt64] = []
        var members: [Int] = []
        for key in storyKeys.keys {
            members.removeAll(keepingCapacity: true)
            try appendMembers(ofBucket: key >> 24, group: nil, to: &members)
            // An article counts once per key, even when two of its bands' keys meet.
            members.sort()
            let distinct = LSHIndex.unique(members)
            let weight = UInt64(RewriteFinder.StoryKeys.weight(holders: distinct.count))
            for m in distinct { occurrences.append(UInt64(m) << 32 | weight) }
        }
        RadixSort.sort(&occurrences)
        var candidates: [Int] = []
        var start = 0
        while start < occurrences.count {
            let article = occurrences[start] >> 32
            var weight = 0, end = start
            while end < occurrences.count && occurrences[end] >> 32 == article {
                weight += Int(occurrences[end] & 0xFFFF_FFFF)
                end += 1
            }
            if weight >= storyKeys.required && Int(article) != excluding { candidates.append(Int(article)) }
            start = end
        }
        return candidates
    }
}
