extension CorpusReader {
    /// What a JSONL read has produced so far, carried from one block to the next.
    struct JSONLProgress: Sendable {
        /// The records of the lines read so far, in line order, as the chunks parsed them.
        var records: [[CorpusRecord]] = []
        /// Whether any non-blank line was seen (a record or a bad line): a file without one
        /// is `emptyFile`.
        var sawRecord = false
        /// The 1-based number of the next line to read.
        var nextLine = 1
    }
}
