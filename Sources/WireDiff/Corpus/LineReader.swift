#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a line-oriented input (JSONL, TSV) from a ``ByteStream`` a block at a time, so the
/// whole input is never in memory and one endless or huge line never is either.
///
/// Each block of `blockBytes` is read into one reused buffer and cut after its last newline;
/// the whole lines are handed on and the partial last line is carried to the front of the
/// buffer for the next block. A line longer than the buffer grows it, up to `lineLimit` (+ a CR
/// and a LF); a line longer than that is not kept: the rest of it is read and counted, and it
/// is reported with its full length. The first 8 KiB are checked before anything else is read
/// (`CorpusReader.checkTextual`: UTF-16/32 and binary data), and a UTF-8 byte order mark is
/// skipped at the start of the input only.
package enum LineReader {
    /// Bytes read per block.
    package static let blockBytes = 32 << 20

    /// Calls `block` with each block of whole lines, in order: `bytes` (the last line possibly
    /// without its newline at the end of the input), `start` where its first line starts (3
    /// after a BOM at the start of the input, else 0) and `offset`, the input offset of
    /// `bytes[0]`. A line over `lineLimit` bytes (without its CR and LF) goes to `oversized`
    /// instead, with its length and whether it is blank, where it falls between blocks.
    ///
    /// - Complexity: O(n) in the input length; memory O(`blockBytes` + the longest line kept).
    static func forEachBlock(
        of stream: ByteStream, blockBytes: Int = blockBytes, lineLimit: Int,
        _ block: (_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ offset: Int) throws(InputError) -> Void,
        oversized: (_ length: Int, _ blank: Bool) throws(InputError) -> Void
    ) throws(InputError) {
        let path = stream.path
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(blockBytes, CorpusReader.binarySniffBytes), alignment: 16)
        defer { buffer.deallocate() }
        var count = 0        // bytes held: buffer[0..<count]
        var fileOffset = 0   // the input offset of buffer[0]
        var start = 0        // where the first line starts (3 after a BOM at the input start)
        var ended = false
        func held() -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        }
        /// Reads into `buffer[count..<upTo]` until that is full or the input ends.
        func fill(upTo end: Int) throws(InputError) {
            guard !ended, count < end else { return }
            let wanted = end - count
            let got = try stream.fill(UnsafeMutableRawBufferPointer(rebasing: buffer[count..<end]))
            count += got
            if got < wanted { ended = true }
        }
        /// Drops `buffer[..<n]`, moving the rest (a partial line) to the front.
        func consume(_ n: Int) {
            if n < count { memmove(buffer.baseAddress!, buffer.baseAddress! + n, count - n) }
            count -= n
            fileOffset += n
            start = 0
        }

        // The first 8 KiB decide whether this is text at all, before more is read.
        try fill(upTo: CorpusReader.binarySniffBytes)
        try CorpusReader.checkTextual(held(), path: path)
        if count >= 3, held()[0] == 0xEF, held()[1] == 0xBB, held()[2] == 0xBF { start = 3 }

        while true {
            try fill(upTo: buffer.count)
            let bytes = held()
            let cut: Int
            if ended {
                cut = count
            } else if let newline = lastIndex(of: 0x0A, in: bytes, from: start) {
                cut = newline + 1
            } else if count - start <= lineLimit + 1 {
                // A partial line fills the buffer and may still fit the limit: grow the buffer.
                let ceiling = lineLimit > Int.max / 4 ? Int.max / 4 : start + lineLimit + 2
                let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, ceiling), alignment: 16)
                grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                buffer.deallocate()
                buffer = grown
                continue
            } else {
                // Over the limit whatever follows: read past the rest of the line, keeping only
                // its length, whether it is blank, and whether it ends in CR.
                var length = count - start
                var blank = CorpusReader.isBlank(bytes, start..<count)
                var lastIsCR = bytes[count - 1] == 0x0D
                consume(count)
                while true {
                    try fill(upTo: buffer.count)
                    if count == 0 { break }
                    let more = held()
                    let newline = CorpusReader.firstIndex(of: 0x0A, in: more, from: 0)
                    let end = newline ?? count
                    length += end
                    if blank { blank = CorpusReader.isBlank(more, 0..<end) }
                    if end > 0 { lastIsCR = more[end - 1] == 0x0D }
                    consume(newline.map { $0 + 1 } ?? count)
                    if newline != nil { break }
                }
                if lastIsCR { length -= 1 }
                try oversized(length, blank)
                continue
            }
            if cut > start { try block(UnsafeBufferPointer(rebasing: bytes[..<cut]), start, fileOffset) }
            consume(cut)
            if ended && count == 0 { break }
        }
    }

    /// Calls `body` with each line of `stream` and its 1-based number: its bytes without the
    /// LF or CRLF (a BOM at the start of the input removed). A line longer than `lineLimit`
    /// bytes is not read into memory: `report` gets `recordTooLarge` with its number and length
    /// (the default throws it). Blank lines are passed too.
    ///
    /// - Complexity: O(n) in the input length; memory O(`blockBytes` + the longest line).
    package static func forEachLine(
        of stream: ByteStream, lineLimit: Int,
        report: (InputError) throws(InputError) -> Void = { (error: InputError) throws(InputError) in throw error },
        _ body: (_ number: Int, _ line: UnsafeBufferPointer<UInt8>) throws(InputError) -> Void
    ) throws(InputError) {
        var number = 0
        try forEachBlock(of: stream, lineLimit: lineLimit, { (bytes, start, _) throws(InputError) in
            var lineStart = start
            while lineStart < bytes.count {
                number += 1
                let newline = CorpusReader.firstIndex(of: 0x0A, in: bytes, from: lineStart)
                var end = newline ?? bytes.count
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                if end - lineStart > lineLimit {
                    // Over the limit but inside one block: refused all the same.
                    try report(.recordTooLarge(path: stream.path, line: number, bytes: end - lineStart, limit: lineLimit))
                } else {
                    try body(number, UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
                }
                lineStart = newline.map { $0 + 1 } ?? bytes.count
            }
        }, oversized: { (length, _) throws(InputError) in
            number += 1
            try report(.recordTooLarge(path: stream.path, line: number, bytes: length, limit: lineLimit))
        })
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
