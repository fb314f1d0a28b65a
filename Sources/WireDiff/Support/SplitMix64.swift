/// A small, fast, seeded pseudo-random generator (Steele, Lea & Flood, 2014).
///
/// Deterministic: the same seed gives the same sequence on every platform and run. Used for
/// MinHash permutation parameters, generated benchmark corpora and property tests.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    package var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 random bits.
    @inlinable
    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return StableHash.mix(state)
    }
}
