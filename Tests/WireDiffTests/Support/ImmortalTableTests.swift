import Testing
@testable import WireDiff

@Suite struct ImmortalTableTests {
    @Test func holdsTheElementsGivenInOrder() {
        let table = ImmortalTable([3, 1, 4, 1, 5] as [UInt16])
        #expect((0..<5).map { table[$0] } == [3, 1, 4, 1, 5])
        // A copy is one pointer to the same memory.
        let copy = table
        #expect(copy.base == table.base)
        #expect(MemoryLayout<ImmortalTable<UInt16>>.size == MemoryLayout<UnsafePointer<UInt16>>.size)
    }

    @Test func anEmptyTableStillHasAnAddress() {
        let table = ImmortalTable([] as [Int])
        #expect(table.base != ImmortalTable([] as [Int]).base)
    }

    @Test func holdsStructsBuiltFromAnyCollection() {
        struct Pair: Equatable { let a: Int, b: UInt8 }
        let table = ImmortalTable((0..<300).lazy.map { Pair(a: $0, b: UInt8($0 % 256)) })
        #expect(table[0] == Pair(a: 0, b: 0) && table[299] == Pair(a: 299, b: 43))
    }
}
