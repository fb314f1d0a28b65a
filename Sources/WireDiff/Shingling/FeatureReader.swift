import Foundation

/// Reads records into ``FeatureStore`` parts batch after batch, on all cores, keeping the
/// workers' shinglers (with their caches of stemmed words) and feature builders from one batch
/// to the next.
///
/// A batch is cut into up to eight pieces per worker (at least 64 articles each), taken by
/// whichever worker is free, so a slow piece does not hold the batch up; a piece borrows a
/// shingler and builder from a small pool (one per worker in practice), so a streamed corpus
/// stems each word about as rarely as one read whole.
///
/// - Complexity: O(n) in the batch's text.
struct FeatureReader: Sendable {
    let kind: ShingleKind
    let minimumShingles: Int
    let textOptions: TextOptions
    let threads: Int
    private let pool = Pool()

    /// Idle shinglers and builders; each is used by one piece at a time.
    private final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [(Shingler, FeatureBuilder)] = []

        func take(_ make: () -> (Shingler, FeatureBuilder)) -> (Shingler, FeatureBuilder) {
            lock.lock()
            defer { lock.unlock() }
            return idle.popLast() ?? make()
        }

        func give(_ scratch: (Shingler, FeatureBuilder)) {
            lock.lock()
            idle.append(scratch)
            lock.unlock()
        }
    }

    init(kind: ShingleKind, minimumShingles: Int, textOptions: TextOptions, threads: Int) {
        self.kind = kind
        self.minimumShingles = minimumShingles
        self.textOptions = textOptions
        self.threads = threads
    }

    /// The parts holding `records`' features, in order.
    func parts(of records: [CorpusRecord]) -> [FeatureStore.Part] {
        guard !records.isEmpty else { return [] }
        let pieces = min(8 * Parallel.threadCount(threads), max(1, records.count / 64))
        let kind = self.kind, minimumShingles = self.minimumShingles, textOptions = self.textOptions, pool = self.pool
        return Parallel.mapChunks(count: pieces, threads: threads, minimumChunk: 1) { chunk -> [FeatureStore.Part] in
            chunk.map { piece in
                var (shingler, builder) = pool.take { (Shingler(kind: kind), FeatureBuilder(minimumShingles: minimumShingles)) }
                var scratch: [UInt64] = []
                for i in records.count * piece / pieces..<records.count * (piece + 1) / pieces {
                    builder.add(Document(id: records[i].id, bytes: records[i].bytes, options: textOptions), shingler: &shingler, scratch: &scratch)
                }
                let part = builder.finish()
                pool.give((shingler, builder))
                return part
            }
        }.flatMap { $0 }
    }
}
