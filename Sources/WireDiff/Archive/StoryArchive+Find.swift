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
    ///
    /// Weights are summed in an array indexed by article, not by sorting the memberships: a
    /// story's stock lines bring tens of thousands at 1M articles. (Measured at 1M, 200
    /// stories: sorting them took half the time; keeping the heavy keys' members aside to
    /// search them only for the articles of lighter keys was no faster.)
    ///
    /// - Complexity: one index look-up per story key and run, O(m) for the m memberships of
    ///   the story's keys, O(n) to clear an array of the n archived articles (8 bytes each),
    ///   O(c log c) to sort the c candidates.
    package func candidates(of story: StoryFeatures, excluding: Int? = nil, options: DedupOptions) throws(ArchiveError) -> [Int] {
        let storyKeys = RewriteFinder.StoryKeys(of: story, options: options, common: common, lsh: lsh)
        var weight = [UInt64](repeating: 0, count: count)
        var touched: [Int] = []
        var members: [Int] = []
        for key in storyKeys.keys {
            members.removeAll(keepingCapacity: true)
            try appendMembers(ofBucket: key >> 24, group: nil, to: &members)
            // Runs list ascending, disjoint articles; an article repeats only when two of its
            // bands' keys meet in two band groups. It counts once.
            if zip(members, members.dropFirst()).contains(where: { $0 >= $1 }) {
                members.sort()
                members = members.removingAdjacentDuplicates()
            }
            let w = UInt64(RewriteFinder.StoryKeys.weight(holders: members.count))
            for m in members {
                if weight[m] == 0 { touched.append(m) }
                weight[m] += w
            }
        }
        var candidates = touched.filter { weight[$0] >= UInt64(storyKeys.required) && $0 != excluding }
        candidates.sort()
        return candidates
    }
}
