/// Byte-parallel tests on eight bytes in a `UInt64` ("SIMD within a register"): the bit tricks
/// the text scanners share, written once.
///
/// Masks have the high bit (0x80) of each byte set where the byte passes the test. The `exact`
/// tests mark precisely the bytes that pass; the `any` tests may mark a byte after a passing
/// one (a borrow ripples), so they answer only "does any byte pass?".
///
/// - SeeAlso: Sean Anderson, *Bit Twiddling Hacks* ("Determine if a word has a zero byte",
///   "has less", "has between"); Warren, *Hacker's Delight*, ch. 6.
package enum SWAR {
    /// 0x01 in every byte.
    package static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every byte.
    package static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// 0x7f in every byte.
    package static let lowSeven: UInt64 = 0x7f7f_7f7f_7f7f_7f7f

    /// `byte` in every byte.
    @inline(__always)
    package static func broadcast(_ byte: UInt8) -> UInt64 { ones &* UInt64(byte) }

    /// The bytes of `w` that are zero (exact).
    @inline(__always)
    package static func zeroBytes(_ w: UInt64) -> UInt64 { ~(((w & lowSeven) &+ lowSeven) | w | lowSeven) }

    /// The bytes of `w` equal to `byte` (exact).
    @inline(__always)
    package static func bytes(_ w: UInt64, equalTo byte: UInt8) -> UInt64 { zeroBytes(w ^ broadcast(byte)) }

    /// Nonzero when some byte of `w` is zero (inexact mask: a yes/no test).
    @inline(__always)
    package static func anyZeroByte(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & highBits }

    /// Nonzero when some byte of `w` is below `n` (n ≤ 0x80; inexact mask: a yes/no test).
    @inline(__always)
    package static func anyByte(_ w: UInt64, below n: UInt8) -> UInt64 { (w &- broadcast(n)) & ~w & highBits }

    /// The ASCII bytes x of `w` with `low < x < high` (exact; 0 ≤ low < high ≤ 0x80). Bytes
    /// ≥ 0x80 never pass.
    @inline(__always)
    package static func asciiBytes(_ w: UInt64, above low: UInt8, below high: UInt8) -> UInt64 {
        let x7 = w & lowSeven
        return (broadcast(127 &+ high) &- x7) & ~w & highBits & (x7 &+ broadcast(127 &- low))
    }

    /// How many bytes a mask marks (each marked byte has only its high bit set).
    @inline(__always)
    package static func count(_ mask: UInt64) -> Int { Int(truncatingIfNeeded: ((mask &>> 7) &* ones) &>> 56) }
}
