/// Appends values of up to 56 bits to a ``ByteWriter`` back to back, lowest bit first: value
/// `k` of width `w` occupies bits `k·w ..< (k+1)·w` of the output, bit `i` being bit `i % 8`
/// of byte `i / 8` (the archive's key-table entries, `Documentation/Archive.md`).
///
/// - Complexity: O(1) per value; whole bytes are written as soon as they are complete.
struct BitPacker {
    /// Bits not yet written, lowest first; fewer than 8 between calls, so a value of at most
    /// 56 bits always fits beside them.
    private var pending: UInt64 = 0
    private var pendingBits: UInt64 = 0

    /// The widest value ``append(_:bits:to:)`` takes.
    static let maximumBits = 56

    /// Appends the low `bits` bits of `value` (the caller keeps the rest zero).
    @inline(__always)
    mutating func append(_ value: UInt64, bits: Int, to w: inout ByteWriter) {
        pending |= value << pendingBits
        pendingBits += UInt64(bits)
        let whole = pendingBits >> 3  // at most 7: fewer than 64 bits are pending
        w.put(pending, width: Int(whole))
        pending >>= 8 * whole
        pendingBits -= 8 * whole
    }

    /// Writes the last partial byte, if any.
    mutating func finish(to w: inout ByteWriter) {
        if pendingBits > 0 { w.put(pending, width: 1) }
        pending = 0
        pendingBits = 0
    }
}
