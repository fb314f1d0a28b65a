import Testing
@testable import WireDiff

@Suite struct BucketSortTests {
    @Test(arguments: [0, 1, 2, 47, 48, 63, 64, 65, 500, 4096, 10_000])
    func sortAndDeduplicateMatchesSetSemantics(count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        // Hash-like values with duplicates, plus a crowded low bucket (non-hash input).
        var values = (0..<count).map { _ in generator.next() }
        values += values.prefix(count / 3)
        values += (0..<UInt64(count / 4)).map { $0 % 50 }
        values.shuffle(using: &generator)
        let expected = Set(values).sorted()
        let sorter = BucketSort<UInt64>()
        sorter.sortAndDeduplicate(&values)
        #expect(values == expected)
        // 32-bit keys, sorted after a prefix that is left alone; the sorter is reused.
        var keys: [UInt32] = [9, 7] + values.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        let keySorter = BucketSort<UInt32>()
        keySorter.sortAndDeduplicate(&keys, from: 2)
        #expect(keys == [9, 7] + Set(values.map { UInt32(truncatingIfNeeded: $0 >> 32) }).sorted())
        keySorter.sortAndDeduplicate(&keys, from: 0)
        #expect(keys == Set(keys).sorted())
    }

    /// Sorting by a key keeps equal keys in their order, on hash-like keys, on few distinct
    /// keys and on one key throughout (the crowded-bucket fallback).
    @Test(arguments: [0, 1, 2, 5, 47, 48, 100, 1000, 20_000])
    func sortByKeyIsAStableSort(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        for distinct in [UInt64.max, 7, 1] {
            var values = (0..<count).map { i in (distinct == .max ? rng.next() : rng.next() % distinct, i) }
            let expected = values.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            BucketSort<(UInt64, Int)>.sort(&values) { $0.0 }
            #expect(values.map(\.0) == expected.map(\.0))
            #expect(values.map(\.1) == expected.map(\.1))
        }
    }
}
