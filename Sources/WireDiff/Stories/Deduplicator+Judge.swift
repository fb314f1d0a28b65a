extension Deduplicator {
    /// The same-story decision for two articles, with its evidence: what `wirediff explain`
    /// prints, and what `run` decides when it verifies the pair. The judgement does not depend
    /// on the order of the two (``SameStoryJudgement/swapped`` turns its evidence around).
    ///
    /// - Complexity: O(n + m + s·t) for articles of n and m bytes with s and t sentences.
    public func judge(_ first: CorpusRecord, _ second: CorpusRecord) -> SameStoryJudgement {
        let a = StoryFeatures.read(Document(id: first.id, bytes: first.bytes, options: textOptions), options: options)
        let b = StoryFeatures.read(Document(id: second.id, bytes: second.bytes, options: textOptions), options: options)
        return PairVerifier(options: options).judgement(a.features, b.features)
    }
}
