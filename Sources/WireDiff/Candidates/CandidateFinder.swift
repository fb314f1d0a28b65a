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
    ///
    /// Pair occurrences are counted by sorting; when there are more than `memoryBudget` bytes'
    /// worth, the buckets are walked several times, each walk keeping only the pairs of one
    /// residue class of `(i + j)`, so memory stays bounded whatever the buckets hold.
    public static func pairs(
        entries: inout [UInt64], maximumBucket: Int, minimumShared: Int = 1, memoryBudget: Int = 64 << 20
    ) -> [UInt64] {
        RadixSort.sort(&entries)
        var runs: [Range<Int>] = []
        var occurrences = 0
        var start = 0
        let keyMask = ~UInt64(maximumArticles - 1)
        while start < entries.count {
            let key = entries[start] & keyMask
            var end = start + 1
            while end < entries.count && entries[end] & keyMask == key { end += 1 }
            let size = end - start
            if size > 1 {
                runs.append(start..<end)
                occurrences += size <= maximumBucket ? size * (size - 1) / 2 : size - 1
            }
            start = end
        }
        let passes = max(1, (occurrences * 8 + memoryBudget - 1) / memoryBudget)
        var result: [UInt64] = []
        var scratch: [UInt64] = []
        for pass in 0..<passes {
            scratch.removeAll(keepingCapacity: true)
            emit(entries, runs, maximumBucket: maximumBucket, passes: passes, pass: pass, into: &scratch)
            RadixSort.sort(&scratch)
            var read = 0
            while read < scratch.count {
                var end = read + 1
                while end < scratch.count && scratch[end] == scratch[read] { end += 1 }
                if end - read >= minimumShared { result.append(scratch[read]) }
                read = end
            }
        }
        if passes > 1 { RadixSort.sort(&result) }
        return result
    }

    /// Appends the pair occurrences of `runs` whose `(i + j) % passes == pass`.
    static func emit(
        _ entries: [UInt64], _ runs: [Range<Int>], maximumBucket: Int, passes: Int, pass: Int, into pairs: inout [UInt64]
    ) {
        let indexMask = UInt64(maximumArticles - 1)
        let modulus = UInt64(passes), residue = UInt64(pass)
        @inline(__always) func add(_ a: UInt64, _ b: UInt64) {
            guard a != b, passes == 1 || (a + b) % modulus == residue else { return }
            pairs.append(min(a, b) << 32 | max(a, b))
        }
        for run in runs {
            if run.count <= maximumBucket {
                for x in run {
                    let a = entries[x] & indexMask
                    for y in (x + 1)..<run.upperBound { add(a, entries[y] & indexMask) }
                }
            } else {
                let a = entries[run.lowerBound] & indexMask
                for y in (run.lowerBound + 1)..<run.upperBound { add(a, entries[y] & indexMask) }
            }
        }
    }
}
