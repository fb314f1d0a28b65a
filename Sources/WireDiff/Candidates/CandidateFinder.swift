/// Turns band keys into candidate article pairs by sorting, not hashing.
///
/// Every entry packs the top 40 bits of a band key with a 24-bit article index. After one radix
/// sort, each run of equal keys is a bucket; its articles become candidate pairs. A bucket
/// holding more than `maximumBucket` articles is linked as a star around its first article
/// instead of a clique: common word pairs cannot blow up into quadratically many pairs, while
/// a story reprinted hundreds of times still connects every reprint to one of them (and
/// clustering verifies two hops out).
///
/// - Complexity: O(n) radix passes for n entries, plus O(p) for p pair occurrences.
public enum CandidateFinder {
    /// Bits of the article index in an entry.
    public static let indexBits = 24
    /// The largest number of articles one run can take.
    public static let maximumArticles = 1 << indexBits

    /// Packs a band key and an article index into one sortable entry.
    @inlinable @inline(__always)
    public static func entry(key: UInt64, article: Int) -> UInt64 {
        (key & ~UInt64(maximumArticles - 1)) | UInt64(article)
    }

    /// Candidate pairs `(i, j)`, `i < j`, packed as `i << 32 | j`, sorted and distinct: the
    /// pairs that share at least `minimumShared` band keys.
    public static func pairs(entries: inout [UInt64], maximumBucket: Int, minimumShared: Int = 1) -> [UInt64] {
        RadixSort.sort(&entries)
        let keyMask = ~UInt64(maximumArticles - 1)
        let indexMask = UInt64(maximumArticles - 1)
        var pairs: [UInt64] = []
        var start = 0
        let n = entries.count
        while start < n {
            let key = entries[start] & keyMask
            var end = start + 1
            while end < n && entries[end] & keyMask == key { end += 1 }
            if end - start > 1 {
                if end - start <= maximumBucket {
                    for x in start..<end {
                        let a = entries[x] & indexMask
                        for y in (x + 1)..<end {
                            let b = entries[y] & indexMask
                            if a != b { pairs.append(a << 32 | b) }
                        }
                    }
                } else {
                    let a = entries[start] & indexMask
                    for y in (start + 1)..<end {
                        let b = entries[y] & indexMask
                        if a != b { pairs.append(a << 32 | b) }
                    }
                }
            }
            start = end
        }
        RadixSort.sort(&pairs)
        var write = 0
        var read = 0
        while read < pairs.count {
            var end = read + 1
            while end < pairs.count && pairs[end] == pairs[read] { end += 1 }
            if end - read >= minimumShared {
                pairs[write] = pairs[read]
                write += 1
            }
            read = end
        }
        pairs.removeLast(pairs.count - write)
        return pairs
    }
}
