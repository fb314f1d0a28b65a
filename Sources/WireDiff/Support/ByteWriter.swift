/// Appends little-endian integers, LEB128 varints and raw bytes to a growing byte array: the
/// one encoder of wirediff's binary formats (archive manifests and sections, serialized
/// ``StoryFeatures``).
///
/// - Complexity: O(1) amortized per value.
struct ByteWriter: Sendable {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    /// Appends `value` in little-endian order, its full width.
    @inline(__always)
    mutating func put<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends the low `width` bytes of `value`, little-endian (a 3-byte article number).
    @inline(__always)
    mutating func put(_ value: UInt64, width: Int) {
        var v = value
        for _ in 0..<width {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// Appends an unsigned LEB128 varint: 7 bits per byte, low bits first.
    @inline(__always)
    mutating func putVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Appends a double's bit pattern.
    mutating func put(_ value: Double) { put(value.bitPattern) }

    /// Appends a string as a varint length and its UTF-8 bytes.
    mutating func put(_ string: String) {
        putVarint(UInt64(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    /// Appends raw bytes.
    mutating func put(bytes more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }

    /// Appends each 16-bit value, little-endian.
    mutating func put(_ values: some Collection<UInt16>) {
        for value in values { put(value) }
    }

    /// Pads with zeros to a multiple of `alignment`.
    mutating func align(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }
}
