/// Computes MinHash signatures of shingle sets.
///
/// `MinHasher(permutations: 128, seed: 1)` gives the default: 128 one-permutation-hashing bins
/// with optimal densification (see ``MinHashScheme``). All permutation parameters come from
/// `SplitMix64(seed: seed)`, so equal parameters give equal signatures on every run, process
/// and machine.
///
/// ```swift
/// var shingler = Shingler(kind: .contentWords(1))
/// let hasher = MinHasher(permutations: 128, seed: 1, shingleSettings: shingler.kind.settingsValue)
/// let a = hasher.signature(of: shingler.shingles(of: documentA))
/// let b = hasher.signature(of: shingler.shingles(of: documentB))
/// let j = try a.jaccard(b)
/// ```
///
/// - SeeAlso: Broder 1997; Li, Owen & Zhang 2012; Shrivastava 2017.
package struct MinHasher: Sendable {
    /// N, the number of minima per signature.
    package let permutations: Int
    package let seed: UInt64
    package let scheme: MinHashScheme
    /// Recorded in every signature; signatures with different settings are not comparable.
    package let shingleSettings: UInt64

    /// Key xor-ed into every shingle hash before mixing (both schemes).
    @usableFromInline let key: UInt64
    /// Key of the densification probe sequence (one-permutation scheme).
    @usableFromInline let probeKey: UInt64
    /// Odd multipliers a_i (classic scheme).
    @usableFromInline let multipliers: [UInt64]
    /// Addends b_i (classic scheme).
    @usableFromInline let addends: [UInt64]

    /// Creates a hasher. `permutations` must be in 1...65_535.
    package init(permutations: Int = 128, seed: UInt64 = 1, scheme: MinHashScheme = .default, shingleSettings: UInt64 = 0) {
        precondition((1...65_535).contains(permutations), "permutations must be in 1...65535, got \(permutations)")
        self.permutations = permutations
        self.seed = seed
        self.scheme = scheme
        self.shingleSettings = shingleSettings
        var generator = SplitMix64(seed: seed)
        key = generator.next()
        probeKey = generator.next()
        if scheme == .classic {
            var a = [UInt64](), b = [UInt64]()
            a.reserveCapacity(permutations)
            b.reserveCapacity(permutations)
            for _ in 0..<permutations {
                a.append(generator.next() | 1)
                b.append(generator.next())
            }
            multipliers = a
            addends = b
        } else {
            multipliers = []
            addends = []
        }
    }

    /// The signature of a set of distinct shingle hashes (e.g. from ``Shingler``).
    ///
    /// Duplicates do not change the minima but are counted in ``MinHashSignature/setSize``,
    /// which the containment estimate uses: pass a set.
    package func signature(of shingles: [UInt64]) -> MinHashSignature {
        shingles.withUnsafeBufferPointer { signature(of: $0) }
    }

    /// The signature of a set of distinct shingle hashes.
    package func signature(of shingles: UnsafeBufferPointer<UInt64>) -> MinHashSignature {
        var values = [UInt32](repeating: .max, count: permutations)
        values.withUnsafeMutableBufferPointer { out in
            switch scheme {
            case .onePermutation: onePermutation(shingles, into: out)
            case .classic: classic(shingles, into: out)
            }
        }
        return MinHashSignature(
            scheme: scheme, seed: seed, shingleSettings: shingleSettings, setSize: shingles.count, values: values)
    }

    /// Classic MinHash: for each shingle, every function's value, keeping minima.
    @inline(__always)
    private func classic(_ shingles: UnsafeBufferPointer<UInt64>, into out: UnsafeMutableBufferPointer<UInt32>) {
        withClassicParameters { parameters in
            for shingle in shingles { parameters.lowerMinima(shingle, permutations: 0..<permutations, into: out.baseAddress!) }
        }
    }

    /// Runs `body` with the classic scheme's parameters as raw buffers, for loops that call
    /// ``ClassicParameters/lowerMinima(_:permutations:into:)`` per shingle without touching
    /// the arrays each time.
    @inline(__always)
    func withClassicParameters<R>(_ body: (ClassicParameters) -> R) -> R {
        multipliers.withUnsafeBufferPointer { a in
            addends.withUnsafeBufferPointer { b in body(ClassicParameters(key: key, multipliers: a, addends: b)) }
        }
    }

    /// The classic scheme's key and per-permutation multipliers and addends, borrowed.
    struct ClassicParameters {
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
        /// multiplication serves two permutations (per-sentence sketches use this; document
        /// signatures keep one product per permutation). `UInt32.max` twice over no shingles.
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

        /// The classic scheme's step for one shingle: lowers `minima[k]` to permutation
        /// `range.lowerBound + k`'s value of `shingle`, for every k (the values of
        /// ``MinHasher/signature(of:)-(UnsafeBufferPointer<UInt64>)``). The inner loop is a
        /// straight-line min, which the compiler vectorizes.
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

    /// One-permutation hashing: one hash per shingle picks a bin (high bits, Lemire's
    /// multiply-shift range reduction) and a 32-bit value (low bits); each bin keeps its
    /// minimum. Empty bins are then filled by optimal densification: bin i probes bins
    /// `p(i, 1), p(i, 2), …` (a seeded hash of i and the attempt, the same sequence for every
    /// set) until it finds one that was nonempty before densification and copies its value.
    @inline(__always)
    private func onePermutation(_ shingles: UnsafeBufferPointer<UInt64>, into out: UnsafeMutableBufferPointer<UInt32>) {
        let n = permutations
        let bins = UInt64(n)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { staging in
            // Values are < 2^32, so UInt64.max marks an empty bin unambiguously.
            staging.initialize(repeating: .max)
            for shingle in shingles {
                let x = StableHash.mix(shingle ^ key)
                let bin = Int(truncatingIfNeeded: (x &>> 32).multipliedFullWidth(by: bins).low &>> 32)
                let value = x & 0xFFFF_FFFF
                staging[bin] = Swift.min(staging[bin], value)
            }
            if shingles.isEmpty { return }  // out stays all .max
            for i in 0..<n {
                var value = staging[i]
                var attempt: UInt64 = 1
                while value == .max {
                    let p = StableHash.mix(probeKey ^ (UInt64(i) &<< 32 | attempt))
                    let j = Int(truncatingIfNeeded: p.multipliedFullWidth(by: bins).high)
                    value = staging[j]
                    attempt &+= 1
                }
                out[i] = UInt32(truncatingIfNeeded: value)
            }
        }
    }
}
