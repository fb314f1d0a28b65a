/// The passage-level features of one article, packed for verification: the 16-bit hashes of
/// the distinct shingles of each sentence of reporting, sentence after sentence, plus the
/// hashes of the article's names.
///
/// A shingle is kept as the top 16 bits of its 64-bit hash (``fold(_:)``): 2 bytes per
/// distinct shingle per sentence, ~0.5 KB for a 4 KB article. Two articles of a few hundred
/// distinct words share about one hash by chance, which moves a document-level score by
/// under 1%; a chance collision inside one sentence pair (a dozen words each, ~0.2%) almost
/// never reaches the three shared shingles a sentence match needs. Sentences with fewer than
/// ``DedupOptions/minimumSentenceShingles`` distinct shingles (datelines, one-word headlines)
/// carry no evidence and are left out, as are sentences past the ``maximumSentences``th
/// (verification compares every sentence pair).
///
/// The arrays are slices of a ``FeatureStore``'s shared storage: no allocation per article.
package struct StoryFeatures: Sendable, Hashable {
    /// Each kept sentence's distinct shingle hashes, in order of first occurrence, sentence
    /// after sentence.
    package let postings: ArraySlice<UInt16>
    /// The number of postings of each kept sentence.
    package let sentenceSizes: ArraySlice<UInt16>
    /// Hashes of the shingles that are names somewhere in the article (see
    /// ``Shingler/nameShingles``), distinct, in order of first occurrence.
    package let names: ArraySlice<UInt16>
    /// Hashes of the shingles that are numbers somewhere in the article ("1,600", "3.5%"),
    /// distinct, in order of first occurrence.
    package let numbers: ArraySlice<UInt16>
    /// Distinct shingle hashes of the article (the document-level set size).
    package let distinctShingles: Int

    /// Sentences kept per article at most.
    package static let maximumSentences = 1024

    /// Distinct shingles kept per sentence at most (verification counts a sentence pair's
    /// shared shingles in 10 bits).
    package static let maximumSentenceShingles = 1023

    init(
        postings: ArraySlice<UInt16>, sentenceSizes: ArraySlice<UInt16>, names: ArraySlice<UInt16>,
        numbers: ArraySlice<UInt16>, distinctShingles: Int
    ) {
        self.postings = postings
        self.sentenceSizes = sentenceSizes
        self.names = names
        self.numbers = numbers
        self.distinctShingles = distinctShingles
    }

    /// Builds the features of one article from per-sentence shingle sets and the article's
    /// name and number shingles (64-bit hashes, in any order).
    package init(sentences: [SentenceShingles], names: [UInt64] = [], numbers: [UInt64] = [], minimumShingles: Int) {
        var builder = FeatureBuilder(minimumShingles: minimumShingles)
        for sentence in sentences {
            sentence.shingles.withUnsafeBufferPointer { _ = builder.addSentence($0) }
        }
        builder.finishDocument(names: names, numbers: numbers)
        self = builder.finish()[0]
    }

    /// Reads one article into features as `dedup` does (boilerplate flagged and skipped),
    /// with the index in `document.sentences` of each kept sentence: kept sentence `k` (the
    /// numbering of ``SentencePairCounts``) is `document.sentences[kept[k]]`.
    package static func read(_ document: Document, options: DedupOptions = DedupOptions()) -> (features: StoryFeatures, kept: [Int]) {
        var builder = FeatureBuilder(minimumShingles: options.minimumSentenceShingles)
        var shingler = Shingler(kind: options.shingleKind)
        var scratch: [UInt64] = []
        var kept: [Int]? = []
        builder.add(document, shingler: &shingler, scratch: &scratch, kept: &kept)
        return (builder.finish()[0], kept ?? [])
    }

    /// The 16-bit hash kept of a 64-bit shingle hash (its top bits).
    @inlinable @inline(__always)
    package static func fold(_ hash: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: hash >> 48) }

    /// The number of kept sentences.
    @inlinable package var sentenceCount: Int { sentenceSizes.count }

    /// Calls `body` with each kept sentence's number and postings, in order.
    @inlinable
    package func forEachSentence(_ body: (Int, UnsafeBufferPointer<UInt16>) -> Void) {
        postings.withUnsafeBufferPointer { all in
            var start = 0
            for (number, size) in sentenceSizes.enumerated() {
                body(number, UnsafeBufferPointer(rebasing: all[start..<start + Int(size)]))
                start += Int(size)
            }
        }
    }
}
