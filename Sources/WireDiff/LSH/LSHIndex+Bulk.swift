extension LSHIndex {
    /// The candidate pairs of a batch of signatures, by sorting instead of hashing: the band
    /// keys of all signatures go through ``CandidateFinder`` (radix sort, shared buckets per key
    /// range in parallel). Ids are indices into `signatures`; pairs are `(i, j)` with `i < j`,
    /// sorted and deduplicated; they are the pairs an ``LSHIndex`` holding the same signatures
    /// reports. Empty sets are never candidates.
    ///
    /// Memory is 8 bytes per signature and band, plus the pairs.
    ///
    /// - Throws: ``MinHashError`` if the signatures are not all compatible or have fewer than
    ///   b·r permutations.
    /// - Complexity: O(b·n) radix passes for n signatures, plus O(P) for P pair occurrences.
    package static func candidatePairs(
        of signatures: [MinHashSignature], parameters: LSHParameters, threads: Int = 0
    ) throws(MinHashError) -> [(Int, Int)] {
        guard let first = signatures.first else { return [] }
        precondition(signatures.count < CandidateFinder.maximumArticles, "too many signatures for one batch")
        for signature in signatures {
            try first.checkCompatible(with: signature)
            if signature.permutations < parameters.permutationsUsed {
                throw .tooFewPermutations(required: parameters.permutationsUsed, actual: signature.permutations)
            }
        }
        let b = parameters.bands
        var chunks = Parallel.mapChunks(count: signatures.count, threads: threads) { range -> [UInt64] in
            var entries: [UInt64] = []
            var keys = [UInt64](repeating: 0, count: b)
            for index in range where signatures[index].setSize > 0 {
                keys.withUnsafeMutableBufferPointer { bandKeys(of: signatures[index], parameters: parameters, into: $0) }
                for key in keys { entries.append(CandidateFinder.entry(key: key, article: index)) }
            }
            RadixSort.partitionByTopByte(&entries)
            return entries
        }
        return CandidateFinder.pairs(partitionedChunks: &chunks, maximumBucket: .max)
            .map(PackedPair.unpack)
    }
}
