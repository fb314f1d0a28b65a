/// A small open-addressing hash table from a token's hash to what shingling needs to know about
/// the word: its stem hash, whether it is a stopword, and (for character shingles) its
/// normalized bytes.
///
/// Owned by one ``Shingler`` (never global), so no locking. A word's normalized form and stem
/// are computed once per distinct token hash. The table grows by doubling up to `maxCapacity`
/// slots; past that it is cleared and refilled, which bounds memory on huge vocabularies.
///
/// - Complexity: O(1) expected per lookup (linear probing, load ≤ 1/2).
struct TokenCache: Sendable {
    struct Entry: Sendable {
        var key: UInt64 = 0
        var stem: UInt64 = 0
        var offset: UInt32 = 0
        var length: UInt32 = 0
        /// bit 0: occupied, bit 1: stopword.
        var flags: UInt8 = 0
    }

    private(set) var entries: [Entry]
    private(set) var count = 0
    /// Normalized bytes of cached words, addressed by `Entry.offset`/`length`.
    private(set) var arena: [UInt8] = []
    let maxCapacity: Int

    init(capacity: Int = 1 << 12, maxCapacity: Int = 1 << 18) {
        entries = Array(repeating: Entry(), count: capacity)
        self.maxCapacity = maxCapacity
    }

    /// The slot holding `key`, or `nil` if it is absent.
    @inline(__always)
    func find(_ key: UInt64) -> Int? {
        let mask = entries.count - 1
        var slot = Int(truncatingIfNeeded: StableHash.mix(key)) & mask
        return entries.withUnsafeBufferPointer { e in
            while true {
                let entry = e[slot]
                if entry.flags & 1 == 0 { return nil }
                if entry.key == key { return slot }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    subscript(slot: Int) -> Entry { entries[slot] }

    /// Inserts an entry for `key` (known to be absent) and returns its slot.
    mutating func insert(key: UInt64, stem: UInt64, stopword: Bool, normalized: UnsafeBufferPointer<UInt8>?) -> Int {
        if (count + 1) * 2 > entries.count {
            if entries.count >= maxCapacity {
                entries = Array(repeating: Entry(), count: entries.count)
                arena.removeAll(keepingCapacity: true)
                count = 0
            } else {
                grow()
            }
        }
        var entry = Entry(key: key, stem: stem, flags: stopword ? 3 : 1)
        if let normalized {
            entry.offset = UInt32(truncatingIfNeeded: arena.count)
            entry.length = UInt32(truncatingIfNeeded: normalized.count)
            arena.append(contentsOf: normalized)
        }
        let mask = entries.count - 1
        var slot = Int(truncatingIfNeeded: StableHash.mix(key)) & mask
        while entries[slot].flags & 1 != 0 { slot = (slot + 1) & mask }
        entries[slot] = entry
        count += 1
        return slot
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(), count: old.count * 2)
        let mask = entries.count - 1
        for entry in old where entry.flags & 1 != 0 {
            var slot = Int(truncatingIfNeeded: StableHash.mix(entry.key)) & mask
            while entries[slot].flags & 1 != 0 { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }
}
