/// Checks that bytes are well-formed UTF-8 and finds the first ill-formed sequence.
///
/// Well-formed means the byte sequences of the Unicode Standard, §3.9, Table 3-7: no overlong
/// encodings (`C0`, `C1`, `E0 80…9F`, `F0 80…8F`), no surrogate code points (`ED A0…BF`), nothing
/// above U+10FFFF (`F4 90…`, `F5…FF`), no stray continuation bytes and no sequence cut short.
/// ASCII runs are skipped 32 bytes at a time (four words or-ed, one mask test).
///
/// - Complexity: O(n); about one mask test per 32 bytes of ASCII.
package enum UTF8Validator {
    /// The byte offset where the first ill-formed sequence starts, or `nil` when all of
    /// `bytes` is well-formed UTF-8.
    @inlinable
    package static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < n {
            // ASCII fast path: 32 bytes at a time, then 8.
            while i + 32 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
                if w & SWAR.highBits != 0 { break }
                i &+= 32
            }
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & SWAR.highBits == 0 {
                i &+= 8
            }
            if i >= n { break }
            let b0 = base[i]
            if b0 < 0x80 { i &+= 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            if i + length > n { return i }
            let b1 = base[i &+ 1]
            if b1 < low || b1 > high { return i }
            if length >= 3 && base[i &+ 2] & 0xC0 != 0x80 { return i }
            if length == 4 && base[i &+ 3] & 0xC0 != 0x80 { return i }
            i &+= length
        }
        return nil
    }

    /// The byte offset of the first ill-formed sequence in `bytes`, or `nil`.
    package static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
    }

    /// Whether `bytes` is well-formed UTF-8.
    package static func isValid(_ bytes: [UInt8]) -> Bool { firstInvalidOffset(in: bytes) == nil }
}
