import Testing
@testable import WireDiff

/// Each SWAR test against its byte-by-byte definition, on random words and on words built from
/// the edge bytes (0, the tested values and their neighbours, 0x7f, 0x80, 0xff).
@Suite struct SWARTests {
    private static let edges: [UInt8] = [0, 1, 0x1f, 0x20, 0x21, 0x22, 0x2e, 0x5c, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0x7f, 0x80, 0xe2, 0xff]

    private static func words() -> [UInt64] {
        var rng = SplitMix64(seed: 42)
        var out = (0..<2000).map { _ in rng.next() }
        for _ in 0..<4000 {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(edges[Int(rng.next() % UInt64(edges.count))]) << (8 * k) }
            out.append(w)
        }
        return out
    }

    private static func bytes(_ w: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: w >> (8 * $0)) } }

    private static func mask(_ w: UInt64, _ test: (UInt8) -> Bool) -> UInt64 {
        var m: UInt64 = 0
        for (k, b) in bytes(w).enumerated() where test(b) { m |= 0x80 << (8 * k) }
        return m
    }

    @Test func exactTestsMarkExactlyThePassingBytes() {
        for w in Self.words() {
            #expect(SWAR.zeroBytes(w) == Self.mask(w) { $0 == 0 })
            for b: UInt8 in [0x2e, 0x22, 0xe2, 0] {
                #expect(SWAR.bytes(w, equalTo: b) == Self.mask(w) { $0 == b })
            }
            for (lo, hi): (UInt8, UInt8) in [(0x60, 0x7b), (0x40, 0x5b), (0x2f, 0x3a), (0, 0x80)] {
                #expect(SWAR.asciiBytes(w, above: lo, below: hi) == Self.mask(w) { $0 > lo && $0 < hi })
            }
            #expect(SWAR.count(Self.mask(w) { $0 < 0x80 }) == Self.bytes(w).filter { $0 < 0x80 }.count)
        }
    }

    @Test func anyTestsAnswerYesOrNoExactly() {
        for w in Self.words() {
            #expect((SWAR.anyZeroByte(w) != 0) == Self.bytes(w).contains(0))
            for n: UInt8 in [0x20, 0x01, 0x80] {
                #expect((SWAR.anyByte(w, below: n) != 0) == Self.bytes(w).contains { $0 < n })
            }
        }
    }

    @Test func broadcastRepeatsTheByte() {
        #expect(SWAR.broadcast(0x2e) == 0x2e2e_2e2e_2e2e_2e2e)
        #expect(SWAR.broadcast(0) == 0 && SWAR.broadcast(0xff) == .max)
    }
}
