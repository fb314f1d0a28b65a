/// The record ids a read has kept so far and where each came from, for the duplicate-id check
/// of ``CorpusReader``.
///
/// Ids are looked up by their ``StableHash`` in a ``UInt64Map`` to the first record with that
/// hash; records whose different ids share a hash are chained, so ids are compared only when
/// the hashes match and equal ids are always caught. It replaced a `[String: String]`, which
/// hashed every id with SipHash on each lookup, insert and resize: about 60 ms of the
/// single-threaded replay on the 100k benchmark, while the other core waited.
///
/// - Complexity: O(1) expected per ``register(_:source:)``.
struct IDRegistry: Sendable {
    /// Per id hash: the first record with it.
    private var first = UInt64Map(capacity: 1024)
    /// Per record: the next record whose id has the same hash, or -1.
    private var next: [Int32] = []
    private var ids: [String] = []
    private var sources: [String] = []

    /// The number of ids registered.
    var count: Int { ids.count }

    /// Registers `id`, read from `source`, unless an earlier record has it: then nothing
    /// changes and that record's source is returned. `hash` is the id's ``StableHash`` (tests
    /// pass colliding ones).
    mutating func register(_ id: String, source: String, hash: UInt64? = nil) -> String? {
        let hash = hash ?? StableHash.hash(id)
        precondition(ids.count < Int(Int32.max), "too many records for the id table")
        let entry = Int32(ids.count)
        if var k = first[hash] {
            while true {
                if ids[Int(k)] == id { return sources[Int(k)] }
                guard next[Int(k)] >= 0 else { break }
                k = next[Int(k)]
            }
            next[Int(k)] = entry
        } else {
            first.set(hash, entry)
        }
        next.append(-1)
        ids.append(id)
        sources.append(source)
        return nil
    }
}
