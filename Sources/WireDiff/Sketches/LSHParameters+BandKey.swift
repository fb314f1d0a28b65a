extension LSHParameters {
    /// The key of one band of a MinHash signature: a hash of its rows' minima (32-bit values,
    /// native byte order) seeded by the band number; never 0. Two sentences fall in one LSH
    /// bucket when a band's keys are equal (all its rows agree, up to a hash collision).
    ///
    /// - Complexity: O(r) for r rows.
    @inline(__always)
    package static func bandKey(_ rows: UnsafeRawBufferPointer, band: Int) -> UInt64 {
        let key = StableHash.hash(rows, seed: UInt64(band))
        return key == 0 ? 1 : key
    }
}
