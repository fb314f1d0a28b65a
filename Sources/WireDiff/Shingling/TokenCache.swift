/// A small open-addressing hash table from a token's hash to what shingling needs to know about
/// the word: its stem hash, whether it is a stopword, and (for character shingles) where its
/// normalized bytes are kept.
///
/// Owned by one ``Shingler`` (never global), so no locking. A word's normalized form and stem
/// are computed once per distinct token hash. Token hashes are already uniform, so their low
/// bits pick the slot directly; probing is linear over a dense `[UInt64]` of keys (0 = empty;
/// the key 0 itself lives in an extra slot at the end). The table grows by doubling up to
/// `maxCapacity` slots; past that it is cleared and refilled, which bounds memory on huge
/// vocabularies.
///
/// - Complexity: O(1) expected per lookup (linear probing, load ≤ 1/2).
struct TokenCache: Sendable {
    /// Keys by slot; 0 marks an empty slot. Count `capacity + 1` (last slot: key 0).
    private(set) var keys: [UInt64]
    /// Stem hashes by slot.
    private(set) var stems: [UInt64]
    /// By slot: bit 63 stopword; bits 32…62 arena offset; bits 0…31 byte length.
    private(set) var spans: [UInt64]
    private var zeroKeyPresent = false
    private(set) var count = 0
    /// Normalized bytes of cached words, addressed by ``offset(at:)`` and ``length(at:)``.
    private(set) var arena: [UInt8] = []
    let maxCapacity: Int

    /// `capacity` and `maxCapacity` must be powers of two.
    init(capacity: Int = 1 << 12, maxCapacity: Int = 1 << 18) {
        precondition(capacity > 0 && capacity & (capacity - 1) == 0, "capacity must be a power of two")
        keys = Array(repeating: 0, count: capacity + 1)
        stems = Array(repeating: 0, count: capacity + 1)
        spans = Array(repeating: 0, count: capacity + 1)
        self.maxCapacity = maxCapacity
    }

    private var capacity: Int { keys.count - 1 }

    /// The slot holding `key`, or `nil` if it is absent.
    @inline(__always)
    func find(_ key: UInt64) -> Int? {
        if key == 0 { return zeroKeyPresent ? capacity : nil }
        let mask = capacity - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        return keys.withUnsafeBufferPointer { k in
            while true {
                let stored = k[slot]
                if stored == key { return slot }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always) func stem(at slot: Int) -> UInt64 { stems[slot] }
    @inline(__always) func isStopword(at slot: Int) -> Bool { spans[slot] >> 63 != 0 }
    @inline(__always) func offset(at slot: Int) -> Int { Int(truncatingIfNeeded: (spans[slot] >> 32) & 0x7FFF_FFFF) }
    @inline(__always) func length(at slot: Int) -> Int { Int(truncatingIfNeeded: spans[slot] & 0xFFFF_FFFF) }

    /// Inserts an entry for `key` (known to be absent) and returns its slot.
    mutating func insert(key: UInt64, stem: UInt64, stopword: Bool, normalized: UnsafeBufferPointer<UInt8>?) -> Int {
        if (count + 1) * 2 > capacity {
            if capacity >= maxCapacity {
                self = TokenCache(capacity: capacity, maxCapacity: maxCapacity)
            } else {
                grow()
            }
        }
        var span: UInt64 = stopword ? 1 << 63 : 0
        if let normalized {
            if arena.count + normalized.count >= 1 << 31 { arena.removeAll(keepingCapacity: true) }
            span |= UInt64(arena.count) << 32 | UInt64(normalized.count)
            arena.append(contentsOf: normalized)
        }
        let slot: Int
        if key == 0 {
            slot = capacity
            zeroKeyPresent = true
        } else {
            let mask = capacity - 1
            var s = Int(truncatingIfNeeded: key) & mask
            while keys[s] != 0 { s = (s + 1) & mask }
            slot = s
        }
        keys[slot] = key
        stems[slot] = stem
        spans[slot] = span
        count += 1
        return slot
    }

    private mutating func grow() {
        let oldKeys = keys, oldStems = stems, oldSpans = spans
        let oldCapacity = capacity
        let newCapacity = oldCapacity * 2
        keys = Array(repeating: 0, count: newCapacity + 1)
        stems = Array(repeating: 0, count: newCapacity + 1)
        spans = Array(repeating: 0, count: newCapacity + 1)
        let mask = newCapacity - 1
        for old in 0..<oldCapacity where oldKeys[old] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[old]) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[old]
            stems[slot] = oldStems[old]
            spans[slot] = oldSpans[old]
        }
        // The key-0 entry moves to the new last slot.
        stems[newCapacity] = oldStems[oldCapacity]
        spans[newCapacity] = oldSpans[oldCapacity]
    }
}
