/// A small, immutable open-addressing table from packed words (up to 8 ASCII bytes in a
/// `UInt64`, see ``SentenceSplitter/key(_:_:_:)``) to a small value, for the splitter's
/// abbreviation and opener lists.
///
/// Lookups cost one multiply and usually one probe, far less than `Dictionary`'s SipHash; the
/// table is only read in-process, so its layout is never persisted. Its arrays are
/// ``ImmortalTable``s: build one only as a table the process keeps.
struct KeyTable: Sendable {
    /// Keys (0 = empty slot) and values.
    private let keys: ImmortalTable<UInt64>
    private let values: ImmortalTable<UInt8>
    private let shift: UInt64
    private let mask: Int

    /// Builds a table holding `entries` (keys must be non-zero; of a key given twice, the last
    /// value stays).
    init(_ entries: [(UInt64, UInt8)]) {
        var bits = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        let size = 1 << bits
        var keys = [UInt64](repeating: 0, count: size)
        var values = [UInt8](repeating: 0, count: size)
        shift = UInt64(64 - bits)
        mask = size - 1
        for (key, value) in entries {
            var slot = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) &>> shift)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = ImmortalTable(keys)
        self.values = ImmortalTable(values)
    }

    /// A set of keys (each stored with the value 1).
    init(keys: Set<UInt64>) {
        self.init(keys.sorted().map { ($0, 1) })
    }

    /// The value stored for `key`, or `nil`.
    @inline(__always)
    func value(_ key: UInt64) -> UInt8? {
        var slot = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) &>> shift)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { value(key) != nil }
}
