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
