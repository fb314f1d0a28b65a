/// The similarity features of one sentence (or of a union of sentences): IDF-weighted stems,
/// character n-grams of those stems, and the keys of its names, numbers and quoted words.
struct SentenceProfile: Sendable {
    /// Content stems and number values, weighted by IDF (names and numbers boosted).
    var terms: SparseVector
    /// Character 4-grams of the content stems, each weighted by its word's weight.
    var grams: SparseVector
    /// Sorted keys of the stems of name tokens.
    var names: [UInt64]
    /// Sorted keys of normalized number values.
    var numbers: [UInt64]
    /// Sorted keys of the stems of quoted content words.
    var quoted: [UInt64]

    static let empty = SentenceProfile(terms: .empty, grams: .empty, names: [], numbers: [], quoted: [])

    var isEmpty: Bool { terms.isEmpty }

    /// The union of several profiles (a merged or split group).
    static func union(_ profiles: [SentenceProfile]) -> SentenceProfile {
        if profiles.count == 1 { return profiles[0] }
        return SentenceProfile(
            terms: SparseVector.union(profiles.map(\.terms)),
            grams: SparseVector.union(profiles.map(\.grams)),
            names: sortedUnion(profiles.map(\.names)),
            numbers: sortedUnion(profiles.map(\.numbers)),
            quoted: sortedUnion(profiles.map(\.quoted))
        )
    }

    static func sortedUnion(_ arrays: [[UInt64]]) -> [UInt64] {
        Array(Set(arrays.joined())).sorted()
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
