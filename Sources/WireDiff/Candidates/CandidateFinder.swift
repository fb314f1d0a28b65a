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
package enum CandidateFinder {
    /// Bits of the article index in an entry.
    package static let indexBits = 24
    /// The largest number of articles one run can take.
    package static let maximumArticles = 1 << indexBits

    /// Packs a band key and an article index into one sortable entry.
    @inlinable @inline(__always)
    package static func entry(key: UInt64, article: Int) -> UInt64 {
        (key & ~UInt64(maximumArticles - 1)) | UInt64(article)
    }

    /// Candidate pairs `(i, j)`, `i < j`, packed as `i << 32 | j`, sorted and distinct: the
    /// pairs that share at least `minimumShared` band keys.
    package static func pairs(
        entries: inout [UInt64], maximumBucket: Int, minimumShared: Int = 1, memoryBudget: Int = 64 << 20
    ) -> [UInt64] {
        RadixSort.sort(&entries)
        var chunks = [entries]
        entries = []
        return pairs(partitionedChunks: &chunks, maximumBucket: maximumBucket, minimumShared: minimumShared, memoryBudget: memoryBudget)
    }

    /// Candidate pairs from entry chunks (as parallel workers produce them) that are each
    /// ordered by top byte (``RadixSort/partitionByTopByte(_:)``; sorted chunks qualify) and
    /// list articles in ascending order within each top byte, across the chunks in turn (chunks
    /// of consecutive article runs, each written article by article, qualify): the pairs that
    /// share at least `minimumShared` band keys. The chunks are consumed.
    package static func pairs(
        partitionedChunks chunks: inout [[UInt64]], maximumBucket: Int, minimumShared: Int = 1, memoryBudget: Int = 64 << 20
    ) -> [UInt64] {
        pairs(buckets: buckets(&chunks), maximumBucket: maximumBucket, minimumShared: minimumShared, memoryBudget: memoryBudget)
    }

    /// The shared buckets of one or more indexing passes (``buckets(_:threads:)``): each part
    /// lists the articles of its buckets, bucket after bucket, with each bucket's end offset.
    package typealias Buckets = [(members: [UInt32], runEnds: [UInt32])]

    /// Candidate pairs, sorted and distinct, from the shared buckets of any number of indexing
    /// passes (e.g. one per band group): the pairs that occur together in at least
    /// `minimumShared` buckets.
    ///
    /// Pair occurrences are counted range by range of the pair's first article: the ranges
    /// are cut so that each holds about `memoryBudget / threads` bytes of occurrences (8 for
    /// the occurrence, 4 for its grouped copy), and run in parallel. Each bucket's members are
    /// ascending, so a range's pairs are found by skipping to its first member; the range's
    /// occurrences are grouped by first article with one counting pass, and each first
    /// article's partners counted in an array indexed by article. Memory stays bounded
    /// whatever the buckets hold, and the ranges' results concatenate in sorted order.
    ///
    /// - Complexity: O(p) for p pair occurrences, plus O(m·r) for m bucket members and r
    ///   ranges; 6 bytes per article per thread for the counters.
    package static func pairs(
        buckets parts: Buckets, maximumBucket: Int, minimumShared: Int, memoryBudget: Int, threads: Int = 0
    ) -> [UInt64] {
        counted(buckets: parts, maximumBucket: maximumBucket, minimumShared: minimumShared, memoryBudget: memoryBudget, threads: threads).pairs
    }

    /// ``pairs(buckets:maximumBucket:minimumShared:memoryBudget:threads:)`` with, for each pair,
    /// the number of buckets it occurs in (saturating at `UInt16.max`): how strongly the index
    /// links the two articles.
    static func counted(
        buckets parts: Buckets, maximumBucket: Int, minimumShared: Int, memoryBudget: Int, threads: Int = 0
    ) -> (pairs: [UInt64], shared: [UInt16]) {
        let plan = RangePlan(parts, maximumBucket: maximumBucket, memoryBudget: memoryBudget, threads: threads)
        let results = Parallel.mapChunks(count: plan.ranges.count, threads: threads, minimumChunk: 1) { chunk -> ([UInt64], [UInt16]) in
            // Room for the largest range's occurrences, reused range after range.
            var counter = PartnerCounter(articles: plan.articles, room: chunk.map { plan.loads[$0] }.max() ?? 0)
            for r in chunk {
                counter.count(parts, maximumBucket: maximumBucket, minimumShared: minimumShared, firstIn: plan.ranges[r])
            }
            return (counter.pairs, counter.shared)
        }
        return (Array(results.map(\.0).joined()), Array(results.map(\.1).joined()))
    }

    /// Calls `body` with the members of every bucket (no copies, no reference counting).
    @inline(__always)
    static func forEachBucket(_ parts: Buckets, _ body: (UnsafeBufferPointer<UInt32>) -> Void) {
        for part in parts {
            part.members.withUnsafeBufferPointer { members in
                part.runEnds.withUnsafeBufferPointer { ends in
                    var start = 0
                    for end in ends {
                        body(UnsafeBufferPointer(rebasing: members[start..<Int(end)]))
                        start = Int(end)
                    }
                }
            }
        }
    }

    /// Appends the pair occurrences `i << 32 | j` (`i < j`) whose first article `i` is in
    /// `range`: every pair of a bucket of at most `maximumBucket` articles, and the pairs of a
    /// larger bucket's first article with each other one.
    /// Writes them to `pairs` (room for all of them: the caller counted them) and returns how
    /// many there are.
    static func emit(_ parts: Buckets, maximumBucket: Int, firstIn range: Range<Int>, into pairs: UnsafeMutablePointer<UInt64>) -> Int {
        let lower = UInt32(clamping: range.lowerBound), upper = UInt32(clamping: range.upperBound)
        var n = 0
        forEachBucket(parts) { members in
            let end = members.count
            // Members ascend: a bucket whose first article is past the range, or whose last
            // but one is before it, has no pair here.
            guard members[0] < upper, members[end - 2] >= lower || members.count > maximumBucket else { return }
            if end > maximumBucket {
                let a = members[0]
                guard a >= lower else { return }
                for y in 1..<end {
                    pairs[n] = PackedPair.pack(Int(a), Int(members[y]))
                    n += 1
                }
                return
            }
            var x = 0
            while x < end && members[x] < lower { x += 1 }
            while x < end && members[x] < upper {
                let a = UInt64(members[x]) << 32
                for y in (x + 1)..<end {
                    pairs[n] = a | UInt64(members[y])
                    n += 1
                }
                x += 1
            }
        }
        return n
    }

    /// Collects, from chunks ordered by top byte, the distinct article indices of every bucket with two or
    /// more articles, bucket after bucket (each ascending), with each bucket's end offset, in parts
    /// (one per range of the key space handled together).
    ///
    /// The key space is cut into 256 ranges by the top byte; each range gathers its slice of
    /// every chunk (1/256 of the entries for hashed keys), sorts it stably on its key bits
    /// (chunks come in article order, so articles stay ascending within a key) and scans its
    /// runs. Ranges
    /// run in parallel and are joined in order, so the result is deterministic.
    package static func buckets(_ chunks: inout [[UInt64]], threads: Int = 0) -> Buckets {
        let keyMask = ~UInt64(maximumArticles - 1)
        let indexMask = UInt64(maximumArticles - 1)
        // bounds[c][d]: first position in chunk c whose top byte is ≥ d.
        // (A binary search per byte: a scan would read every entry on one thread.)
        let bounds = chunks.map { chunk -> [Int] in
            var bounds = [Int](repeating: chunk.count, count: 257)
            for d in 0..<256 {
                var low = d == 0 ? 0 : bounds[d - 1], high = chunk.count
                while low < high {
                    let mid = (low + high) / 2
                    if Int(chunk[mid] >> 56) < d { low = mid + 1 } else { high = mid }
                }
                bounds[d] = low
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
                RadixSort.stableSort(&gathered, byBits: indexBits..<56)
                var start = 0
                while start < gathered.count {
                    let key = gathered[start] & keyMask
                    var end = start + 1
                    while end < gathered.count && gathered[end] & keyMask == key { end += 1 }
                    // An article appears once per bucket, however many of its sentences share
                    // the key (equal entries are adjacent).
                    let first = members.count
                    for x in start..<end where x == start || gathered[x] != gathered[x - 1] {
                        members.append(UInt32(truncatingIfNeeded: gathered[x] & indexMask))
                    }
                    if members.count - first > 1 {
                        runEnds.append(UInt32(members.count))
                    } else {
                        members.removeLast(members.count - first)
                    }
                    start = end
                }
            }
            return (members, runEnds)
        }
    }
}
