/// The computations of a commit: bucket entries, candidate pairs (for the whole archive, or
/// what new articles add to it), verdicts, representative order and clustering.
///
/// Everything is the corpus pipeline's own code (``Deduplicator``, ``CandidateFinder``,
/// ``PairVerifier``, ``StoryClusterer``, ``RepresentativeOrder``) run with the archive's
/// settings, common shingles and band grouping; what is the archive's own is how an addition
/// updates the candidate pairs without recounting the old ones (``pairsAdding(_:count:to:old:)``),
/// so that the result is the one the corpus pipeline gives over all the articles.
struct ArchiveUpdate: Sendable {
    let settings: ArchiveSettings
    let common: CommonShingles
    /// The archive's options, with the caller's thread count.
    let options: DedupOptions
    let lsh: LSHParameters

    init(settings: ArchiveSettings, common: CommonShingles, threads: Int) {
        self.settings = settings
        self.common = common
        var options = settings.options
        options.threads = threads
        self.options = options
        self.lsh = options.effectiveLSH
    }

    /// The band groups of the index (``ArchiveSettings/bandsPerGroup`` bands each).
    var groups: [Range<Int>] {
        stride(from: 0, to: lsh.bands, by: settings.bandsPerGroup).map { $0..<min(lsh.bands, $0 + settings.bandsPerGroup) }
    }

    /// Where the features of article `i` are during an update: in the archive before `first`,
    /// in `fresh` from there.
    struct Features: Sendable {
        let archive: StoryArchive?
        let fresh: FeatureStore
        let first: Int

        func callAsFunction(_ i: Int) throws(ArchiveError) -> StoryFeatures {
            if i >= first { return fresh[i - first] }
            return try archive!.features(i)
        }
    }

    // MARK: - Bucket keys

    /// Per band group, the bucket entries (``CandidateFinder/entry(key:article:)``) of the
    /// articles of `store`, numbered from `first`: ascending, distinct.
    func entries(_ store: FeatureStore, first: Int, group: Range<Int>) -> [UInt64] {
        var entries = Array(Deduplicator.partitionedEntries(store, bands: group, options: options, lsh: lsh, common: common).joined())
        if first > 0 { for k in entries.indices { entries[k] += UInt64(first) } }
        RadixSort.sort(&entries)
        return entries.removingAdjacentDuplicates()
    }

    // MARK: - Candidate pairs

    /// The candidate pairs of all of `store`'s articles, and the band keys each shares, as
    /// ``Deduplicator`` finds them with the archive's common shingles and band grouping.
    func allPairs(_ store: FeatureStore) -> (pairs: [UInt64], shared: [UInt16]) {
        var phases = Deduplicator.Phases(onPhase: nil)
        let found = corpusPipeline.candidatePairs(store, &phases)
        return (found.pairs, found.sharedKeys)
    }

    /// The corpus pipeline with the archive's settings, common shingles and band grouping:
    /// the archive answers as it does.
    var corpusPipeline: Deduplicator {
        var deduplicator = Deduplicator(options: options, textOptions: settings.textOptions)
        deduplicator.fixedCommon = common
        deduplicator.fixedBandsPerGroup = settings.bandsPerGroup
        return deduplicator
    }

    /// The candidate pairs once `count` articles `archive.count…` (bucket entries `fresh`, per
    /// group) join the archive's, given its candidate pairs `old`: the old pairs that keep enough
    /// shared keys (with their verdicts), the new pairs (with their shared keys), and the old
    /// pairs that no longer share enough (`dropped`).
    ///
    /// A pair's shared keys count the buckets (a key within a band group) that link it: every
    /// pair of a bucket of at most ``DedupOptions/maximumBucket`` articles, or the first article
    /// of a larger bucket with each other one (``CandidateFinder``). New articles only join
    /// buckets, so a pair of old articles can only lose a key: when its bucket grows past the
    /// limit and it is not the bucket's first article. Every pair with a new article is counted
    /// from scratch. So the old pairs' counts (kept for every pair at or above
    /// ``DedupOptions/minimumSharedKeys``) and the new counts give exactly the counts of the
    /// corpus pipeline over all articles.
    ///
    /// - Complexity: one index look-up per distinct new key; O(p log p) for p pair occurrences.
    func pairsAdding(
        _ fresh: [[UInt64]], count added: Int, to archive: StoryArchive, old: (pairs: [UInt64], shared: [UInt16], verdicts: [Double])
    ) throws(ArchiveError) -> (kept: ArchiveState, added: [UInt64], addedShared: [UInt16], dropped: [UInt64]) {
        let (occurrences, losses) = try bucketOccurrences(fresh, in: try verifiedKeyTables(of: archive))
        // New pairs: those counted often enough.
        let (pairs, pairsShared) = Self.counted(
            occurrences, first: archive.count, count: added, articles: archive.count, minimum: options.minimumSharedKeys,
            threads: options.threads)
        let (kept, dropped) = Self.keep(old, losing: losses, minimum: options.minimumSharedKeys)
        return (kept, pairs, pairsShared, dropped)
    }

