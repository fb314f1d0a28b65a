extension Shingler {
    /// Sorts `values` ascending and removes duplicates in place.
    ///
    /// Shingle hashes are uniformly distributed, so a bucket sort on the top bits (about one
    /// value per bucket) followed by insertion sort within buckets runs in O(n) expected time,
    /// several times faster than the standard library's stable merge sort. A bucket that is
    /// unexpectedly crowded (non-hash input) falls back to the standard sort, so the worst case
    /// stays O(n log n).
    ///
    /// `sorted` and `starts` are scratch buffers reused between calls.
    static func sortAndDeduplicate(_ values: inout [UInt64], sorted sortedScratch: inout [UInt64], starts startsScratch: inout [Int32]) {
        let n = values.count
        if n < 2 { return }
        if n < 64 {
            values.sort()
        } else {
            let bits = Int.bitWidth - n.leadingZeroBitCount - 1  // floor(log2 n) ≥ 6
            let bucketCount = 1 << bits
            let shift = UInt64(64 - bits)
            if sortedScratch.count < n { sortedScratch = [UInt64](repeating: 0, count: max(n, 2 * sortedScratch.count)) }
            startsScratch.removeAll(keepingCapacity: true)
            startsScratch.append(contentsOf: repeatElement(0, count: bucketCount + 1))
            values.withUnsafeMutableBufferPointer { v in
                startsScratch.withUnsafeMutableBufferPointer { starts in
                    sortedScratch.withUnsafeMutableBufferPointer { sorted in
                        for x in v { starts[Int(x &>> shift) + 1] &+= 1 }
                        for b in 0..<bucketCount { starts[b + 1] &+= starts[b] }
                        // Scatter; `starts[b]` advances to the end of bucket b (= start of b + 1).
                        for x in v {
                            let b = Int(x &>> shift)
                            sorted[Int(starts[b])] = x
                            starts[b] &+= 1
                        }
                        var begin = 0
                        for b in 0..<bucketCount {
                            let end = Int(starts[b])
                            let size = end - begin
                            if size > 32 {
                                var bucket = UnsafeMutableBufferPointer(rebasing: sorted[begin..<end])
                                bucket.sort()
                            } else if size > 1 {
                                for i in (begin + 1)..<end {
                                    let x = sorted[i]
                                    var j = i - 1
                                    while j >= begin && sorted[j] > x {
                                        sorted[j + 1] = sorted[j]
                                        j -= 1
                                    }
                                    sorted[j + 1] = x
                                }
                            }
                            begin = end
                        }
                        _ = v.update(fromContentsOf: UnsafeMutableBufferPointer(rebasing: sorted[0..<n]))
                    }
                }
            }
        }
        var write = 1
        values.withUnsafeMutableBufferPointer { v in
            for read in 1..<v.count where v[read] != v[write - 1] {
                v[write] = v[read]
                write += 1
            }
        }
        values.removeLast(values.count - write)
    }

    /// Sorts and deduplicates with temporary scratch buffers.
    static func sortAndDeduplicate(_ values: inout [UInt64]) {
        var sorted: [UInt64] = [], starts: [Int32] = []
        sortAndDeduplicate(&values, sorted: &sorted, starts: &starts)
    }
}
