extension CandidateFinder {
    /// The first-article ranges ``counted(buckets:maximumBucket:minimumShared:memoryBudget:threads:)``
    /// works through one at a time: each range's pair occurrences fit the memory budget (12
    /// bytes each, per worker), counted per block of 1,024 first articles.
    struct RangePlan: Sendable {
        /// Ranges of first articles, ascending and adjacent, covering every article.
        var ranges: [Range<Int>] = []
        /// The pair occurrences each range emits.
        var loads: [Int] = []
        /// One more than the highest article number.
        var articles = 0

        /// - Complexity: O(m) for m bucket members.
        init(_ parts: Buckets, maximumBucket: Int, memoryBudget: Int, threads: Int) {
            let blockBits = 10
            var highest = 0
            for part in parts { for m in part.members { highest = max(highest, Int(m)) } }
            var perBlock = [Int](repeating: 0, count: (highest >> blockBits) + 1)
            CandidateFinder.forEachBucket(parts) { members in
                if members.count <= maximumBucket {
                    for (k, m) in members.enumerated() { perBlock[Int(m) >> blockBits] += members.count - 1 - k }
                } else {
                    perBlock[Int(members[members.startIndex]) >> blockBits] += members.count - 1
                }
            }
            let perRange = max(1 << 16, memoryBudget / 12 / Parallel.threadCount(threads))
            var lower = 0, load = 0
            for block in perBlock.indices {
                if load > 0 && load + perBlock[block] > perRange {
                    ranges.append(lower..<block << blockBits)
                    loads.append(load)
                    lower = block << blockBits
                    load = 0
                }
                load += perBlock[block]
            }
            ranges.append(lower..<(perBlock.count << blockBits))
            loads.append(load)
            articles = highest + 1
        }
    }

    /// Counts, range of first articles after range, how many buckets each pair shares, and
    /// keeps the pairs that share at least `minimumShared` (with their counts), in order. Its
    /// buffers are sized once per worker and reused.
    struct PartnerCounter {
        /// The pairs found so far (``PackedPair``), ascending, and the buckets each shares.
        private(set) var pairs: [UInt64] = []
        private(set) var shared: [UInt16] = []
        private let occurrences = ScratchBuffer<UInt64>()
        private let byFirst = ScratchBuffer<UInt32>()
        private let starts = ScratchBuffer<Int>()
        /// Per second article: how often it occurred with the current first one, and which
        /// first article that count belongs to.
        private let partnerCount = ScratchBuffer<UInt16>()
        private let owner = ScratchBuffer<Int32>()
        private var partners: [UInt32] = []
        private let articles: Int

        init(articles: Int, room: Int) {
            self.articles = articles
            occurrences.ensure(max(1, room), filledWith: 0)
            partnerCount.ensure(articles, filledWith: 0)
            owner.ensure(articles, filledWith: -1)
        }

        /// Counts the pairs whose first article is in `range`.
        ///
        /// - Complexity: O(p + w) for p pair occurrences and a range of w articles.
        mutating func count(_ parts: Buckets, maximumBucket: Int, minimumShared: Int, firstIn range: Range<Int>) {
            let emitted = CandidateFinder.emit(parts, maximumBucket: maximumBucket, firstIn: range, into: occurrences.pointer)
            let width = min(range.count, articles - range.lowerBound)
            guard width > 0 else { return }
            groupByFirst(UnsafeBufferPointer(start: occurrences.pointer, count: emitted), base: range.lowerBound, width: width)
            let starts = self.starts.pointer, byFirst = self.byFirst.pointer
            let count = partnerCount.pointer, owner = self.owner.pointer
            var groupStart = 0
            for k in 0..<width {
                let groupEnd = starts[k]
                defer { groupStart = groupEnd }
                guard groupEnd > groupStart else { continue }
                let first = Int32(range.lowerBound + k)
                partners.removeAll(keepingCapacity: true)
                for o in groupStart..<groupEnd {
                    let j = Int(byFirst[o])
                    if owner[j] != first {
                        owner[j] = first
                        count[j] = 0
                    }
                    if count[j] < .max { count[j] += 1 }
                    if Int(count[j]) == minimumShared { partners.append(UInt32(j)) }
                }
                partners.sort()
                for j in partners {
                    pairs.append(PackedPair.pack(Int(first), Int(j)))
                    shared.append(count[Int(j)])
                }
            }
        }

        /// Groups the occurrences by first article (one counting pass and one scatter) into
        /// `byFirst`: afterwards group k is `starts[k - 1]..<starts[k]` (from 0 for k = 0).
        private func groupByFirst(_ occurrences: UnsafeBufferPointer<UInt64>, base: Int, width: Int) {
            starts.ensure(width + 1, filledWith: 0)
            starts.fill(0, count: width + 1)
            byFirst.ensure(occurrences.count, filledWith: 0)
            let starts = self.starts.pointer, byFirst = self.byFirst.pointer
            for o in occurrences { starts[PackedPair.high(o) - base + 1] += 1 }
            for k in 0..<width { starts[k + 1] += starts[k] }
            // Scatter; starts[k] advances to the end of group k (then to the start of k + 1).
            for o in occurrences {
                let k = PackedPair.high(o) - base
                byFirst[starts[k]] = UInt32(truncatingIfNeeded: PackedPair.low(o))
                starts[k] += 1
            }
        }
    }
}
