/// How a ``MinHasher`` turns a shingle set into N minima. Recorded in every signature;
/// signatures of different schemes are never compared.
///
/// Both schemes estimate the Jaccard index without bias with the same variance for sets larger
/// than N (see `Documentation/Thresholds.md` for the measurements that chose the default).
package enum MinHashScheme: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// One-permutation hashing with optimal densification (the default): one hash per shingle
    /// splits the hash space into N bins and keeps each bin's minimum; empty bins borrow the
    /// value of a nonempty bin chosen by a seeded probe sequence.
    ///
    /// - Complexity: O(n + N) per set of n shingles.
    /// - SeeAlso: Li, Owen & Zhang, *One Permutation Hashing* (NIPS 2012); Shrivastava,
    ///   *Optimal Densification for Fast and Accurate Minwise Hashing* (ICML 2017).
    case onePermutation = 1

    /// Classic MinHash: N independent hash functions `h_i(x) = (a_i·x + b_i) >> 32` (multiply-
    /// add-shift, Dietzfelbinger 1996), keeping each function's minimum.
    ///
    /// Kept because it is the textbook estimator whose behaviour on very small sets (fewer
    /// shingles than permutations, e.g. single sentences) does not depend on densification,
    /// and as the reference the benchmark measures the default against.
    ///
    /// - Complexity: O(n·N) per set of n shingles.
    /// - SeeAlso: Broder, *On the resemblance and containment of documents* (1997).
    case classic = 2

    /// The scheme used when none is given.
    package static let `default`: MinHashScheme = .onePermutation

    package var description: String {
        switch self {
        case .onePermutation: "one-permutation"
        case .classic: "classic"
        }
    }
}