    /// The index's key tables, whole and verified (per run, per band group): the look-ups of an
    /// addition read nearly all of them.
    private func verifiedKeyTables(of archive: StoryArchive) throws(ArchiveError) -> [[VerifiedKeyTable]] {
        var tables: [[VerifiedKeyTable]] = []
        for run in archive.manifest.runs {
            var groups: [VerifiedKeyTable] = []
            for table in run.groups { groups.append(try VerifiedKeyTable(table, of: archive.map, articles: archive.count, threads: options.threads)) }
            tables.append(groups)
        }
        return tables
    }

    /// The pair occurrences the new bucket entries `fresh` (per group, sorted by bucket) bring
    /// with the archived members of their buckets (`keyTables`), and the occurrences old pairs
    /// lose (sorted), on all threads over bucket-aligned pieces.
    ///
    /// - Complexity: one index look-up per distinct new key, and the pairs each bucket gives.
    private func bucketOccurrences(
        _ fresh: [[UInt64]], in keyTables: [[VerifiedKeyTable]]
    ) throws(ArchiveError) -> (occurrences: [[UInt64]], losses: [UInt64]) {
        let limit = options.maximumBucket
        var pieces: [(group: Int, range: Range<Int>)] = []
        for (g, entries) in fresh.enumerated() {
            let step = max(1, entries.count / (8 * Parallel.threadCount(options.threads)) + 1)
            var start = 0
            while start < entries.count {
                var end = min(entries.count, start + step)
                while end < entries.count && entries[end] >> 24 == entries[end - 1] >> 24 { end += 1 }
                pieces.append((g, start..<end))
                start = end
            }
        }
        let frozen = pieces
        let results = Parallel.mapChunks(count: frozen.count, threads: options.threads, minimumChunk: 1) { chunk -> Result<([UInt64], [UInt64]), ArchiveError> in
            var occurrences: [UInt64] = [], losses: [UInt64] = []
            var members: [Int] = []
            do throws(ArchiveError) {
                for p in chunk {
                    let (g, range) = frozen[p]
                    let entries = fresh[g]
                    var k = range.lowerBound
                    while k < range.upperBound {
                        let bucket = entries[k] >> 24
                        var end = k + 1
                        while end < range.upperBound && entries[end] >> 24 == bucket { end += 1 }
                        members.removeAll(keepingCapacity: true)
                        // All the bucket's archived articles up to the limit + 1 (a star needs
                        // only the first: ``count(bucket:old:listed:limit:occurrences:losses:)``).
                        var old = 0
                        for run in keyTables {
                            old += try run[g].appendMembers(ofBucket: bucket, upTo: limit + 1 - members.count, to: &members)
                        }
                        let listed = members.count
                        for x in k..<end { members.append(Int(entries[x] & 0xFF_FFFF)) }
                        Self.count(bucket: members, old: old, listed: listed, limit: limit, occurrences: &occurrences, losses: &losses)
                        k = end
                    }
                }
            } catch {
                return .failure(error)
            }
            return .success((occurrences, losses))
        }
        var occurrences: [[UInt64]] = [], losses: [UInt64] = []
        for result in results {
            let (o, l) = try result.get()
            occurrences.append(o)
            losses += l
        }
        RadixSort.sort(&losses)
        return (occurrences, losses)
    }

    /// The old candidate pairs less the shared keys they lost (`losses`: one occurrence per key
    /// lost, sorted): those still at `minimum` kept with their counts and verdicts, the rest
    /// dropped.
    ///
    /// - Complexity: O(P + L) for P old pairs and L losses: both lists are sorted, so they are
    ///   merged in one pass (a binary search per loss was 9% of the instructions of adding 10k
    ///   articles to 990k).
    static func keep(
        _ old: (pairs: [UInt64], shared: [UInt16], verdicts: [Double]), losing losses: [UInt64], minimum: Int
    ) -> (kept: ArchiveState, dropped: [UInt64]) {
        var shared = old.shared
        var k = 0
        forEachRun(losses) { pair, n in
            while k < old.pairs.count && old.pairs[k] < pair { k += 1 }
            if k < old.pairs.count && old.pairs[k] == pair { shared[k] = UInt16(max(0, Int(shared[k]) - n)) }
        }
        var kept = ArchiveState()
        var dropped: [UInt64] = []
        for k in old.pairs.indices {
            guard Int(shared[k]) >= minimum else {
                dropped.append(old.pairs[k])
                continue
            }
            kept.pairs.append(old.pairs[k])
            kept.shared.append(shared[k])
            kept.verdicts.append(old.verdicts[k])
        }
        return (kept, dropped)
    }

