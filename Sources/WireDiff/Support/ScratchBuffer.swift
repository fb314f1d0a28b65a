/// Scratch memory for a hot loop, owned by one object that frees it: a growable run of
/// trivial values whose pointer a loop reads and writes directly, without a closure per array.
///
/// A buffer belongs to one thread at a time (it is `Sendable` so that a per-thread scratch
/// can be handed to a worker; two threads must never use one at once). Growing drops the old
/// contents. The memory is freed when the buffer is.
///
/// - Complexity: ``ensure(_:filledWith:)`` is O(n) when it grows, O(1) otherwise.
package final class ScratchBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The first element; valid for ``count`` elements, all initialized.
    package private(set) var pointer: UnsafeMutablePointer<Element>
    /// How many elements the buffer holds.
    package private(set) var count: Int

    /// An empty buffer.
    package init() {
        pointer = .allocate(capacity: 0)
        count = 0
    }

    deinit { pointer.deallocate() }

    /// Makes the buffer hold at least `n` elements: when it must grow, to at least twice its
    /// size, every element (old contents dropped) set to `value`. Returns whether it grew.
    @discardableResult
    package func ensure(_ n: Int, filledWith value: Element) -> Bool {
        if n <= count { return false }
        let capacity = max(n, 2 * count)
        pointer.deallocate()
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: value, count: capacity)
        count = capacity
        return true
    }

    /// Sets the first `n` elements (all, by default) to `value`.
    package func fill(_ value: Element, count n: Int? = nil) {
        pointer.update(repeating: value, count: n ?? count)
    }
}
