/// A fixed run of trivial values that lives as long as the process: the lookup tables built
/// once (static `let`s: byte classes, needles, key tables) and read in hot loops.
///
/// The one place that allocates memory it never frees, on purpose: a copy of the table (or of
/// a struct holding tables) costs no reference counting, where an `Array` or a class would
/// retain and release on every copy. A table is one pointer, and its holder keeps the count
/// where it needs one: the pre-filter's probes, structs of tables, are copied per line, so
/// their size counts. Build one only for a table the process keeps to its end; memory a
/// computation uses and drops belongs in a ``ScratchBuffer``. Immutable once built, so it is
/// safe to read from any thread.
///
/// - Complexity: building is O(n); reading an element is O(1).
struct ImmortalTable<Element: BitwiseCopyable>: BitwiseCopyable, @unchecked Sendable {
    /// The first element.
    let base: UnsafePointer<Element>

    /// A table holding `elements`, in order.
    init(_ elements: some Collection<Element>) {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: max(elements.count, 1))
        _ = UnsafeMutableBufferPointer(start: memory, count: elements.count).initialize(from: elements)
        base = UnsafePointer(memory)
    }

    /// The element at `i`.
    @inline(__always)
    subscript(i: Int) -> Element { base[i] }
}
