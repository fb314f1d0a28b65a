import Testing
@testable import WireDiff

@Suite struct PackedPairTests {
    @Test func packsAndUnpacksTheWholeRange() {
        for (a, b) in [(0, 0), (1, 2), (7, 0), (Int(UInt32.max), 3), (5, Int(UInt32.max))] {
            let pair = PackedPair.pack(a, b)
            #expect(PackedPair.high(pair) == a && PackedPair.low(pair) == b)
            #expect(PackedPair.unpack(pair) == (a, b))
        }
        #expect(PackedPair.pack(3, 4) == 3 << 32 | 4)
    }

    @Test func integerOrderIsHighThenLow() {
        var random = SplitMix64(seed: 5)
        let pairs = (0..<500).map { _ in (Int(random.next() % 50), Int(random.next() % 50)) }
        let byTuple = pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { PackedPair.pack($0.0, $0.1) }
        #expect(pairs.map { PackedPair.pack($0.0, $0.1) }.sorted() == byTuple)
    }

    @Test func orderedPutsTheSmallerFirst() {
        #expect(PackedPair.ordered(9, 2) == PackedPair.pack(2, 9))
        #expect(PackedPair.ordered(2, 9) == PackedPair.pack(2, 9))
        #expect(PackedPair.ordered(4, 4) == PackedPair.pack(4, 4))
    }
}
