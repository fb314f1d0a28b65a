import Testing
@testable import WireDiff

@Suite struct RadixSortTests {
    @Test(arguments: [0, 1, 255, 256, 1000, 70_000, 300_000])
    func sortsLikeTheStandardLibrary(count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        var values = (0..<count).map { i in i % 3 == 0 ? generator.next() : generator.next() >> 40 }
        let expected = values.sorted()
        RadixSort.sort(&values)
        #expect(values == expected)
    }
}
