/// The record ids a read has kept so far and where each came from, for the duplicate-id check
/// of ``CorpusReader``.
///
/// An open-addressing table (linear probing, load at most 1/2) over the ids' ``StableHash``:
/// an id's bytes are compared only when the hashes match, and growing re-places the stored
/// hashes without hashing any id again. It replaced a `[String: String]`, which hashed every id
/// with SipHash on each lookup, insert and resize: about 60 ms of the single-threaded replay on
/// the 100k benchmark, while the other core waited.
///
/// - Complexity: O(1) expected per ``register(_:source:)`` (amortized over growth).
struct IDRegistry: Sendable {
    /// Per slot: 0 when empty, else the entry's index + 1.
    private var slots = [Int32](repeating: 0, count: 1 << 10)
    private var hashes: [UInt64] = []
    private var ids: [String] = []
    private var sources: [String] = []

    /// The number of ids registered.
    var count: Int { ids.count }

    /// Registers `id`, read from `source`, unless an earlier record has it: then nothing
    /// changes and that record's source is returned.
    mutating func register(_ id: String, source: String) -> String? {
        let hash = StableHash.hash(id)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash && ids[entry] == id { return sources[entry] }
            slot = (slot + 1) & mask
        }
        precondition(ids.count < Int(Int32.max), "too many records for the id table")
        slots[slot] = Int32(ids.count + 1)
        hashes.append(hash)
        ids.append(id)
        sources.append(source)
        if 2 * ids.count > slots.count { grow() }
        return nil
    }

    /// Doubles the table, placing every entry again by its stored hash.
    private mutating func grow() {
        var grown = [Int32](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(entry + 1)
        }
        slots = grown
    }
}
