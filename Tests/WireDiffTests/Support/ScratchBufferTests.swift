import Testing
@testable import WireDiff

@Suite struct ScratchBufferTests {
    @Test func growsToAtLeastTwiceFilledAndKeepsContentsOtherwise() {
        let buffer = ScratchBuffer<Int32>()
        #expect(buffer.count == 0)
        #expect(buffer.ensure(5, filledWith: -1))
        #expect(buffer.count == 5 && (0..<5).allSatisfy { buffer.pointer[$0] == -1 })
        buffer.pointer[2] = 7
        #expect(!buffer.ensure(4, filledWith: 0))  // big enough: untouched
        #expect(buffer.pointer[2] == 7)
        #expect(buffer.ensure(6, filledWith: 3))  // grows to twice, old contents dropped
        #expect(buffer.count == 10 && (0..<10).allSatisfy { buffer.pointer[$0] == 3 })
        buffer.fill(9, count: 4)
        #expect((0..<10).map { buffer.pointer[$0] } == [9, 9, 9, 9, 3, 3, 3, 3, 3, 3])
        buffer.fill(0)
        #expect((0..<10).allSatisfy { buffer.pointer[$0] == 0 })
    }

    /// A scratch reused over pairs of different sizes gives the evidence a fresh one gives.
    @Test func reusedVerifierScratchAnswersAsAFreshOne() throws {
        let records = try CorpusReader().read(paths: [Repository.samples.path])
        let features = FeatureStore(records, kind: DedupOptions().shingleKind, minimumShingles: DedupOptions().minimumSentenceShingles, textOptions: TextOptions(), threads: 1)
        let verifier = PairVerifier()
        var scratch = PairVerifier.Scratch()
        for i in 0..<features.count {
            for j in 0..<features.count where i != j {
                #expect(verifier.evidence(features[i], features[j], scratch: &scratch) == verifier.evidence(features[i], features[j]))
            }
        }
    }
}
