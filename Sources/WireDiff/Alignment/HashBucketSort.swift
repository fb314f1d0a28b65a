/// Sorts values by a 64-bit key that is a well-mixed hash: one counting pass on the key's top
/// bits into about `count / 2` buckets, then insertion sort inside each (tiny) bucket.
///
/// Hash keys are uniform, so buckets hold about two values; this beats a comparison sort by a
/// wide margin on the few thousand postings of a sentence-similarity join.
///
/// - Complexity: O(n) expected for uniform keys; O(n²) in the worst case.
enum HashBucketSort {
    static func sort<T>(_ values: inout [T], key: (T) -> UInt64) {
        let n = values.count
        if n < 2 { return }
        if n <= 24 {
            insertionSort(&values, 0, n, key: key)
            return
        }
        var bits = 1
        while (1 << bits) < n / 2 { bits += 1 }
        let shift = UInt64(64 - bits)
        var counts = [Int](repeating: 0, count: (1 << bits) + 1)
        for v in values { counts[Int(key(v) >> shift) + 1] += 1 }
        for b in 1..<counts.count { counts[b] += counts[b - 1] }
        var starts = counts
        var sorted = values
        for v in values {
            let b = Int(key(v) >> shift)
            sorted[starts[b]] = v
            starts[b] += 1
        }
        for b in 0..<(1 << bits) where counts[b + 1] - counts[b] > 1 {
            insertionSort(&sorted, counts[b], counts[b + 1], key: key)
        }
        values = sorted
    }

    private static func insertionSort<T>(_ a: inout [T], _ lo: Int, _ hi: Int, key: (T) -> UInt64) {
        var i = lo + 1
        while i < hi {
            let v = a[i], k = key(v)
            var j = i
            while j > lo && key(a[j - 1]) > k { a[j] = a[j - 1]; j -= 1 }
            a[j] = v
            i += 1
        }
    }
}
