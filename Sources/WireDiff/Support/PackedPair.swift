/// Two indices below 2³² packed in one `UInt64` as `high << 32 | low`, so that lists of pairs
/// sort (``RadixSort``), deduplicate and binary-search as plain integers, ascending by `high`
/// and then `low`. Candidate pairs (`first << 32 | second`, first < second), two-hop checks
/// (`center << 32 | article`) and the archive's pairs all use it.
enum PackedPair {
    /// `high << 32 | low`.
    @inline(__always) static func pack(_ high: Int, _ low: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: high) << 32 | UInt64(UInt32(truncatingIfNeeded: low))
    }

    /// The pair of `a` and `b` with the smaller first: `min << 32 | max`.
    @inline(__always) static func ordered(_ a: Int, _ b: Int) -> UInt64 {
        a < b ? pack(a, b) : pack(b, a)
    }

    /// The index in the high 32 bits.
    @inline(__always) static func high(_ pair: UInt64) -> Int { Int(truncatingIfNeeded: pair >> 32) }

    /// The index in the low 32 bits.
    @inline(__always) static func low(_ pair: UInt64) -> Int { Int(truncatingIfNeeded: pair & 0xFFFF_FFFF) }

    /// Both indices, high first.
    @inline(__always) static func unpack(_ pair: UInt64) -> (Int, Int) { (high(pair), low(pair)) }
}
