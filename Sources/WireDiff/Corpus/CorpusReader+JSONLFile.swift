#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension CorpusReader {
    /// Bytes read per block when streaming a JSONL file.
    static let jsonlBlockBytes = 32 << 20

    /// Reads a JSONL file in blocks, so reading never holds more than one block (plus the
    /// records) in memory: the whole file is never in memory at once.
    ///
    /// Each block of `blockBytes` is `read(2)` into one reused buffer and cut after its last
    /// newline; the whole lines go to `appendJSONLLines` (parallel chunks, line-ordered
    /// outcomes) and the partial last line is carried to the front of the buffer for the next
    /// block. A line longer than the buffer grows it, up to `maxRecordBytes` (+ a CR and a LF);
    /// a line longer than that is not kept: the rest of it is read and counted, and it is
    /// `recordTooLarge` with its line number and full length.
    ///
    /// Records, errors, reports and line numbers are exactly those of
    /// `jsonlRecords(_:path:report:)` on the whole file: the binary / UTF-16 check looks at
    /// the first 8 KiB (read with `pread`), a BOM is skipped at the file start only, CRLF may
    /// be split across blocks, `invalidUTF8` offsets are offsets in the file, and a file
    /// without a non-blank line is `emptyFile`.
    ///
    /// - Complexity: O(n) in the file length; memory O(`blockBytes` + longest line + records).
    func jsonlFileRecords(
        path: String, blockBytes: Int = jsonlBlockBytes,
        report: (InputError) throws(InputError) -> Void = { (error: InputError) throws(InputError) in throw error }
    ) throws(InputError) -> [CorpusRecord] {
        var records: [CorpusRecord] = []
        try jsonlFileRecords(path: path, blockBytes: blockBytes, report: report) { (block) throws(InputError) in records += block }
        return records
    }

    /// Streams a JSONL file as ``jsonlFileRecords(path:blockBytes:report:)`` reads it, handing
    /// over the records of each block (in line order, one array per parsed chunk) as soon as
    /// the block is parsed, so that a consumer can keep less than the whole file's text.
    func jsonlFileRecords(
        path: String, blockBytes: Int = jsonlBlockBytes,
        report: (InputError) throws(InputError) -> Void,
        records deliver: ([CorpusRecord]) throws(InputError) -> Void
    ) throws(InputError) {
        let (fd, _) = try FileInput.openFile(path)
        defer { close(fd) }
        try FileInput.prefix(fd, count: Self.binarySniffBytes, path: path).withUnsafeBufferPointer { (sniff) throws(InputError) in
            try Self.checkTextual(sniff, path: path)
        }

        let limit = options.maxRecordBytes
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(blockBytes, 16), alignment: 16)
        defer { buffer.deallocate() }
        var progress = JSONLProgress()
        var count = 0        // bytes held: buffer[0..<count]
        var fileOffset = 0   // the file offset of buffer[0]
        var start = 0        // where the first line starts (3 after a BOM at the file start)
        var atFileStart = true
        var ended = false
        func held() -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        }
        /// Reads into `buffer[count...]` until it is full or the file ends.
        func fill() throws(InputError) {
            guard !ended, count < buffer.count else { return }
            count += try FileInput.fill(fd, UnsafeMutableRawBufferPointer(rebasing: buffer[count...]), path: path)
            if count < buffer.count { ended = true }
        }
        /// Drops `buffer[..<n]`, moving the rest (a partial line) to the front.
        func consume(_ n: Int) {
            if n < count { memmove(buffer.baseAddress!, buffer.baseAddress! + n, count - n) }
            count -= n
            fileOffset += n
            start = 0
        }

        while true {
            try fill()
            let bytes = held()
            if atFileStart {
                atFileStart = false
                if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            }
            let cut: Int
            if ended {
                cut = count
            } else if let newline = Self.lastIndex(of: 0x0A, in: bytes, from: start) {
                cut = newline + 1
            } else if count - start <= limit + 1 {
                // A partial line fills the buffer and may still fit the limit: grow the buffer.
                let ceiling = limit > Int.max / 4 ? Int.max / 4 : start + limit + 2
                let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, ceiling), alignment: 16)
                grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                buffer.deallocate()
                buffer = grown
                continue
            } else {
                // Over the limit whatever follows: read past the rest of the line, keeping only
                // its length, whether it is blank, and whether it ends in CR.
                var length = count - start
                var blank = Self.isBlank(bytes, start..<count)
                var lastIsCR = bytes[count - 1] == 0x0D
                consume(count)
                while true {
                    try fill()
                    if count == 0 { break }
                    let more = held()
                    let newline = Self.firstIndex(of: 0x0A, in: more, from: 0)
                    let end = newline ?? count
                    length += end
                    if blank { blank = Self.isBlank(more, 0..<end) }
                    if end > 0 { lastIsCR = more[end - 1] == 0x0D }
                    consume(newline.map { $0 + 1 } ?? count)
                    if newline != nil { break }
                }
                if lastIsCR { length -= 1 }
                let line = progress.nextLine
                progress.nextLine += 1
                if !blank {
                    progress.sawRecord = true
                    try report(.recordTooLarge(path: path, line: line, bytes: length, limit: limit))
                }
                continue
            }
            if cut > start {
                try appendJSONLLines(UnsafeBufferPointer(rebasing: bytes[..<cut]), from: start, fileOffset: fileOffset,
                                     path: path, progress: &progress, report: report)
                let blocks = progress.records
                progress.records = []
                for block in blocks { try deliver(block) }
            }
            consume(cut)
            if ended && count == 0 { break }
        }
        if !progress.sawRecord { throw .emptyFile(path: path) }
    }

    /// The last index of `byte` in `buffer[from...]`, searching backwards (the byte is
    /// usually near the end: the last newline of a block).
    static func lastIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = buffer.count
        while i > from {
            i -= 1
            if buffer[i] == byte { return i }
        }
        return nil
    }
}
