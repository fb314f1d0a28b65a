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
    public static func pairs(
        entries: inout [UInt64], maximumBucket: Int, minimumShared: Int = 1, memoryBudget: Int = 64 << 20
    ) -> [UInt64] {
        RadixSort.sort(&entries)
        var chunks = [entries]
        entries = []
        return pairs(sortedChunks: &chunks, maximumBucket: maximumBucket, minimumShared: minimumShared, memoryBudget: memoryBudget)
    }

    /// Candidate pairs from entry chunks that are each sorted (as parallel workers produce
    /// them); the chunks are consumed.
    ///
    /// The buckets (runs of equal keys) that hold two or more articles are collected range by
    /// range of the key space; entries whose key is unique, most of them in a large corpus, are
    /// dropped there. Pair occurrences are then counted by sorting; when there are more than
    /// `memoryBudget` bytes' worth, the buckets are walked several times, each walk keeping
    /// only the pairs of one residue class of `(i + j)`, so memory stays bounded whatever the
    /// buckets hold.
    ///
    /// - Complexity: O(n) radix passes for n entries, plus O(p) for p pair occurrences.
    public static func pairs(
        sortedChunks chunks: inout [[UInt64]], maximumBucket: Int, minimumShared: Int = 1, memoryBudget: Int = 64 << 20
    ) -> [UInt64] {
        let parts = buckets(&chunks)
        var occurrences = 0
        for part in parts {
            var previous = 0
            for end in part.runEnds {
                let size = Int(end) - previous
                occurrences += size <= maximumBucket ? size * (size - 1) / 2 : size - 1
                previous = Int(end)
            }
        }
        let passes = max(1, (occurrences * 8 + memoryBudget - 1) / memoryBudget)
        var result: [UInt64] = []
        var scratch: [UInt64] = []
        for pass in 0..<passes {
            scratch.removeAll(keepingCapacity: true)
            for part in parts {
                emit(part.members, part.runEnds, maximumBucket: maximumBucket, passes: passes, pass: pass, into: &scratch)
            }
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

    /// Collects, from sorted chunks, the article indices of every bucket with two or more
    /// entries, bucket after bucket (each ascending), with each bucket's end offset, in parts
    /// (one per range of the key space handled together).
    ///
    /// The key space is cut into 256 ranges by the top byte; each range gathers its slice of
    /// every chunk (1/256 of the entries for hashed keys), sorts it and scans its runs. Ranges
    /// run in parallel and are joined in order, so the result is deterministic.
    static func buckets(_ chunks: inout [[UInt64]], threads: Int = 0) -> [(members: [UInt32], runEnds: [UInt32])] {
        let keyMask = ~UInt64(maximumArticles - 1)
        let indexMask = UInt64(maximumArticles - 1)
        // bounds[c][d]: first position in chunk c whose top byte is ≥ d.
        let bounds = chunks.map { chunk -> [Int] in
            var bounds = [Int](repeating: chunk.count, count: 257)
            var position = 0
            for d in 0..<256 {
                while position < chunk.count && Int(chunk[position] >> 56) < d { position += 1 }
                bounds[d] = position
            }
            return bounds
        }
        let frozen = chunks
        chunks = []
        // Each part's members and bucket ends stay separate (no concatenated copy).
        return Parallel.mapChunks(count: 256, threads: threads, minimumChunk: 8) { digits -> (members: [UInt32], runEnds: [UInt32]) in
            var members: [UInt32] = []
            var runEnds: [UInt32] = []
            var gathered: [UInt64] = []
            for d in digits {
                gathered.removeAll(keepingCapacity: true)
                for c in frozen.indices { gathered.append(contentsOf: frozen[c][bounds[c][d]..<bounds[c][d + 1]]) }
                RadixSort.sort(&gathered)
                var start = 0
                while start < gathered.count {
                    let key = gathered[start] & keyMask
                    var end = start + 1
                    while end < gathered.count && gathered[end] & keyMask == key { end += 1 }
                    if end - start > 1 {
                        for x in start..<end { members.append(UInt32(truncatingIfNeeded: gathered[x] & indexMask)) }
                        runEnds.append(UInt32(members.count))
                    }
                    start = end
                }
            }
            return (members, runEnds)
        }
    }

    /// Appends the pair occurrences of the buckets whose `(i + j) % passes == pass`.
    static func emit(
        _ members: [UInt32], _ runEnds: [UInt32], maximumBucket: Int, passes: Int, pass: Int, into pairs: inout [UInt64]
    ) {
        let modulus = UInt64(passes), residue = UInt64(pass)
        @inline(__always) func add(_ a: UInt64, _ b: UInt64) {
            guard a != b, passes == 1 || (a + b) % modulus == residue else { return }
            pairs.append(min(a, b) << 32 | max(a, b))
        }
        var start = 0
        for runEnd in runEnds {
            let end = Int(runEnd)
            if end - start <= maximumBucket {
                for x in start..<end {
                    let a = UInt64(members[x])
                    for y in (x + 1)..<end { add(a, UInt64(members[y])) }
                }
            } else {
                let a = UInt64(members[start])
                for y in (start + 1)..<end { add(a, UInt64(members[y])) }
            }
            start = end
        }
    }
}
