/// Process-wide allocator settings for batch runs over large corpora.
///
/// glibc's malloc raises its mmap threshold each time a large block is freed (up to 32 MB),
/// after which the multi-megabyte arrays of a dedup run (band entries, bucket members, pair
/// occurrences) come from the heap and stay resident after they are freed: on a 100k-article
/// corpus that kept ~120 bytes per article resident for the rest of the run. Pinning the
/// threshold at 128 KB makes every large array its own mapping, returned to the system when it
/// is freed. A no-op on other C libraries.
public enum AllocatorTuning {
    /// Makes allocations of 128 KB and more separate mappings that are unmapped when freed.
    /// Call once, early, from an executable (never from library code paths).
    public static func returnLargeBlocksToSystem() {
        #if os(Linux) && canImport(Glibc)
        _ = glibcMallopt(mmapThresholdParameter, 128 << 10)
        #endif
    }

    #if os(Linux) && canImport(Glibc)
    /// `M_MMAP_THRESHOLD` from glibc's `<malloc.h>` (not exported to Swift).
    private static let mmapThresholdParameter: Int32 = -3
    #endif
}

#if os(Linux) && canImport(Glibc)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
