/// The passage-level features of one article: for each sentence of reporting, its sorted set
/// of shingle hashes (content-word stems by default), folded to 32 bits.
///
/// This is what verification compares: two articles are versions of one story when enough of
/// their sentences share enough content words (see ``PairVerifier``). Sentences with fewer
/// than ``DedupOptions/minimumSentenceShingles`` shingles (datelines, one-word headlines)
/// carry no evidence and are left out.
///
/// Storage is flat (one array of hashes plus sentence end offsets) to stay near 1.5 KB for a
/// 4 KB article.
public struct StoryFeatures: Sendable, Hashable {
    /// Shingle hashes of all kept sentences, sentence after sentence, each run sorted ascending.
    public private(set) var hashes: [UInt32] = []
    /// End offset into ``hashes`` of each kept sentence.
    public private(set) var ends: [UInt32] = []
    /// Index into ``Document/sentences`` of each kept sentence.
    public private(set) var sentenceIndices: [Int32] = []
    /// The article's distinct shingle hashes, sorted (the document-level set).
    public private(set) var documentSet: [UInt32] = []
    /// The shingles that are names in this article (see ``Shingler/nameShingles``), sorted.
    public private(set) var names: [UInt32] = []

    public init() {}

    /// Builds features from per-sentence shingle sets (64-bit hashes, each sorted).
    public init(sentences: [SentenceShingles], names: [UInt64] = [], minimumShingles: Int) {
        var all: [UInt32] = []
        for sentence in sentences where sentence.shingles.count >= minimumShingles {
            let start = hashes.count
            for shingle in sentence.shingles { hashes.append(Self.fold(shingle)) }
            hashes[start...].sort()
            ends.append(UInt32(hashes.count))
            sentenceIndices.append(Int32(sentence.sentence))
        }
        all.reserveCapacity(hashes.count)
        all.append(contentsOf: hashes)
        all.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(all.count)
        for value in all where unique.last != value { unique.append(value) }
        documentSet = unique
        self.names = Array(Set(names.map(Self.fold))).sorted()
    }

    /// Whether a folded shingle is a name in this article.
    @inlinable public func isName(_ hash: UInt32) -> Bool {
        var low = 0, high = names.count
        while low < high {
            let mid = (low + high) / 2
            if names[mid] < hash { low = mid + 1 } else { high = mid }
        }
        return low < names.count && names[low] == hash
    }

    /// The 32 high bits of a 64-bit shingle hash.
    @inlinable @inline(__always)
    public static func fold(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) }

    /// The number of kept sentences.
    @inlinable public var sentenceCount: Int { ends.count }

    /// The range into ``hashes`` of kept sentence `i`.
    @inlinable public func range(ofSentence i: Int) -> Range<Int> {
        (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])
    }
}
