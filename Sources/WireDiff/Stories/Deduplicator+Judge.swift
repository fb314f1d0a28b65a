extension Deduplicator {
    /// The same-story decision for two articles, with its evidence: what `wirediff explain`
    /// prints, and what `run` decides when it verifies the pair. The judgement does not depend
    /// on the order of the two (``SameStoryJudgement/swapped`` turns its evidence around).
    ///
    /// - Complexity: O(n + m + s·t) for articles of n and m bytes with s and t sentences.
    public func judge(_ first: CorpusRecord, _ second: CorpusRecord) -> SameStoryJudgement {
        judge(
            Document(id: first.id, bytes: first.bytes, options: textOptions),
            Document(id: second.id, bytes: second.bytes, options: textOptions)
        ).judgement
    }

    /// The decision for two documents read with ``textOptions``, and for each document the
    /// index in its ``Document/sentences`` of every kept sentence number (the numbers the
    /// judgement's aligned pairs use), so that a caller can show the sentences.
    package func judge(_ first: Document, _ second: Document) -> (judgement: SameStoryJudgement, firstKept: [Int], secondKept: [Int]) {
        let a = StoryFeatures.read(first, options: options), b = StoryFeatures.read(second, options: options)
        return (PairVerifier(options: options).judgement(a.features, b.features), a.kept, b.kept)
    }
}
