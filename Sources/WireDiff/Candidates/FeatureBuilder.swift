/// Packs articles into ``StoryFeatures``, appending to shared storage: sentence by sentence,
/// then the article's names and distinct count.
///
/// Holds scratch buffers (a 256 KB table of 16-bit hashes among them): use one builder per
/// thread.
///
/// - Complexity: O(s) expected per sentence of s shingles (``BucketSort``).
struct FeatureBuilder: Sendable {
    let minimumShingles: Int
    private var part = FeatureStore.Part()
    private var sentence: [UInt16] = []
    private var names: [UInt16] = []
    /// Per 16-bit hash, the number of the article that last counted it as distinct.
    private var seen = [UInt32](repeating: 0, count: 1 << 16)
    private var article: UInt32 = 1
    private var distinct = 0
    private var sentences = 0
    private var sorter = BucketSort<UInt16>()

    init(minimumShingles: Int) {
        self.minimumShingles = minimumShingles
    }

    /// Adds one sentence's shingles (64-bit hashes, in any order, duplicates allowed) to the
    /// current article; a sentence with fewer than `minimumShingles` distinct shingles, or
    /// past the ``StoryFeatures/maximumSentences``th, is left out.
    mutating func addSentence(_ shingles: UnsafeBufferPointer<UInt64>) {
        guard sentences < StoryFeatures.maximumSentences else { return }
        sentence.removeAll(keepingCapacity: true)
        for shingle in shingles { sentence.append(StoryFeatures.fold(shingle)) }
        sorter.sortAndDeduplicate(&sentence)
        guard sentence.count >= minimumShingles else { return }
        // A size is 16 bits: a "sentence" using every 16-bit hash keeps all but the last.
        if sentence.count > Int(UInt16.max) { sentence.removeLast(sentence.count - Int(UInt16.max)) }
        for hash in sentence where seen[Int(hash)] != article {
            seen[Int(hash)] = article
            distinct += 1
        }
        part.postings.append(contentsOf: sentence)
        part.sentenceSizes.append(UInt16(sentence.count))
        sentences += 1
    }

    /// Ends the current article, recording the shingles that are names anywhere in it
    /// (`names`: 64-bit hashes, any order).
    mutating func finishDocument(names nameShingles: [UInt64]) {
        names.removeAll(keepingCapacity: true)
        for shingle in nameShingles { names.append(StoryFeatures.fold(shingle)) }
        sorter.sortAndDeduplicate(&names)
        part.names.append(contentsOf: names)
        part.postingEnds.append(UInt32(part.postings.count))
        part.sentenceEnds.append(UInt32(part.sentenceSizes.count))
        part.nameEnds.append(UInt32(part.names.count))
        part.distinct.append(UInt32(distinct))
        distinct = 0
        sentences = 0
        article &+= 1
        if article == 0 {
            seen = [UInt32](repeating: 0, count: 1 << 16)
            article = 1
        }
    }

    /// Adds a whole article: the shingles of every sentence that ``Shingler/includes(_:)``.
    mutating func add(_ document: Document, shingler: inout Shingler, scratch: inout [UInt64]) {
        shingler.beginDocument()
        document.bytes.withUnsafeBufferPointer { bytes in
            for sentence in document.sentences where Shingler.includes(sentence) {
                scratch.removeAll(keepingCapacity: true)
                shingler.appendShingles(of: sentence.contentRange, in: bytes, into: &scratch)
                if !scratch.isEmpty { scratch.withUnsafeBufferPointer { addSentence($0) } }
            }
        }
        finishDocument(names: shingler.nameShingles)
    }

    /// The articles built so far, in exactly sized storage; the builder starts over.
    mutating func finish() -> FeatureStore.Part {
        defer { part = FeatureStore.Part() }
        return part.compacted()
    }
}