    /// The pair occurrences a bucket's new members bring, and the occurrences old pairs lose
    /// when the bucket grows past `limit`. The bucket held `old` archived articles; `members`
    /// lists the first `listed` of them (all when `old` is at most `limit`; else at least the
    /// first, all a star needs), then the new ones, each part ascending.
    static func count(bucket members: [Int], old: Int, listed: Int, limit: Int, occurrences: inout [UInt64], losses: inout [UInt64]) {
        let total = old + members.count - listed
        if total <= limit {
            // Still a clique: every pair with a new member.
            for y in listed..<members.count {
                for x in 0..<y { occurrences.append(PackedPair.pack(members[x], members[y])) }
            }
            return
        }
        // A star around the bucket's first article.
        let first = members[0]
        for y in max(1, listed)..<members.count { occurrences.append(PackedPair.pack(first, members[y])) }
        if old > 1 && old <= limit {
            // It was a clique: the old pairs without the first article lose this key.
            for x in 1..<old {
                for y in x + 1..<old { losses.append(PackedPair.pack(members[x], members[y])) }
            }
        }
    }

    /// The pairs occurring at least `minimum` times in `parts` (each `high << 32 | low`, `low`
    /// one of the new articles `first ..< first + count`, `high` below `articles + count`),
    /// ascending, with how often each occurs. Grouped by new article (a counting sort), then
    /// counted per group in a table indexed by the other article, on `threads` threads: no
    /// sort of the millions of occurrences, only of the pairs found.
    ///
    /// - Complexity: O(p + c + f log f) for p occurrences and f pairs found.
    static func counted(
        _ parts: [[UInt64]], first: Int, count: Int, articles: Int, minimum: Int, threads: Int
    ) -> (pairs: [UInt64], shared: [UInt16]) {
        var starts = [Int](repeating: 0, count: count + 1)
        for part in parts {
            for p in part { starts[PackedPair.low(p) - first + 1] += 1 }
        }
        for k in 0..<count { starts[k + 1] += starts[k] }
        var partners = [UInt32](repeating: 0, count: starts[count])
        var fill = Array(starts[0..<count])
        for part in parts {
            for p in part {
                let k = PackedPair.low(p) - first
                partners[fill[k]] = UInt32(PackedPair.high(p))
                fill[k] += 1
            }
        }
        let grouped = partners, offsets = starts
        let chunks = Parallel.mapChunks(count: count, threads: threads) { range -> [(pair: UInt64, shared: UInt16)] in
            var tally = [UInt32](repeating: 0, count: articles + count)
            var touched: [Int] = []
            var found: [(pair: UInt64, shared: UInt16)] = []
            for k in range {
                for x in grouped[offsets[k]..<offsets[k + 1]] {
                    if tally[Int(x)] == 0 { touched.append(Int(x)) }
                    tally[Int(x)] += 1
                }
                for x in touched {
                    if tally[x] >= minimum { found.append((PackedPair.pack(x, first + k), UInt16(clamping: tally[x]))) }
                    tally[x] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
            return found
        }
        var found = Array(chunks.joined())
        found.sort { $0.pair < $1.pair }
        return (found.map(\.pair), found.map(\.shared))
    }

    /// Calls `body` with each distinct value of a sorted array and how often it occurs.
    static func forEachRun(_ sorted: [UInt64], _ body: (UInt64, Int) -> Void) {
        var k = 0
        while k < sorted.count {
            var end = k + 1
            while end < sorted.count && sorted[end] == sorted[k] { end += 1 }
            body(sorted[k], end - k)
            k = end
        }
    }

    // MARK: - Verdicts

    /// The verdicts of `pairs` (ascending): `known(pair)` where it has one, else measured, in
    /// parallel (each first article's table built once for its pairs).
    func verdicts(of pairs: [UInt64], features: Features, known: @Sendable (UInt64) -> Double? = { _ in nil }) throws(ArchiveError) -> [Double] {
        let verifier = PairVerifier(options: options)
        let chunks = Parallel.mapChunks(count: pairs.count, threads: options.threads) { range -> Result<[Double], ArchiveError> in
            var scratch = PairVerifier.Scratch()
            var result: [Double] = []
            result.reserveCapacity(range.count)
            var current = -1
            var first: StoryFeatures?
            do throws(ArchiveError) {
                for k in range {
                    if let verdict = known(pairs[k]) {
                        result.append(verdict)
                        continue
                    }
                    let (a, b) = PackedPair.unpack(pairs[k])
                    if a != current {
                        current = a
                        first = try features(a)
                    }
                    let e = verifier.evidence(first!, try features(b), firstKey: a, scratch: &scratch)
                    result.append(e.storyStrength ?? .nan)
                }
            } catch {
                return .failure(error)
            }
            return .success(result)
        }
        var verdicts: [Double] = []
        verdicts.reserveCapacity(pairs.count)
        for chunk in chunks { verdicts += try chunk.get() }
        return verdicts
    }

    // MARK: - Order and stories

    /// `order` (old articles in representative order) with articles `first..<first + count`
    /// merged in where ``RepresentativeOrder`` puts them.
    ///
    /// - Complexity: O(m log m) for m new articles, plus O(log g) reads of old articles for
    ///   each, g the old articles between it and the previous new one (a galloping search from
    ///   there; each read is a checksummed point read of the archive).
    static func order(_ order: [Int], adding count: Int, first: Int, article: (Int) throws(ArchiveError) -> RepresentativeOrder.Article) throws(ArchiveError) -> [Int] {
        var fresh: [RepresentativeOrder.Article] = []
        for i in first..<first + count { fresh.append(try article(i)) }
        fresh.sort(by: RepresentativeOrder.precedes)
        // Where each new article goes among the old ones; new articles ascend, so each search
        // starts where the last one ended and gallops: every old article before `low` comes
        // first, the one at `high` (if any) does not.
        var result: [Int] = []
        result.reserveCapacity(order.count + count)
        var taken = 0
        for a in fresh {
            var low = taken, high = taken, step = 1
            while high < order.count, RepresentativeOrder.precedes(try article(order[high]), a) {
                low = high + 1
                high = taken + step
                step *= 2
            }
            high = min(high, order.count)
            while low < high {
                let mid = (low + high) / 2
                if RepresentativeOrder.precedes(try article(order[mid]), a) { low = mid + 1 } else { high = mid }
            }
            result += order[taken..<low]
            result.append(a.index)
            taken = low
        }
        result += order[taken...]
        return result
    }

    /// Clusters all `count` articles of `state` (its pairs, verdicts and order) into stories,
    /// measuring what clustering asks beyond the recorded verdicts (and recording it in
    /// `state.asked`); returns each article's representative.
    func cluster(_ state: inout ArchiveState, count n: Int, features: Features) throws(ArchiveError) -> [Int] {
        let graph = CandidateGraph(count: n, pairs: state.pairs)
        let verifier = PairVerifier(options: options)
        var measured: [UInt64: Double] = [:]
        var failure: ArchiveError?
        var scratch = PairVerifier.Scratch()
        let verdicts = state.verdicts, asked = state.asked
        let assignments = StoryClusterer.cluster(order: state.order, neighbors: graph) { x, c in
            let verdict: Double
            if let p = graph.pair(x, c) {
                verdict = verdicts[p]
            } else if let known = asked[ArchiveState.key(x, c)] ?? measured[ArchiveState.key(x, c)] {
                verdict = known
            } else {
                do throws(ArchiveError) {
                    let e = verifier.evidence(try features(c), try features(x), firstKey: c, scratch: &scratch)
                    verdict = e.storyStrength ?? .nan
                } catch {
                    failure = failure ?? error
                    verdict = .nan
                }
                measured[ArchiveState.key(x, c)] = verdict
            }
            return verdict.isNaN ? nil : verdict
        }
        if let failure { throw failure }
        state.asked.insert(measured)
        return assignments.map(\.representative)
    }

    /// The evidence of each of `articles` against its representative, seen from the article
    /// (measured from the representative's side, as ``Deduplicator`` measures it); `nil` for
    /// a representative.
    func evidence(of articles: [Int], representatives: [Int], features: Features) throws(ArchiveError) -> [PairEvidence?] {
        // Grouped by representative, so each representative's table is built once.
        let sorted = articles.indices.sorted { (representatives[articles[$0]], articles[$0]) < (representatives[articles[$1]], articles[$1]) }
        let verifier = PairVerifier(options: options)
        let chunks = Parallel.mapChunks(count: sorted.count, threads: options.threads) { range -> Result<[PairEvidence?], ArchiveError> in
            var scratch = PairVerifier.Scratch()
            var result: [PairEvidence?] = []
            do throws(ArchiveError) {
                for k in range {
                    let m = articles[sorted[k]], r = representatives[m]
                    result.append(m == r ? nil : verifier.evidence(try features(r), try features(m), firstKey: r, scratch: &scratch).swapped)
                }
            } catch {
                return .failure(error)
            }
            return .success(result)
        }
        var result = [PairEvidence?](repeating: nil, count: articles.count)
        var k = 0
        for chunk in chunks {
            for e in try chunk.get() {
                result[sorted[k]] = e
                k += 1
            }
        }
        return result
    }
}
