import Testing
@testable import WireDiff

/// ``KeyTable``: the open-addressing table of packed words behind the splitter's lists and the
/// pre-filter's equality probes.
@Suite struct KeyTableTests {
    @Test func findsTheKeysItHoldsAndNoOther() {
        let entries: [(UInt64, UInt8)] = (1...200).map { (UInt64($0) &* 0x9e37_79b9_7f4a_7c15, UInt8($0 % 250)) }
        let table = KeyTable(entries)
        for (key, value) in entries { #expect(table.value(key) == value) }
        #expect(table.value(12_345) == nil)
        #expect(!table.contains(7))
    }

    @Test func aKeyGivenTwiceKeepsItsLastValue() {
        let table = KeyTable([(5, 1), (9, 2), (5, 3)])
        #expect(table.value(5) == 3)
        #expect(table.value(9) == 2)
    }

    @Test func aSetHoldsItsKeysWithTheValueOne() {
        let table = KeyTable(keys: [3, 1 << 40])
        #expect(table.value(3) == 1 && table.value(1 << 40) == 1)
        #expect(table.value(4) == nil)
    }
}
