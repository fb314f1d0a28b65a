extension ArchiveManifest.KeyTable {
    /// The directory slot of `bucket` (a band key's top 40 bits, shifted down): its top
    /// ``directoryBits`` bits; and the remainder the slot's entries store, its other bits.
    @inline(__always)
    func slot(of bucket: UInt64) -> (slot: Int, remainder: UInt64) {
        let remainderBits = UInt64(self.remainderBits)
        return (Int(bucket >> remainderBits), bucket & ((1 << remainderBits) - 1))
    }

    /// An entry's bits: the key remainder in the low ``remainderBits``, the article above.
    @inline(__always)
    func pack(remainder: UInt64, article: UInt64) -> UInt64 {
        remainder | article << UInt64(remainderBits)
    }

    /// Entry `k` of `entries` (remainder in the low bits, article above), where entry 0 starts
    /// at bit `bitBase` of `entries`' first byte: one unaligned 8-byte load, a shift and a mask.
    /// `entries` must hold 8 bytes from the entry's first byte (the section's slack does).
    @inline(__always)
    func entry(at k: Int, in entries: UnsafeRawBufferPointer, bitBase: Int) -> UInt64 {
        let bit = bitBase &+ k &* entryBits
        let word = UInt64(littleEndian: entries.loadUnaligned(fromByteOffset: bit &>> 3, as: UInt64.self))
        return (word &>> UInt64(bit & 7)) & ((1 &<< UInt64(entryBits)) &- 1)
    }

    /// The key remainder of entry `k` (see ``entry(at:in:bitBase:)``).
    @inline(__always)
    func remainder(at k: Int, in entries: UnsafeRawBufferPointer, bitBase: Int = 0) -> UInt64 {
        entry(at: k, in: entries, bitBase: bitBase) & ((1 &<< UInt64(remainderBits)) &- 1)
    }

    /// The article of entry `k` (see ``entry(at:in:bitBase:)``).
    @inline(__always)
    func article(at k: Int, in entries: UnsafeRawBufferPointer, bitBase: Int = 0) -> Int {
        Int(truncatingIfNeeded: entry(at: k, in: entries, bitBase: bitBase) &>> UInt64(remainderBits))
    }

    /// The bytes holding entries `range` with their slack, and the bit of the first byte
    /// where the first of them starts: what a point read of one directory slot reads.
    func byteRange(ofEntries range: Range<Int>) -> (bytes: Range<Int>, bitBase: Int) {
        let first = range.lowerBound * entryBits, end = range.upperBound * entryBits
        return ((first >> 3)..<((end + 7) >> 3) + Self.slackBytes, first & 7)
    }

    /// The entries among `range` of `entries` (one directory slot's, ascending by remainder)
    /// whose remainder is `remainder`.
    ///
    /// - Complexity: O(log n) for a slot of n entries (binary search).
    func matching(_ remainder: UInt64, in entries: UnsafeRawBufferPointer, range: Range<Int>, bitBase: Int = 0) -> Range<Int> {
        // The first entry at or past `value`.
        func lowerBound(_ value: UInt64) -> Int {
            var low = range.lowerBound, high = range.upperBound
            while low < high {
                let mid = (low + high) / 2
                if self.remainder(at: mid, in: entries, bitBase: bitBase) < value { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let first = lowerBound(remainder)
        guard first < range.upperBound, self.remainder(at: first, in: entries, bitBase: bitBase) == remainder else {
            return first..<first
        }
        return first..<lowerBound(remainder + 1)
    }
}
