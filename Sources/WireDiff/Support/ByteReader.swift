/// Reads what ``ByteWriter`` writes from a raw buffer, checking every read against the
/// buffer's end: a short or malformed buffer throws ``ByteReader/Overrun`` (with the offset),
/// never reads past it.
///
/// - Complexity: O(1) per value.
struct ByteReader {
    /// A read past the end of the buffer, or a value out of its range, at `offset`.
    struct Overrun: Error, Equatable, Sendable {
        var offset: Int
    }

    let buffer: UnsafeRawBufferPointer
    /// The next byte to read.
    var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= buffer.count }
    var remaining: Int { buffer.count - offset }

    /// A little-endian integer of `T`'s width.
    @inline(__always)
    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws(Overrun) -> T {
        let size = MemoryLayout<T>.size
        guard size <= buffer.count - offset else { throw Overrun(offset: offset) }
        defer { offset += size }
        return T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// An integer written as its low `width` bytes.
    @inline(__always)
    mutating func read(width: Int) throws(Overrun) -> UInt64 {
        guard width <= buffer.count - offset else { throw Overrun(offset: offset) }
        var value: UInt64 = 0
        for k in 0..<width { value |= UInt64(buffer[offset + k]) << (8 * UInt64(k)) }
        offset += width
        return value
    }

    /// An unsigned LEB128 varint (at most 10 bytes).
    @inline(__always)
    mutating func readVarint() throws(Overrun) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count, shift < 64 else { throw Overrun(offset: offset) }
            let byte = buffer[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A varint that must be at most `limit`.
    mutating func readCount(atMost limit: Int) throws(Overrun) -> Int {
        let start = offset
        let value = try readVarint()
        guard value <= UInt64(limit) else { throw Overrun(offset: start) }
        return Int(value)
    }

    /// A double from its bit pattern.
    mutating func readDouble() throws(Overrun) -> Double { Double(bitPattern: try read(UInt64.self)) }

    /// A string written by ``ByteWriter/put(_:)-(String)``: a varint length and UTF-8 bytes
    /// (ill-formed UTF-8 is repaired, never trusted).
    mutating func readString(atMost limit: Int = 1 << 20) throws(Overrun) -> String {
        let count = try readCount(atMost: min(limit, remaining))
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
    }

    /// `count` raw bytes.
    mutating func readBytes(_ count: Int) throws(Overrun) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= buffer.count - offset else { throw Overrun(offset: offset) }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
    }

    /// Appends `count` little-endian 16-bit values to `output`.
    mutating func read(_ count: Int, into output: inout [UInt16]) throws(Overrun) {
        guard count >= 0, 2 * count <= buffer.count - offset else { throw Overrun(offset: offset) }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: count))
        if count > 0 {
            output.withUnsafeMutableBytes { target in
                target.baseAddress!.advanced(by: 2 * start).copyMemory(from: buffer.baseAddress! + offset, byteCount: 2 * count)
            }
            #if _endian(big)
            for k in start..<output.count { output[k] = UInt16(littleEndian: output[k]) }
            #endif
        }
        offset += 2 * count
    }
}
