import Testing
@testable import WireDiff

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 1000])
    func mapReturnsEveryResultInIndexOrder(count: Int) {
        let expected = (0..<count).map { $0 * $0 }
        #expect(Parallel.map(count: count) { $0 * $0 } == expected)
        #expect(Parallel.map(count: count, concurrently: false) { $0 * $0 } == expected)
    }

    @Test(arguments: [1, 2, 4])
    func mapChunksCoversTheRangeInOrderOnAnyThreadCount(threads: Int) {
        let chunks = Parallel.mapChunks(count: 1000, threads: threads, minimumChunk: 10) { Array($0) }
        #expect(chunks.flatMap { $0 } == Array(0..<1000))
        #expect(Parallel.mapChunks(count: 0, threads: threads) { $0.count }.isEmpty)
    }
}
