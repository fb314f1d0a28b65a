/// Classic MinHash over 64-bit shingle hashes: N seeded multiply-add-shift permutations, each
/// keeping the minimum over the set (Broder 1997).
///
/// For two sets with Jaccard similarity J, each permutation's minima agree with probability J,
/// so the fraction of agreeing minima estimates J with standard error √(J(1 − J)/N)
/// (`Documentation/Thresholds.md`). ``PassageSketcher`` computes 16 of them per sentence, two
/// per multiplication (``Parameters/minima(pair:over:)``), and cuts them into LSH bands.
/// All parameters come from `SplitMix64(seed: seed)`: equal seeds give equal minima on every
/// run, process and machine.
///
/// - SeeAlso: Broder, *On the resemblance and containment of documents*, 1997.
package struct MinHasher: Sendable {
    /// N, the number of permutations.
    package let permutations: Int
    package let seed: UInt64

    /// Key xor-ed into every shingle hash before mixing.
    @usableFromInline let key: UInt64
    /// Odd multipliers a_i.
    @usableFromInline let multipliers: [UInt64]
    /// Addends b_i.
    @usableFromInline let addends: [UInt64]

    /// Creates a hasher. `permutations` must be in 1...65_535.
    package init(permutations: Int, seed: UInt64) {
        precondition((1...65_535).contains(permutations), "permutations must be in 1...65535, got \(permutations)")
        self.permutations = permutations
        self.seed = seed
        var generator = SplitMix64(seed: seed)
        key = generator.next()
        // The second value seeded a one-permutation scheme that no command used (removed);
        // it is still drawn so that the permutations, and every band key, stay the same.
        _ = generator.next()
        var a = [UInt64](), b = [UInt64]()
        a.reserveCapacity(permutations)
        b.reserveCapacity(permutations)
        for _ in 0..<permutations {
            a.append(generator.next() | 1)
            b.append(generator.next())
        }
        multipliers = a
        addends = b
    }

    /// The N minima of a set of distinct shingle hashes (`UInt32.max` each for an empty set).
    ///
    /// - Complexity: O(n·N) for n shingles.
    package func minima(of shingles: [UInt64]) -> [UInt32] {
        var values = [UInt32](repeating: .max, count: permutations)
        withParameters { parameters in
            values.withUnsafeMutableBufferPointer { out in
                for shingle in shingles { parameters.lowerMinima(shingle, permutations: 0..<permutations, into: out.baseAddress!) }
            }
        }
        return values
    }

    /// Runs `body` with the parameters as raw buffers, for loops that call
    /// ``Parameters/lowerMinima(_:permutations:into:)`` or ``Parameters/minima(pair:over:)``
    /// without touching the arrays each time.
    @inline(__always)
    func withParameters<R>(_ body: (Parameters) -> R) -> R {
        multipliers.withUnsafeBufferPointer { a in
            addends.withUnsafeBufferPointer { b in body(Parameters(key: key, multipliers: a, addends: b)) }
        }
    }

    /// The key and per-permutation multipliers and addends, borrowed.
    struct Parameters {
        let key: UInt64
        let multipliers: UnsafeBufferPointer<UInt64>
        let addends: UnsafeBufferPointer<UInt64>

        /// A shingle's keyed mix, the input of every permutation
        /// (``lowerMinima(_:permutations:into:)``, ``minima(pair:over:)``).
        @inline(__always)
        func mixed(_ shingle: UInt64) -> UInt64 { StableHash.mix(shingle ^ key) }

        /// Two permutations' minima at once, over shingles already passed through
        /// ``mixed(_:)``: the product `a·x + b` with permutation `2·pair`'s multiplier and addend
        /// gives permutation `2·pair`'s value in its high 32 bits (as
        /// ``lowerMinima(_:permutations:into:)`` does) and permutation `2·pair + 1`'s in its low
        /// 32 bits. `x` is a full-avalanche mix and `a` is odd, so the low half, an affine
        /// bijection of x's low 32 bits, orders shingles as randomly as the high half: one
        /// multiplication serves two permutations (the sentence sketches use this).
        /// `UInt32.max` twice over no shingles.
        @inline(__always)
        func minima(pair: Int, over mixed: UnsafeBufferPointer<UInt64>) -> (high: UInt32, low: UInt32) {
            let a = multipliers[2 * pair], b = addends[2 * pair]
            var high = UInt32.max, low = UInt32.max
            for x in mixed {
                let product = a &* x &+ b
                high = Swift.min(high, UInt32(truncatingIfNeeded: product &>> 32))
                low = Swift.min(low, UInt32(truncatingIfNeeded: product))
            }
            return (high, low)
        }

        /// One shingle's step: lowers `minima[k]` to permutation `range.lowerBound + k`'s value
        /// of `shingle`, for every k (the values of ``MinHasher/minima(of:)``). The inner loop
        /// is a straight-line min, which the compiler vectorizes.
        @inline(__always)
        func lowerMinima(_ shingle: UInt64, permutations range: Range<Int>, into minima: UnsafeMutablePointer<UInt32>) {
            let x = mixed(shingle)
            for i in range {
                let h = UInt32(truncatingIfNeeded: (multipliers[i] &* x &+ addends[i]) &>> 32)
                let k = i - range.lowerBound
                minima[k] = Swift.min(minima[k], h)
            }
        }
    }
}
