import Testing
@testable import WireDiff

@Suite struct ImmortalTableTests {
    @Test func holdsTheElementsGivenInOrder() {
        let table = ImmortalTable([3, 1, 4, 1, 5] as [UInt16])
        #expect(table.count == 5)
        #expect((0..<5).map { table[$0] } == [3, 1, 4, 1, 5])
        #expect(Array(table.buffer) == [3, 1, 4, 1, 5])
        // A copy reads the same memory.
        let copy = table
        #expect(copy.base == table.base)
    }

    @Test func anEmptyTableHasNoElements() {
        let table = ImmortalTable([] as [Int])
        #expect(table.count == 0 && table.buffer.isEmpty)
    }

    @Test func holdsStructsBuiltFromAnyCollection() {
        struct Pair: Equatable { let a: Int, b: UInt8 }
        let table = ImmortalTable((0..<300).lazy.map { Pair(a: $0, b: UInt8($0 % 256)) })
        #expect(table.count == 300 && table[299] == Pair(a: 299, b: 43))
    }
}
