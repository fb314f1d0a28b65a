/// Sorts short arrays of uniformly distributed keys (hashes, postings led by a hash) without
/// allocating: the per-sentence and per-article sorts of shingling and sketching.
///
/// Fewer than 48 keys are insertion-sorted. Longer runs are scattered into about one bucket per
/// key by their top bits and each bucket is insertion-sorted; a bucket that is unexpectedly
/// crowded (keys that are not hashes) falls back to the standard sort, so the worst case stays
/// O(n log n). The scratch buffers are kept between calls: keep one sorter per thread.
///
/// - Complexity: O(n) expected for hashed keys.
struct BucketSort<Key: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    private var sorted: [Key] = []
    private var starts: [Int32] = []

    init() {}

    /// Sorts `values[from...]` ascending and removes duplicates from that part in place.
    mutating func sortAndDeduplicate(_ values: inout [Key], from start: Int = 0) {
        let n = values.count - start
        if n < 2 { return }
        var write = start + 1
        values.withUnsafeMutableBufferPointer { all in
            let v = UnsafeMutableBufferPointer(rebasing: all[start...])
            sort(v)
            for read in 1..<n where v[read] != v[write - start - 1] {
                v[write - start] = v[read]
                write += 1
            }
        }
        values.removeLast(values.count - write)
    }

    /// Sorts `v` ascending.
    mutating func sort(_ v: UnsafeMutableBufferPointer<Key>) {
        let n = v.count
        if n < 48 {
            Self.insertionSort(v)
            return
        }
        let bits = Int.bitWidth - n.leadingZeroBitCount - 1  // floor(log2 n) ≥ 5
        let bucketCount = 1 << bits
        let shift = Key(Key.bitWidth - bits)
        if sorted.count < n { sorted = [Key](repeating: 0, count: max(n, 2 * sorted.count)) }
        if starts.count < bucketCount + 1 { starts = [Int32](repeating: 0, count: 2 * bucketCount + 1) }
        starts.withUnsafeMutableBufferPointer { starts in
            sorted.withUnsafeMutableBufferPointer { sorted in
                UnsafeMutableBufferPointer(rebasing: starts[0...bucketCount]).update(repeating: 0)
                for x in v { starts[Int(truncatingIfNeeded: x &>> shift) + 1] &+= 1 }
                for b in 0..<bucketCount { starts[b + 1] &+= starts[b] }
                // Scatter; `starts[b]` advances to the end of bucket b.
                for x in v {
                    let b = Int(truncatingIfNeeded: x &>> shift)
                    sorted[Int(starts[b])] = x
                    starts[b] &+= 1
                }
                var begin = 0
                for b in 0..<bucketCount {
                    let end = Int(starts[b])
                    let bucket = UnsafeMutableBufferPointer(rebasing: sorted[begin..<end])
                    if bucket.count > 32 {
                        var bucket = bucket
                        bucket.sort()
                    } else if bucket.count > 1 {
                        Self.insertionSort(bucket)
                    }
                    begin = end
                }
                _ = v.update(fromContentsOf: UnsafeMutableBufferPointer(rebasing: sorted[0..<n]))
            }
        }
    }

    @inline(__always)
    static func insertionSort(_ v: UnsafeMutableBufferPointer<Key>) {
        if v.count < 2 { return }
        for i in 1..<v.count {
            let x = v[i]
            var j = i - 1
            while j >= 0 && v[j] > x {
                v[j + 1] = v[j]
                j -= 1
            }
            v[j + 1] = x
        }
    }
}
