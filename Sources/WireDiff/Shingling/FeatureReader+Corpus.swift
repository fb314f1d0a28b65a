extension FeatureReader {
    /// Reads the corpus at `paths` with `reader` into features in one pass: each batch of
    /// about `batchBytes` of text (``CorpusReader/read(paths:batchBytes:onSkip:batch:)``) is
    /// read into features as it arrives and its text released, so the corpus's text is never
    /// in memory at once.
    ///
    /// Returns the records in input order with their ids, dates and sources but no text
    /// (`bytes` empty), their features, and the bytes of text read. Past
    /// ``CandidateFinder/maximumArticles`` records no more features are read (the caller fails
    /// on the count). `onPhase` hears `read` when a batch has been read and `shingle` when its
    /// features have.
    ///
    /// - Throws: the reader's ``InputError``.
    func read(
        paths: [String], with reader: CorpusReader, batchBytes: Int = CorpusReader.batchBytes, onSkip: (InputError) -> Void,
        onPhase: (String) -> Void = { _ in }
    ) throws(InputError) -> (records: [CorpusRecord], store: FeatureStore, bytes: Int) {
        var records: [CorpusRecord] = []
        var parts: [FeatureStore.Part] = []
        var bytes = 0
        try reader.read(paths: paths, batchBytes: batchBytes, onSkip: onSkip) { batch in
            onPhase("read")
            bytes += batch.reduce(0) { $0 + $1.bytes.count }
            if records.count + batch.count < CandidateFinder.maximumArticles { parts += self.parts(of: batch) }
            for record in batch { records.append(CorpusRecord(id: record.id, bytes: [], date: record.date, source: record.source)) }
            onPhase("shingle")
        }
        return (records, FeatureStore(parts: parts), bytes)
    }
}
