/// A stable, seeded 64-bit hash for bytes and for combining hashes.
///
/// Unlike `Hasher`, which Swift seeds per process, `StableHash` gives the same value for the
/// same input on every run, process and machine, so its values may be persisted (signatures,
/// indexes) and compared across runs. The construction follows wyhash: 8-byte little-endian
/// reads folded through a 64×64→128-bit multiply (`mum`), finished with the SplitMix64/Murmur3
/// avalanche. It is not a cryptographic hash.
///
/// - Complexity: O(n) in the number of bytes, about one multiply per 8 bytes.
package enum StableHash {
    /// Odd 64-bit constants from wyhash (Wang Yi, 2019).
    @usableFromInline static let p0: UInt64 = 0xa076_1d64_78bd_642f
    @usableFromInline static let p1: UInt64 = 0xe703_7ed1_a0b4_28db
    @usableFromInline static let p2: UInt64 = 0x8ebc_6af0_9c88_c6e3

    /// Multiplies two words to 128 bits and folds the halves with xor.
    @inlinable @inline(__always)
    static func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The SplitMix64 finalizer: a bijective avalanche of one word.
    @inlinable @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z &>> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z &>> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z &>> 31)
    }

    /// Hashes raw bytes with a seed.
    @inlinable
    package static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let n = bytes.count
        var h = seed ^ p0 ^ (UInt64(truncatingIfNeeded: n) &* p1)
        var i = 0
        while i + 8 <= n {
            let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h = mum(h ^ w, p1)
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(bytes[i]) &<< shift
                shift += 8
                i += 1
            }
            h = mum(h ^ w, p2)
        }
        return mix(h)
    }

    /// Hashes a byte sequence stored contiguously.
    @inlinable
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        hash(UnsafeRawBufferPointer(bytes), seed: seed)
    }

    /// Hashes an array of bytes.
    @inlinable
    package static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// Hashes the UTF-8 bytes of a string.
    package static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
        var copy = string
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// Combines two hashes, order-sensitively: `combine(a, b) != combine(b, a)` in general.
    ///
    /// Used to build k-gram shingle hashes from consecutive token hashes without joining
    /// strings.
    @inlinable @inline(__always)
    package static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mum(a ^ p0, b ^ p2) ^ (a &* p1)
    }
}
