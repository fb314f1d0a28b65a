/// An open-addressing hash map from a nonzero 64-bit band key to the first slot (`Int32`) of
/// its bucket in an ``LSHIndex``.
///
/// Band keys are already uniform `StableHash` values, so their low bits pick the slot with no
/// further hashing (a `Dictionary` would run SipHash on every probe). Linear probing over two
/// flat arrays (12 bytes a slot), load ≤ 4/5, and backward-shift deletion (no tombstones).
/// Key 0 marks an empty slot; ``LSHIndex`` never produces it.
///
/// - Complexity: O(1) expected per operation.
/// - SeeAlso: Knuth, *TAOCP* vol. 3, §6.4, Algorithm R (deletion with linear probing).
struct BandTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
    }

    @inline(__always) private var mask: Int { keys.count - 1 }

    @inline(__always)
    private func slot(of key: UInt64) -> (slot: Int, found: Bool) {
        let mask = self.mask
        var slot = Int(truncatingIfNeeded: key) & mask
        return keys.withUnsafeBufferPointer { k in
            while true {
                let stored = k[slot]
                if stored == key { return (slot, true) }
                if stored == 0 { return (slot, false) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value for `key`, or `nil`.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let (slot, found) = slot(of: key)
        return found ? values[slot] : nil
    }

    /// Sets the value for `key` (nonzero), inserting it if absent.
    mutating func set(_ key: UInt64, _ value: Int32) {
        precondition(key != 0, "BandTable keys must be nonzero")
        var (slot, found) = slot(of: key)
        if !found {
            if (count + 1) * 5 > keys.count * 4 {
                grow()
                slot = self.slot(of: key).slot
            }
            keys[slot] = key
            count += 1
        }
        values[slot] = value
    }

    /// Removes `key` if present, shifting later entries of its probe run back.
    mutating func remove(_ key: UInt64) {
        var (hole, found) = slot(of: key)
        guard found else { return }
        let mask = self.mask
        var next = (hole + 1) & mask
        while keys[next] != 0 {
            let home = Int(truncatingIfNeeded: keys[next]) & mask
            // Move `next` into the hole unless its home lies cyclically in (hole, next].
            let distanceToNext = (next - home) & mask
            let distanceToHole = (next - hole) & mask
            if distanceToNext >= distanceToHole {
                keys[hole] = keys[next]
                values[hole] = values[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        keys[hole] = 0
        values[hole] = -1
        count -= 1
    }

    /// Calls `body` with every stored value, in slot order.
    func forEachValue(_ body: (Int32) -> Void) {
        for slot in 0..<keys.count where keys[slot] != 0 { body(values[slot]) }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        let mask = self.mask
        for old in 0..<oldKeys.count where oldKeys[old] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[old]) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[old]
            values[slot] = oldValues[old]
        }
    }
}
