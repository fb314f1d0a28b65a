/// A small open-addressing hash map from already-mixed 64-bit hashes to `Int32` values (word
/// statistics in alignment, record ids in ``IDRegistry``).
///
/// Keys are ``StableHash`` outputs, so their low bits are uniform and need no further hashing;
/// this avoids `Hasher` (SipHash) on the hot paths of sentence analysis.
///
/// - Complexity: O(1) expected per operation (linear probing, load ≤ 1/2).
struct UInt64Map: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var occupied: [Bool]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        occupied = Array(repeating: false, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 29)) & UInt64(mask)) }

    subscript(key: UInt64) -> Int32? {
        var i = slot(key)
        while occupied[i] {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Sets the value of `key`.
    mutating func set(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while occupied[i] {
            if keys[i] == key { values[i] = value; return }
            i = (i + 1) & mask
        }
        occupied[i] = true
        keys[i] = key
        values[i] = value
        count += 1
    }

    /// Adds `delta` to the value of `key` (0 when absent).
    mutating func add(_ key: UInt64, _ delta: Int32) {
        set(key, (self[key] ?? 0) + delta)
    }

    private mutating func grow() {
        var bigger = UInt64Map(capacity: keys.count)
        for i in keys.indices where occupied[i] { bigger.set(keys[i], values[i]) }
        self = bigger
    }
}
