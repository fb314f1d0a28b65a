import Dispatch
import Foundation

/// Deterministic data parallelism over index ranges: the work is cut into contiguous chunks,
/// run on up to `threads` threads, and the per-chunk results come back in chunk order, so the
/// output never depends on scheduling.
package enum Parallel {
    /// The number of worker threads for `requested` (0 = one per active processor).
    package static func threadCount(_ requested: Int) -> Int {
        requested > 0 ? requested : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Runs `body` over chunks of `0..<count` and returns the chunk results in order.
    ///
    /// `body` receives a chunk's index range; it typically builds its own scratch state (one
    /// shingler per chunk) and returns the chunk's results.
    package static func mapChunks<T: Sendable>(
        count: Int, threads: Int = 0, minimumChunk: Int = 64, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        guard count > 0 else { return [] }
        let workers = threadCount(threads)
        let chunks = max(1, min((count + minimumChunk - 1) / minimumChunk, workers * 8))
        let size = (count + chunks - 1) / chunks
        if workers == 1 {
            return (0..<chunks).compactMap { chunk in
                let lower = chunk * size, upper = min(count, chunk * size + size)
                return lower < upper ? body(lower..<upper) : nil
            }
        }
        let results = ResultSlots<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = chunk * size
            let upper = min(count, lower + size)
            if lower < upper { results.set(chunk, body(lower..<upper)) }
        }
        return results.values()
    }

    /// `body(k)` for every k in `0..<count`, in order; the calls run concurrently (one task
    /// per index, on all cores) when `concurrently` and there are at least two.
    package static func map<T: Sendable>(count: Int, concurrently: Bool = true, _ body: @Sendable (Int) -> T) -> [T] {
        guard concurrently, count > 1 else { return (0..<count).map(body) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in results.set(k, body(k)) }
        return results.values()
    }
}

/// Slots written once each from concurrent workers, read after all have finished.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
