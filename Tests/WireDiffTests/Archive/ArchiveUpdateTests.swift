import Testing
@testable import WireDiff

/// The pieces of an addition that are plain list arithmetic, against their definitions.
struct ArchiveUpdateTests {
    /// `keep` lowers each old pair's shared keys by its losses and keeps the pairs still at the
    /// minimum, as a look-up of every loss would; losses of pairs that are not old pairs count
    /// for nothing.
    @Test(arguments: [1, 2, 3, 4, 5])
    func keepingOldPairsIsTheDefinition(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pairs = Array(Set((0..<300).map { _ in PackedPair.ordered(Int(random.next() % 40), 40 + Int(random.next() % 40)) })).sorted()
        let shared = pairs.map { _ in UInt16(5 + random.next() % 4) }
        let verdicts = pairs.indices.map { Double($0) }
        // Losses: some of the old pairs, several times each, and some pairs that are not old.
        var losses: [UInt64] = []
        for _ in 0..<400 {
            losses.append(random.next() % 3 == 0 ? PackedPair.pack(100 + Int(random.next() % 5), 200) : pairs[Int(random.next() % UInt64(pairs.count))])
        }
        losses.sort()
        let (kept, dropped) = ArchiveUpdate.keep((pairs, shared, verdicts), losing: losses, minimum: 5)

        var expectedPairs: [UInt64] = [], expectedShared: [UInt16] = [], expectedVerdicts: [Double] = [], expectedDropped: [UInt64] = []
        for (k, pair) in pairs.enumerated() {
            let left = Int(shared[k]) - losses.filter { $0 == pair }.count
            if left >= 5 {
                expectedPairs.append(pair)
                expectedShared.append(UInt16(left))
                expectedVerdicts.append(verdicts[k])
            } else {
                expectedDropped.append(pair)
            }
        }
        #expect(!expectedDropped.isEmpty && !expectedPairs.isEmpty)
        #expect(kept.pairs == expectedPairs)
        #expect(kept.shared == expectedShared)
        #expect(kept.verdicts == expectedVerdicts)
        #expect(dropped == expectedDropped)
    }
}

extension ArchiveUpdateTests {
    /// New articles merged into the representative order land where sorting everything puts
    /// them, wherever they fall: spread among the old ones, all after them (a day's feed), all
    /// before, or bunched.
    @Test(arguments: [(1, 0), (2, 1), (3, 2), (4, 3)])
    func newArticlesTakeTheirPlaceInTheOrder(seed: UInt64, layout: Int) throws {
        var random = SplitMix64(seed: seed)
        let old = 500, added = layout == 3 ? 40 : 60
        func day(_ i: Int) -> Int {
            guard i >= old else { return Int(random.next() % 1000) }
            switch layout {
            case 1: return 2000 + Int(random.next() % 50)  // after every old article
            case 2: return -1 - Int(random.next() % 50)  // before every old article
            case 3: return 400 + Int(random.next() % 3)  // bunched in one place
            default: return Int(random.next() % 1000)
            }
        }
        let days = (0..<(old + added)).map(day)
        let articles = days.enumerated().map { i, d in
            let date = String(1_000_000 + d)  // seven digits: text order is day order
            return RepresentativeOrder.Article(
                index: i, key: RepresentativeOrder.Key(date: date, sentences: 5 + i % 7, distinct: 40 + i % 11), date: date)
        }
        let sorted = { (ids: [Int]) in ids.sorted { RepresentativeOrder.precedes(articles[$0], articles[$1]) } }
        var reads = 0
        let merged = try ArchiveUpdate.order(sorted(Array(0..<old)), adding: added, first: old) { i throws(ArchiveError) in
            reads += 1
            return articles[i]
        }
        #expect(merged == sorted(Array(0..<(old + added))))
        if layout == 3 { #expect(reads < added + 20 + 5 * added, "\(reads) reads") }  // bunched: a few per article after the first (a search from the start: ~9 each)
    }
}
