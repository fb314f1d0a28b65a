import Foundation
import Dispatch

extension LSHIndex {
    /// The candidate pairs of a batch of signatures, by sorting instead of hashing: for each band,
    /// the (band key, index) pairs of all signatures are collected in one flat array and sorted,
    /// and every run of equal keys yields its pairs. Ids are indices into `signatures`; pairs are
    /// `(i, j)` with `i < j`, sorted and deduplicated. Empty sets are never candidates.
    ///
    /// Memory is 16 bytes per signature for the band being processed plus 8 bytes per pair
    /// occurrence, far below a per-band dictionary. Bands run concurrently on `threads` threads
    /// (default: all active processors); the result does not depend on it.
    ///
    /// - Throws: ``MinHashError`` if the signatures are not all compatible or have fewer than
    ///   b·r permutations.
    /// - Complexity: O(b·n log n + P log P) for n signatures and P pair occurrences.
    public static func candidatePairs(
        of signatures: [MinHashSignature], parameters: LSHParameters, threads: Int = 0
    ) throws(MinHashError) -> [(Int, Int)] {
        guard let first = signatures.first else { return [] }
        precondition(signatures.count < Int(UInt32.max), "too many signatures for 32-bit ids")
        for signature in signatures {
            try first.checkCompatible(with: signature)
            if signature.permutations < parameters.permutationsUsed {
                throw .tooFewPermutations(required: parameters.permutationsUsed, actual: signature.permutations)
            }
        }
        let b = parameters.bands
        let width = parameters.rows * 4
        let workers = max(1, min(b, threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount))
        // Each worker handles bands w, w + workers, … and returns its sorted pair codes.
        let perWorker = ConcurrentResults<[UInt64]>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var entries: [Entry] = []
            entries.reserveCapacity(signatures.count)
            var codes: [UInt64] = []
            var band = worker
            while band < b {
                entries.removeAll(keepingCapacity: true)
                for (index, signature) in signatures.enumerated() where signature.setSize > 0 {
                    var key = signature.values.withUnsafeBytes { raw in
                        StableHash.hash(UnsafeRawBufferPointer(rebasing: raw[band * width..<(band + 1) * width]), seed: UInt64(band))
                    }
                    if key == 0 { key = 1 }  // as in `bandKeys(of:parameters:into:)`
                    entries.append(Entry(key: key, id: UInt32(index)))
                }
                entries.sort()
                var start = 0
                while start < entries.count {
                    var end = start + 1
                    while end < entries.count && entries[end].key == entries[start].key { end += 1 }
                    if end - start > 1 {
                        // Ids within a run are ascending (sorted by key, then id).
                        for x in start..<end {
                            for y in (x + 1)..<end {
                                codes.append(UInt64(entries[x].id) << 32 | UInt64(entries[y].id))
                            }
                        }
                    }
                    start = end
                }
                band += workers
            }
            codes.sort()
            perWorker.set(worker, Self.unique(codes))
        }
        var all: [UInt64] = []
        for w in 0..<workers { all.append(contentsOf: perWorker.get(w) ?? []) }
        all.sort()
        return Self.unique(all).map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }

    /// A band key with the index of its signature; sorts by key, then index.
    struct Entry: Comparable, Sendable {
        var key: UInt64
        var id: UInt32
        static func < (l: Entry, r: Entry) -> Bool { l.key != r.key ? l.key < r.key : l.id < r.id }
    }
}

/// Per-worker results written from `concurrentPerform`, each slot by exactly one worker.
final class ConcurrentResults<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { lock.lock(); slots[index] = value; lock.unlock() }
    func get(_ index: Int) -> T? { lock.lock(); defer { lock.unlock() }; return slots[index] }
}
