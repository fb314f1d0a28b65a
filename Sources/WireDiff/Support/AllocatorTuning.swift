/// Process-wide allocator housekeeping for batch runs over large corpora.
///
/// A streamed dedup run (``Deduplicator/run(reading:with:batchBytes:onSkip:)``) frees a
/// corpus's text batch by batch once it has been read into features: hundreds of thousands of
/// small blocks whose memory glibc's malloc keeps in its heap. Trimming hands those pages back, so the process's
/// resident size shrinks to what it still uses, and the later phases' arrays reuse the space.
package enum AllocatorTuning {
    /// Hands the free memory inside the heap back to the system (glibc's `malloc_trim`), so
    /// that memory freed in bulk no longer counts as resident. Harmless anywhere; a no-op on
    /// other C libraries.
    package static func releaseFreeMemory() {
        #if os(Linux) && canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
/// glibc's `int malloc_trim(size_t pad)`, declared by hand: `<malloc.h>` is not part of the
/// Glibc module the toolchain ships (only `<stdlib.h>`'s allocator is), so Swift cannot see the
/// function, and importing the header would take a C target; the symbol is in every glibc.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
