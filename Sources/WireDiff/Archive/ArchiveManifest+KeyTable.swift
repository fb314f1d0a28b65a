extension ArchiveManifest.KeyTable {
    /// The directory slot of `bucket` (a band key's top 40 bits, shifted down): its top
    /// ``directoryBits`` bits; and the remainder the slot's entries store, its other bits.
    @inline(__always)
    func slot(of bucket: UInt64) -> (slot: Int, remainder: UInt64) {
        let remainderBits = UInt64(40 - directoryBits)
        return (Int(bucket >> remainderBits), bucket & ((1 << remainderBits) - 1))
    }

    /// The key remainder of entry `k` of `entries` (entries laid out from entry 0).
    @inline(__always)
    func remainder(at k: Int, in entries: UnsafeRawBufferPointer) -> UInt64 {
        var v: UInt64 = 0
        for b in 0..<remainderBytes { v |= UInt64(entries[k * entryWidth + b]) << UInt64(8 * b) }
        return v
    }

    /// The article of entry `k` of `entries` (3 bytes after the remainder).
    @inline(__always)
    func article(at k: Int, in entries: UnsafeRawBufferPointer) -> Int {
        let o = k * entryWidth + remainderBytes
        return Int(entries[o]) | Int(entries[o + 1]) << 8 | Int(entries[o + 2]) << 16
    }

    /// The entries among `range` of `entries` (one directory slot's, ascending by remainder)
    /// whose remainder is `remainder`.
    ///
    /// - Complexity: O(log n) for a slot of n entries (binary search).
    func matching(_ remainder: UInt64, in entries: UnsafeRawBufferPointer, range: Range<Int>) -> Range<Int> {
        // The first entry at or past `value`.
        func lowerBound(_ value: UInt64) -> Int {
            var low = range.lowerBound, high = range.upperBound
            while low < high {
                let mid = (low + high) / 2
                if self.remainder(at: mid, in: entries) < value { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let first = lowerBound(remainder)
        guard first < range.upperBound, self.remainder(at: first, in: entries) == remainder else { return first..<first }
        return first..<lowerBound(remainder + 1)
    }
}
