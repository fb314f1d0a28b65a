/// An immutable MinHash signature of a shingle set: N minima plus the set's size and the
/// parameters that made it.
///
/// Estimators compare two signatures made with the same scheme, seed, N and shingle settings;
/// anything else throws ``MinHashError/incompatible(_:)`` rather than returning a wrong number.
///
/// Error bounds (N permutations, true Jaccard J): each of the N positions agrees with
/// probability J, so Ĵ is a binomial proportion with standard error `sqrt(J(1−J)/N)`
/// (≤ 0.044 at N = 128); one-permutation hashing with optimal densification has at most this
/// variance (Shrivastava 2017). See ``standardError(jaccard:permutations:)`` and
/// `Documentation/Thresholds.md`.
///
/// - SeeAlso: Broder, *On the resemblance and containment of documents* (1997).
package struct MinHashSignature: Sendable, Hashable {
    /// How the minima were computed.
    package let scheme: MinHashScheme
    /// The seed of the permutation parameters.
    package let seed: UInt64
    /// The caller's opaque code of how the shingles were made (e.g. ``ShingleKind/settingsValue``).
    package let shingleSettings: UInt64
    /// The number of distinct shingles in the set (its cardinality).
    package let setSize: Int
    /// The N minima (32 bits each).
    package let values: [UInt32]

    /// N, the number of permutations.
    @inlinable package var permutations: Int { values.count }

    package init(scheme: MinHashScheme, seed: UInt64, shingleSettings: UInt64, setSize: Int, values: [UInt32]) {
        precondition(setSize >= 0, "Set size must not be negative")
        self.scheme = scheme
        self.seed = seed
        self.shingleSettings = shingleSettings
        self.setSize = setSize
        self.values = values
    }

    /// Throws unless `other` was made with the same scheme, seed, N and shingle settings.
    package func checkCompatible(with other: MinHashSignature) throws(MinHashError) {
        if scheme != other.scheme { throw .incompatible(.scheme(scheme, other.scheme)) }
        if seed != other.seed { throw .incompatible(.seed(seed, other.seed)) }
        if permutations != other.permutations { throw .incompatible(.permutations(permutations, other.permutations)) }
        if shingleSettings != other.shingleSettings {
            throw .incompatible(.shingleSettings(shingleSettings, other.shingleSettings))
        }
    }

    /// The number of positions where the two signatures agree (no compatibility check).
    @inlinable
    func matches(_ other: MinHashSignature) -> Int {
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                var count = 0
                for i in 0..<min(a.count, b.count) where a[i] == b[i] { count += 1 }
                return count
            }
        }
    }

    /// The estimated Jaccard index |A∩B| / |A∪B| of the two shingle sets.
    ///
    /// Standard error ≈ `sqrt(J(1−J)/N)`. Returns 0 when either set is empty: an empty
    /// document carries no evidence of being a rewrite.
    ///
    /// - Complexity: O(N).
    package func jaccard(_ other: MinHashSignature) throws(MinHashError) -> Double {
        try checkCompatible(with: other)
        if setSize == 0 || other.setSize == 0 || permutations == 0 { return 0 }
        return Double(matches(other)) / Double(permutations)
    }

    /// The estimated containment of A in B, |A∩B| / |A|: how much of A is found in B.
    ///
    /// Derived from the Jaccard estimate Ĵ and the set sizes:
    /// `C = Ĵ(|A|+|B|) / ((1+Ĵ)|A|)`, clamped to [0, 1]. By the delta method its standard
    /// error is about `(|A|+|B|) / (|A|(1+J)²) · sqrt(J(1−J)/N)` — larger when A is much smaller
    /// than B. Returns 0 when either set is empty.
    ///
    /// - Complexity: O(N).
    package static func containment(of a: MinHashSignature, in b: MinHashSignature) throws(MinHashError) -> Double {
        let j = try a.jaccard(b)
        if j == 0 { return 0 }
        let sizeA = Double(a.setSize), sizeB = Double(b.setSize)
        return min(1, j * (sizeA + sizeB) / ((1 + j) * sizeA))
    }

    /// The standard error of the Jaccard estimate at true Jaccard `jaccard` with N permutations:
    /// `sqrt(J(1−J)/N)`.
    package static func standardError(jaccard: Double, permutations: Int) -> Double {
        (jaccard * (1 - jaccard) / Double(permutations)).squareRoot()
    }

    /// The approximate standard error of the containment estimate of a set of `sizeA`
    /// shingles in one of `sizeB`, at true Jaccard `jaccard` (delta method).
    package static func containmentStandardError(jaccard: Double, sizeA: Int, sizeB: Int, permutations: Int) -> Double {
        let slope = Double(sizeA + sizeB) / (Double(sizeA) * (1 + jaccard) * (1 + jaccard))
        return slope * standardError(jaccard: jaccard, permutations: permutations)
    }
}
