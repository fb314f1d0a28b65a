import Testing
@testable import WireDiff

@Suite struct CorpusUTF8ValidatorTests {
    @Test(arguments: [
        "", "plain ASCII text, long enough for the eight-byte path", "é", "€ — “quotes”", "😀", "עברית العربية Русский 中文",
        String(repeating: "abcdefg", count: 50) + "ü" + String(repeating: "x", count: 17),
    ])
    func acceptsWellFormedText(text: String) {
        #expect(UTF8Validator.firstInvalidOffset(in: Array(text.utf8)) == nil)
    }

    @Test(arguments: [
        ([0x80], 0),                        // stray continuation byte
        ([0x41, 0xC0, 0x80], 1),            // overlong NUL
        ([0xC1, 0xBF], 0),                  // overlong
        ([0xE0, 0x80, 0xAF], 0),            // overlong 3-byte
        ([0xF0, 0x80, 0x80, 0xAF], 0),      // overlong 4-byte
        ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),// surrogate U+D800
        ([0xF4, 0x90, 0x80, 0x80], 0),      // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0xFF], 0),
        ([0x61, 0xE2, 0x82], 1),            // truncated at end
        ([0xE2, 0x82, 0x41], 0),            // truncated in the middle
        ([0xC3], 0),
    ] as [([UInt8], Int)])
    func findsTheFirstIllFormedSequence(bytes: [UInt8], offset: Int) {
        #expect(UTF8Validator.firstInvalidOffset(in: bytes) == offset)
    }

    @Test func reportsOffsetsPastTheFastPath() {
        var bytes = Array(String(repeating: "x", count: 1001).utf8)
        bytes.append(0xC3)
        bytes.append(contentsOf: Array("yyyyyyyyyy".utf8))
        #expect(UTF8Validator.firstInvalidOffset(in: bytes) == 1001)
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let count = Int(rng.next() % 24)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                let r = rng.next()
                // Bias toward the interesting lead and continuation bytes.
                bytes.append(r & 3 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : [0x41, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xF4][Int(r >> 8 & 7)])
            }
            let ours = UTF8Validator.isValid(bytes)
            let stdlib = String(validating: bytes, as: UTF8.self) != nil
            #expect(ours == stdlib, "\(bytes)")
        }
    }
}
