extension FeatureStore {
    /// The articles of `stores`, in order, in one store (their features copied).
    ///
    /// - Complexity: O(total postings).
    init(concatenating stores: [FeatureStore]) {
        var part = Part()
        for store in stores {
            for i in 0..<store.count { part.append(store[i]) }
        }
        self.init(parts: [part])
    }
}

extension FeatureStore.Part {
    /// Appends one article's features.
    mutating func append(_ f: StoryFeatures) {
        postings.append(contentsOf: f.postings)
        sentenceSizes.append(contentsOf: f.sentenceSizes)
        names.append(contentsOf: f.names)
        numbers.append(contentsOf: f.numbers)
        postingEnds.append(UInt32(postings.count))
        sentenceEnds.append(UInt32(sentenceSizes.count))
        nameEnds.append(UInt32(names.count))
        numberEnds.append(UInt32(numbers.count))
        distinct.append(UInt32(f.distinctShingles))
    }
}
