extension CorpusReader {
    /// Reads a JSONL file in blocks, so reading never holds more than one block (plus the
    /// records) in memory: the whole file is never in memory at once.
    ///
    /// The file is read by ``LineReader`` (blocks of whole lines; a line over
    /// `maxRecordBytes` is not kept but counted, and is `recordTooLarge` with its line number
    /// and full length); each block goes to `appendJSONLLines` (parallel chunks, line-ordered
    /// outcomes).
    ///
    /// Records, errors, reports and line numbers are exactly those of
    /// `jsonlRecords(_:path:report:)` on the whole file: the binary / UTF-16 check looks at
    /// the first 8 KiB, a BOM is skipped at the file start only, CRLF may be split across
    /// blocks, `invalidUTF8` offsets are offsets in the file, and a file without a non-blank
    /// line is `emptyFile`.
    ///
    /// - Complexity: O(n) in the file length; memory O(`blockBytes` + longest line + records).
    func jsonlFileRecords(
        path: String, blockBytes: Int = LineReader.blockBytes,
        report: (InputError) throws(InputError) -> Void = { (error: InputError) throws(InputError) in throw error }
    ) throws(InputError) -> [CorpusRecord] {
        var records: [CorpusRecord] = []
        try jsonlRecords(of: ByteStream.open(path), blockBytes: blockBytes, report: report) { (block) throws(InputError) in records += block }
        return records
    }

    /// Streams JSONL from `stream` (a file, or standard input) as
    /// ``jsonlFileRecords(path:blockBytes:report:)`` reads a file, handing over the records of
    /// each block (in line order, one array per parsed chunk) as soon as the block is parsed,
    /// so that a consumer can keep less than the whole input's text.
    func jsonlRecords(
        of stream: ByteStream, blockBytes: Int = LineReader.blockBytes,
        report: (InputError) throws(InputError) -> Void,
        records deliver: ([CorpusRecord]) throws(InputError) -> Void
    ) throws(InputError) {
        let path = stream.path, limit = options.maxRecordBytes
        var progress = JSONLProgress()
        try LineReader.forEachBlock(of: stream, blockBytes: blockBytes, lineLimit: limit, { (bytes, start, offset) throws(InputError) in
            try appendJSONLLines(bytes, from: start, fileOffset: offset, path: path, progress: &progress, report: report)
            let blocks = progress.records
            progress.records = []
            for block in blocks { try deliver(block) }
        }, oversized: { (length, blank) throws(InputError) in
            let line = progress.nextLine
            progress.nextLine += 1
            if !blank {
                progress.sawRecord = true
                try report(.recordTooLarge(path: path, line: line, bytes: length, limit: limit))
            }
        })
        if !progress.sawRecord { throw .emptyFile(path: path) }
    }
}
