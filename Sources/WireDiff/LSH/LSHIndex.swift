/// An incremental LSH banding index over MinHash signatures: insert, query, remove, and list
/// candidate pairs.
///
/// Storage is compact: each inserted document takes one slot; for each band the slot stores its
/// 64-bit band key and the next slot of the same bucket (a singly linked list threaded through
/// flat arrays), and each band keeps an open-addressing table (``BandTable``) from band key to
/// the bucket’s first slot. That is 12 bytes per band plus one table entry (12 bytes at load
/// ≤ 4/5) per distinct band key, with no per-bucket allocation. Band keys are `StableHash` of
/// the band's rows (in-memory only; a key of 0 is stored as 1).
///
/// Empty sets (``MinHashSignature/setSize`` 0) are never candidates: inserting one records the
/// id but indexes nothing.
///
/// For one-shot batch deduplication, ``candidatePairs(of:parameters:)`` (sort-based) is faster
/// and smaller.
///
/// - SeeAlso: Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3.4.
package struct LSHIndex: Sendable {
    package let parameters: LSHParameters

    /// The signature all others must be compatible with (the first inserted), if any.
    private var reference: MinHashSignature?
    /// Per band: band key → first slot of the bucket.
    private var heads: [BandTable]
    /// Per slot and band (slot·b + band): the band key.
    private var keys: [UInt64] = []
    /// Per slot and band: the next slot in the same bucket, or -1.
    private var next: [Int32] = []
    /// Per slot: the external id, or `LSHIndex.freeSlot` for a free slot.
    private var ids: [Int] = []
    /// Marks a free slot in `ids`; `Int.min` is therefore not a valid id.
    private static let freeSlot = Int.min
    /// Per slot: whether its bands are linked into buckets (false for empty sets).
    private var linked: [Bool] = []
    private var slotOfID: [Int: Int32] = [:]
    private var freeSlots: [Int32] = []

    /// An empty index with explicit parameters.
    package init(parameters: LSHParameters) {
        self.parameters = parameters
        heads = Array(repeating: BandTable(), count: parameters.bands)
    }

    /// An empty index with bands and rows chosen for `threshold` (see
    /// ``LSHParameters/optimal(threshold:permutations:falsePositiveWeight:falseNegativeWeight:)``).
    package init(threshold: Double, permutations: Int = 128) {
        self.init(parameters: .optimal(threshold: threshold, permutations: permutations))
    }

    /// The number of documents in the index.
    package var count: Int { slotOfID.count }

    /// Whether `id` is in the index.
    package func contains(id: Int) -> Bool { slotOfID[id] != nil }

    /// The band keys of a signature, written to `out` (count b).
    static func bandKeys(of signature: MinHashSignature, parameters: LSHParameters, into out: UnsafeMutableBufferPointer<UInt64>) {
        signature.values.withUnsafeBytes { raw in
            let width = parameters.rows * 4
            for band in 0..<parameters.bands {
                out[band] = bandKey(UnsafeRawBufferPointer(rebasing: raw[band * width..<(band + 1) * width]), band: band)
            }
        }
    }

    /// The key of one band: a hash of its rows' minima (32-bit values, native byte order) seeded
    /// by the band number; never 0.
    @inline(__always)
    static func bandKey(_ rows: UnsafeRawBufferPointer, band: Int) -> UInt64 {
        let key = StableHash.hash(rows, seed: UInt64(band))
        return key == 0 ? 1 : key
    }

    private func check(_ signature: MinHashSignature) throws(MinHashError) {
        if signature.permutations < parameters.permutationsUsed {
            throw .tooFewPermutations(required: parameters.permutationsUsed, actual: signature.permutations)
        }
        if let reference { try reference.checkCompatible(with: signature) }
    }

    /// Adds a document. An id already present is replaced. Any id but `Int.min` is allowed.
    ///
    /// - Throws: ``MinHashError`` when the signature is incompatible with those already indexed
    ///   or has fewer than b·r permutations.
    /// - Complexity: O(b·r) expected.
    package mutating func insert(_ signature: MinHashSignature, id: Int) throws(MinHashError) {
        precondition(id != Self.freeSlot, "Int.min is reserved and cannot be an LSHIndex id")
        try check(signature)
        if reference == nil { reference = signature }
        if slotOfID[id] != nil { remove(id: id) }
        let b = parameters.bands
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
            ids[slot] = id
        } else {
            slot = ids.count
            ids.append(id)
            linked.append(false)
            keys.append(contentsOf: repeatElement(0, count: b))
            next.append(contentsOf: repeatElement(-1, count: b))
        }
        slotOfID[id] = Int32(slot)
        linked[slot] = signature.setSize > 0
        guard signature.setSize > 0 else { return }
        keys.withUnsafeMutableBufferPointer { k in
            Self.bandKeys(of: signature, parameters: parameters, into: UnsafeMutableBufferPointer(rebasing: k[slot * b..<(slot + 1) * b]))
        }
        for band in 0..<b {
            let key = keys[slot * b + band]
            next[slot * b + band] = heads[band][key] ?? -1
            heads[band].set(key, Int32(slot))
        }
    }

    /// Removes a document; does nothing if `id` is absent.
    ///
    /// - Complexity: O(b · bucket size).
    package mutating func remove(id: Int) {
        guard let s = slotOfID.removeValue(forKey: id) else { return }
        let slot = Int(s)
        let b = parameters.bands
        if linked[slot] {
            for band in 0..<b {
                let key = keys[slot * b + band]
                guard let head = heads[band][key] else { continue }
                if Int(head) == slot {
                    let after = next[slot * b + band]
                    if after < 0 { heads[band].remove(key) } else { heads[band].set(key, after) }
                } else {
                    var current = Int(head)
                    while true {
                        let following = next[current * b + band]
                        if following < 0 { break }
                        if Int(following) == slot {
                            next[current * b + band] = next[slot * b + band]
                            break
                        }
                        current = Int(following)
                    }
                }
                next[slot * b + band] = -1
            }
        }
        ids[slot] = Self.freeSlot
        linked[slot] = false
        freeSlots.append(s)
    }

    /// The ids of the indexed documents sharing at least one band with `signature`, sorted
    /// ascending (including the document itself if it is indexed).
    ///
    /// - Throws: ``MinHashError`` for an incompatible signature.
    package func query(_ signature: MinHashSignature) throws(MinHashError) -> [Int] {
        try check(signature)
        if signature.setSize == 0 { return [] }
        let b = parameters.bands
        var result: [Int] = []
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: b) { bandKeys in
            Self.bandKeys(of: signature, parameters: parameters, into: bandKeys)
            for band in 0..<b {
                guard let head = heads[band][bandKeys[band]] else { continue }
                var slot = Int(head)
                while true {
                    if ids[slot] != Self.freeSlot { result.append(ids[slot]) }
                    let following = next[slot * b + band]
                    if following < 0 { break }
                    slot = Int(following)
                }
            }
        }
        result.sort()
        return Self.unique(result)
    }

    /// Every pair of indexed ids sharing at least one band, as `(i, j)` with `i < j`, sorted
    /// and deduplicated.
    ///
    /// - Complexity: O(b·n + P log P) for P pair occurrences.
    package func candidatePairs() -> [(Int, Int)] {
        let b = parameters.bands
        var pairs: [Pair] = []
        var members: [Int] = []
        for band in 0..<b {
            heads[band].forEachValue { head in
                members.removeAll(keepingCapacity: true)
                var slot = Int(head)
                while true {
                    if ids[slot] != Self.freeSlot { members.append(ids[slot]) }
                    let following = next[slot * b + band]
                    if following < 0 { break }
                    slot = Int(following)
                }
                if members.count < 2 { return }
                for x in 0..<members.count {
                    for y in (x + 1)..<members.count {
                        let (i, j) = members[x] < members[y] ? (members[x], members[y]) : (members[y], members[x])
                        pairs.append(Pair(i, j))
                    }
                }
            }
        }
        pairs.sort()
        return Self.unique(pairs).map { ($0.i, $0.j) }
    }

    /// An ordered pair of ids.
    struct Pair: Comparable, Sendable {
        var i: Int
        var j: Int
        init(_ i: Int, _ j: Int) { self.i = i; self.j = j }
        static func < (l: Pair, r: Pair) -> Bool { l.i != r.i ? l.i < r.i : l.j < r.j }
    }

    static func unique<T: Equatable>(_ sorted: [T]) -> [T] {
        var out: [T] = []
        out.reserveCapacity(sorted.count)
        for x in sorted where out.last != x { out.append(x) }
        return out
    }
}
