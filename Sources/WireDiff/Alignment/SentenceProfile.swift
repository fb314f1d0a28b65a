/// The similarity features of one sentence (or of a union of sentences): its content words for
/// word alignment, IDF-weighted stems, character n-grams of those stems, and the keys of its
/// quoted words.
struct SentenceProfile: Sendable {
    /// Content words in text order, weighted by IDF (names and numbers boosted), for
    /// ``WordAligner``.
    var words: [WordAligner.Word]
    /// Content stems and number values with the same weights (for candidate search).
    var terms: SparseVector
    /// Character 4-grams of the content stems, each weighted by its word's weight.
    var grams: SparseVector
    /// Sorted keys of the stems of quoted content words.
    var quoted: [UInt64]
    /// WordNet synonym concepts of the words (as keys that never equal a stem key), weighted
    /// like their words, for candidate search.
    var concepts: [(UInt64, Float)] = []

    static let empty = SentenceProfile(words: [], terms: .empty, grams: .empty, quoted: [])

    /// The key of a synonym concept id.
    static func conceptKey(_ id: UInt32) -> UInt64 { StableHash.mix(0x434f_4e43_0000_0000 | UInt64(id)) }

    var isEmpty: Bool { terms.isEmpty }

    /// The union of several profiles (a merged or split group).
    static func union(_ profiles: [SentenceProfile]) -> SentenceProfile {
        if profiles.count == 1 { return profiles[0] }
        return SentenceProfile(
            words: profiles.flatMap(\.words),
            terms: SparseVector.union(profiles.map(\.terms)),
            grams: SparseVector.union(profiles.map(\.grams)),
            quoted: Array(Set(profiles.flatMap(\.quoted))).sorted(),
            concepts: profiles.flatMap(\.concepts)
        )
    }

    /// The number of keys two sorted arrays share.
    static func sharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { n += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return n
    }
}
