import Foundation
import Testing
@testable import WireDiff

/// Golden values: hashes and signatures must be identical on every run, process and machine,
/// because signatures are persisted and compared across runs. A change here is a format change.
@Suite struct StabilityTests {
    @Test func stableHashGoldenValues() {
        #expect(StableHash.hash("") == 9_071_725_088_682_436_940)
        #expect(StableHash.hash("hezbollah") == 17_248_103_956_271_054_027)
        #expect(StableHash.hash("The quick brown fox jumps over the lazy dog", seed: 7) == 3_309_602_028_767_875_743)
        #expect(StableHash.combine(1, 2) == 5_919_119_398_640_164_498)
    }

    @Test func splitMixGoldenSequence() {
        var generator = SplitMix64(seed: 1)
        #expect((0..<3).map { _ in generator.next() } == [0x910a_2dec_8902_5cc1, 13_757_245_211_066_428_519, 17_911_839_290_282_890_590])  // SplitMix64 reference: seed 1 → 0x910a2dec89025cc1
    }

    /// The bucket keys of a sample article: what archives store and what `dedup` and the
    /// Spark stages group articles by.
    @Test func bucketKeysOfASampleArticleArePinned() throws {
        let url = Repository.samples.appendingPathComponent("wire.txt")
        let document = Document(id: "wire", text: try String(contentsOf: url, encoding: .utf8))
        let options = DedupOptions()
        var sketcher = PassageSketcher(options: options)
        let keys = sketcher.bucketKeys(of: StoryFeatures.read(document, options: options).features, bandsPerGroup: 4)
        // Depends on the text pipeline too: re-pin only on purpose, with a CHANGELOG line.
        #expect(keys.count == 136)
        #expect(keys.withUnsafeBytes { StableHash.hash($0) } == 7_175_466_724_894_505_925)
    }
}
