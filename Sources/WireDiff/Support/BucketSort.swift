/// Sorts by a uniformly distributed 64-bit key (a hash, or postings led by one) in expected
/// linear time: the per-sentence and per-article sorts of shingling and sketching, and the
/// posting sorts of alignment.
///
/// Fewer than 48 values are insertion-sorted. Longer runs are scattered into about one bucket
/// per value by the key's top bits and each bucket is insertion-sorted; a bucket that is
/// unexpectedly crowded (keys that are not hashes, or many equal keys) falls back to the
/// standard library's sort, so the worst case stays O(n log n). Values with equal keys keep
/// their order. The scratch buffers (``ScratchBuffer``s, freed with the sorter) are kept
/// between calls, and a copy of a sorter shares them: keep one sorter per thread.
///
/// - Complexity: O(n) expected for hashed keys, O(n log n) worst case.
struct BucketSort<Element: BitwiseCopyable> {
    /// The values scattered into buckets.
    private let sorted = ScratchBuffer<Element>()
    /// Per bucket, where it starts (then, after the scatter, where it ends).
    private let starts = ScratchBuffer<Int32>()

    init() {}

    /// Sorts `values` by `key`, ascending; values with equal keys keep their order.
    static func sort(_ values: inout [Element], key: (Element) -> UInt64) {
        values.withUnsafeMutableBufferPointer { v in
            // A short list needs no scratch.
            if v.count < 48 { insertionSort(v, key: key) } else { BucketSort().sort(v, key: key) }
        }
    }

    /// Sorts `v` by `key`, ascending; values with equal keys keep their order.
    @inline(__always)
    func sort(_ v: UnsafeMutableBufferPointer<Element>, key: (Element) -> UInt64) {
        let n = v.count
        if n < 48 {
            Self.insertionSort(v, key: key)
            return
        }
        let bits = Int.bitWidth - n.leadingZeroBitCount - 1  // floor(log2 n) ≥ 5
        let bucketCount = 1 << bits
        let shift = UInt64(64 - bits)
        sorted.ensure(n, filledWith: v[0])
        starts.ensure(bucketCount + 1, filledWith: 0)
        let sorted = self.sorted.pointer, starts = self.starts.pointer
        starts.update(repeating: 0, count: bucketCount + 1)
        for x in v { starts[Int(truncatingIfNeeded: key(x) &>> shift) + 1] &+= 1 }
        for b in 0..<bucketCount { starts[b + 1] &+= starts[b] }
        // Scatter (stable); `starts[b]` advances to the end of bucket b.
        for x in v {
            let b = Int(truncatingIfNeeded: key(x) &>> shift)
            sorted[Int(starts[b])] = x
            starts[b] &+= 1
        }
        var begin = 0
        for b in 0..<bucketCount {
            let end = Int(starts[b])
            var bucket = UnsafeMutableBufferPointer(start: sorted + begin, count: end - begin)
            if bucket.count > 32 {
                bucket.sort { key($0) < key($1) }
            } else if bucket.count > 1 {
                Self.insertionSort(bucket, key: key)
            }
            begin = end
        }
        v.baseAddress!.update(from: sorted, count: n)
    }

    /// Insertion sort by `key` (stable): the fastest sort of a handful of values.
    @inline(__always)
    static func insertionSort(_ v: UnsafeMutableBufferPointer<Element>, key: (Element) -> UInt64) {
        if v.count < 2 { return }
        for i in 1..<v.count {
            let x = v[i], k = key(x)
            var j = i - 1
            while j >= 0 && key(v[j]) > k {
                v[j + 1] = v[j]
                j -= 1
            }
            v[j + 1] = x
        }
    }
}

extension BucketSort: Sendable where Element: Sendable {}

extension BucketSort where Element: FixedWidthInteger & UnsignedInteger {
    /// Sorts `values[from...]` ascending and removes duplicates from that part in place (keys
    /// are the values, aligned to the top of 64 bits).
    func sortAndDeduplicate(_ values: inout [Element], from start: Int = 0) {
        let n = values.count - start
        if n < 2 { return }
        var write = start + 1
        let align = UInt64(64 - Element.bitWidth)
        values.withUnsafeMutableBufferPointer { all in
            let v = UnsafeMutableBufferPointer(rebasing: all[start...])
            sort(v) { UInt64(truncatingIfNeeded: $0) &<< align }
            for read in 1..<n where v[read] != v[write - start - 1] {
                v[write - start] = v[read]
                write += 1
            }
        }
        values.removeLast(values.count - write)
    }
}
