/// The passage-level features of one article, packed for verification: one sorted 32-bit
/// *posting* per distinct shingle of each sentence of reporting.
///
/// A posting packs a 21-bit shingle hash, a name bit (the shingle is a name in this article,
/// see ``Shingler/nameShingles``) and a 10-bit sentence number:
/// `hash21 << 11 | name << 10 | sentence`. Sorted postings make verification a linear
/// merge-join (``PairVerifier``), and the document-level set is the distinct hashes in order.
/// Two articles' vocabularies of a few hundred words collide on 21-bit hashes about once in
/// 20 pairs, which moves a score by well under 1%. Sentences past the 1,024th and sentences
/// with fewer than ``DedupOptions/minimumSentenceShingles`` shingles (datelines, one-word
/// headlines) carry no evidence and are left out.
///
/// About 4 bytes per content word: ~1 KB for a 4 KB article.
public struct StoryFeatures: Sendable, Hashable {
    /// Sorted postings.
    public private(set) var postings: [UInt32] = []
    /// Shingles in each kept sentence.
    public private(set) var sentenceSizes: [UInt16] = []
    /// Distinct shingle hashes of the article (the document-level set size).
    public private(set) var distinctShingles: Int = 0

    /// Bits of the sentence number in a posting.
    public static let sentenceBits: UInt32 = 10
    /// The name bit of a posting.
    public static let nameBit: UInt32 = 1 << 10
    /// The hash part of a posting.
    public static let hashMask: UInt32 = ~(1 << 11 - 1)

    public init() {}

    /// Builds features from per-sentence shingle sets and the article's name shingles (both
    /// sorted 64-bit hashes).
    public init(sentences: [SentenceShingles], names: [UInt64] = [], minimumShingles: Int) {
        var nameHashes = names.map(Self.fold)
        nameHashes.sort()
        for sentence in sentences where sentence.shingles.count >= minimumShingles {
            let number = UInt32(sentenceSizes.count)
            guard number < 1 << Self.sentenceBits else { break }
            let start = postings.count
            for shingle in sentence.shingles {
                let hash = Self.fold(shingle)
                let name: UInt32 = Self.contains(nameHashes, hash) ? Self.nameBit : 0
                postings.append(hash | name | number)
            }
            // Distinct 21-bit hashes within the sentence.
            postings[start...].sort()
            var write = start
            for read in start..<postings.count where write == start || postings[write - 1] & Self.hashMask != postings[read] & Self.hashMask {
                postings[write] = postings[read]
                write += 1
            }
            postings.removeLast(postings.count - write)
            sentenceSizes.append(UInt16(clamping: write - start))
        }
        postings.sort()
        var previous: UInt32?
        for posting in postings where previous != posting & Self.hashMask {
            previous = posting & Self.hashMask
            distinctShingles += 1
        }
    }

    /// The top 21 bits of a 64-bit shingle hash, in posting position.
    @inlinable @inline(__always)
    public static func fold(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 43) << 11 }

    static func contains(_ sorted: [UInt32], _ value: UInt32) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// The number of kept sentences.
    @inlinable public var sentenceCount: Int { sentenceSizes.count }
}
