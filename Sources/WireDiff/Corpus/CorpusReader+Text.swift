#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension CorpusReader {
    /// How many leading bytes the binary-file check looks at.
    static let binarySniffBytes = 8 << 10

    /// Rejects UTF-16/UTF-32 (by byte order mark) and binary data (a NUL byte, or more than 10%
    /// control bytes other than tab, LF, VT, FF, CR and ESC, in the first 8 KiB).
    static func checkTextual(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(InputError) {
        let n = bytes.count
        if n >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            throw .unsupportedEncoding(path: path, encoding: "UTF-32LE")
        }
        if n >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            throw .unsupportedEncoding(path: path, encoding: "UTF-32BE")
        }
        if n >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { throw .unsupportedEncoding(path: path, encoding: "UTF-16LE") }
        if n >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { throw .unsupportedEncoding(path: path, encoding: "UTF-16BE") }
        let sniff = min(n, binarySniffBytes)
        var controls = 0
        var firstControl = -1
        for i in 0..<sniff {
            let b = bytes[i]
            if b == 0 { throw .binaryFile(path: path, byteOffset: i) }
            if (b < 0x20 && !(b >= 0x09 && b <= 0x0D) && b != 0x1B) || b == 0x7F {
                controls += 1
                if firstControl < 0 { firstControl = i }
            }
        }
        if controls > 0, controls * 10 > sniff {
            throw .binaryFile(path: path, byteOffset: firstControl)
        }
    }

    /// Throws `invalidUTF8` for the first ill-formed sequence in `bytes[range]`. `lineBase`
    /// and `offsetBase` place the range in its file for the message.
    static func checkUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, path: String, line: Int?, offsetBase: Int = 0
    ) throws(InputError) {
        guard let bad = UTF8Validator.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: bytes[range])) else { return }
        let offset = range.lowerBound + bad
        let lineNumber = line ?? (1 + countNewlines(bytes, in: 0..<offset))
        throw .invalidUTF8(path: path, line: lineNumber, byteOffset: offsetBase + offset)
    }

    static func countNewlines(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        var count = 0
        for i in range where bytes[i] == 0x0A { count += 1 }
        return count
    }

    /// Whether `bytes[range]` holds only ASCII whitespace (or nothing).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            default: return false
            }
        }
        return true
    }

    /// The first index of `byte` in `buffer[from...]`, found with `memchr`.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The article bytes of `bytes[range]` (well-formed UTF-8): a leading BOM (U+FEFF) removed
    /// and CRLF or lone CR turned into LF.
    static func articleBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var start = range.lowerBound
        let end = range.upperBound
        if end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { start += 3 }
        let body = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard let firstCR = firstIndex(of: 0x0D, in: body, from: 0) else { return Array(body) }
        var out = [UInt8]()
        out.reserveCapacity(body.count)
        var i = 0
        var cr: Int? = firstCR
        while let at = cr {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: body[i..<at]))
            out.append(0x0A)
            i = at + 1
            if i < body.count, body[i] == 0x0A { i += 1 }
            cr = firstIndex(of: 0x0D, in: body, from: i)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: body[i...]))
        return out
    }

    /// `articleBytes` of a whole array, returning the array itself (no copy) when it has no
    /// BOM and no CR.
    static func articleBytes(_ bytes: [UInt8]) -> [UInt8] {
        let clean = bytes.withUnsafeBufferPointer { buffer in
            !(buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                && firstIndex(of: 0x0D, in: buffer, from: 0) == nil
        }
        if clean { return bytes }
        return bytes.withUnsafeBufferPointer { articleBytes($0, 0..<$0.count) }
    }

    /// Reads the bytes of a whole text file (or stdin) as one article.
    func textRecord(_ bytes: [UInt8], path: String, id: String) throws(InputError) -> CorpusRecord {
        if bytes.count > options.maxRecordBytes {
            throw .recordTooLarge(path: path, line: nil, bytes: bytes.count, limit: options.maxRecordBytes)
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> CorpusRecord in
            try Self.checkTextual(buffer, path: path)
            try Self.checkUTF8(buffer, range: 0..<buffer.count, path: path, line: nil)
            var start = 0
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            if Self.isBlank(buffer, start..<buffer.count) { throw .emptyFile(path: path) }
            return CorpusRecord(id: id, bytes: Self.articleBytes(buffer, 0..<buffer.count), source: path)
        }
    }
}
