extension PassageSketcher {
    /// The buckets an article falls in, as ``Deduplicator`` indexes them: a bucket is a band
    /// key cut to the bits ``CandidateFinder`` keeps (its top 40), within one band group (bands
    /// signed and indexed together, `bandsPerGroup` at a time: two bands' keys share a bucket
    /// only inside one group). Each is `group << 40 | key >> 24`, below 2⁵³ for any banding
    /// (a JSON number), distinct and ascending.
    ///
    /// A distributed run groups articles by these numbers: each bucket's members, ascending,
    /// are the bucket ``CandidateFinder/buckets(_:threads:)`` finds.
    ///
    /// - Complexity: O(p·r·b) for p postings, b bands of r rows, plus a sort of the keys.
    package mutating func bucketKeys(of features: StoryFeatures, bandsPerGroup: Int) -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(features.sentenceCount * lsh.bands)
        for first in stride(from: 0, to: lsh.bands, by: bandsPerGroup) {
            let group = UInt64(first / bandsPerGroup) << 40
            forEachBandKey(of: features, bands: first..<min(lsh.bands, first + bandsPerGroup)) { key in
                keys.append(group | CandidateFinder.entry(key: key, article: 0) >> UInt64(CandidateFinder.indexBits))
            }
        }
        keys.sort()
        return keys.removingAdjacentDuplicates()
    }
}
