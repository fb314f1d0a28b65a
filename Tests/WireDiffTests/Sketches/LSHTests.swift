import Testing
@testable import WireDiff

@Suite struct LSHTests {
    @Test func probabilityFollowsTheSCurve() {
        let p = LSHParameters(bands: 20, rows: 5)
        #expect(p.probability(similarity: 0) == 0)
        #expect(abs(p.probability(similarity: 1) - 1) < 1e-12)
        #expect(abs(p.probability(similarity: 0.5) - (1 - pow31over32to20)) < 1e-12)
        let one = LSHParameters(bands: 1, rows: 1)
        for s in stride(from: 0.0, through: 1.0, by: 0.1) { #expect(abs(one.probability(similarity: s) - s) < 1e-12) }
        // Monotone increasing.
        var last = -1.0
        for s in stride(from: 0.0, through: 1.0, by: 0.01) {
            let value = p.probability(similarity: s)
            #expect(value >= last)
            last = value
        }
    }

    /// (31/32)^20, computed by repeated multiplication.
    private var pow31over32to20: Double { (0..<20).reduce(1.0) { r, _ in r * 31 / 32 } }

    @Test func optimalParametersForHalfAt128AreSensible() {
        let p = LSHParameters.optimal(threshold: 0.5, permutations: 128)
        #expect(p == LSHParameters(bands: 25, rows: 5))
        #expect(p.permutationsUsed <= 128)
        #expect(p.probability(similarity: 0.2) < 0.05)
        #expect(p.probability(similarity: 0.8) > 0.99)
        #expect((0.3...0.7).contains(p.probability(similarity: 0.5)))
    }

    @Test(arguments: [0.1, 0.3, 0.5, 0.7, 0.9])
    func optimalParametersMinimizeTheWeightedError(threshold: Double) {
        let p = LSHParameters.optimal(threshold: threshold, permutations: 64)
        #expect(p.permutationsUsed <= 64)
        let best = LSHParameters.weightedError(bands: p.bands, rows: p.rows, threshold: threshold,
                                               falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
        for b in 1...64 {
            for r in 1...(64 / b) {
                let error = LSHParameters.weightedError(bands: b, rows: r, threshold: threshold,
                                                        falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
                #expect(error >= best)
            }
        }
    }

    /// The table in Documentation/Thresholds.md.
    @Test(arguments: [
        (0.2, 28, 2), (0.3, 37, 3), (0.4, 32, 4), (0.5, 25, 5), (0.6, 18, 7), (0.7, 14, 9), (0.8, 9, 13), (0.9, 5, 25),
    ])
    func documentedTableAt128Permutations(threshold: Double, bands: Int, rows: Int) {
        #expect(LSHParameters.optimal(threshold: threshold, permutations: 128) == LSHParameters(bands: bands, rows: rows))
    }

    @Test func weightingFalseNegativesLowersTheCurve() {
        let balanced = LSHParameters.optimal(threshold: 0.5, permutations: 128)
        let recall = LSHParameters.optimal(threshold: 0.5, permutations: 128, falsePositiveWeight: 0.1, falseNegativeWeight: 0.9)
        #expect(recall.probability(similarity: 0.5) > balanced.probability(similarity: 0.5))
    }

    @Test func higherThresholdsUseMoreRows() {
        let rows = [0.3, 0.5, 0.7, 0.9].map { LSHParameters.optimal(threshold: $0, permutations: 128).rows }
        #expect(rows == rows.sorted())
        #expect(rows.first! < rows.last!)
    }

    @Test func bandKeysAreSeededByBandAndNeverZero() {
        let rows: [UInt32] = [7, 11]
        rows.withUnsafeBytes { raw in
            #expect(LSHParameters.bandKey(raw, band: 0) != LSHParameters.bandKey(raw, band: 1))
            #expect(LSHParameters.bandKey(raw, band: 3) == LSHParameters.bandKey(raw, band: 3))
            #expect((0..<1000).allSatisfy { LSHParameters.bandKey(raw, band: $0) != 0 })
        }
    }
}

@Suite struct MinHasherTests {
    /// Two random sets of `size` with Jaccard similarity `shared / (2·size − shared)`.
    private func pair(size: Int, shared: Int, seed: UInt64) -> ([UInt64], [UInt64]) {
        var generator = SplitMix64(seed: seed)
        let common = (0..<shared).map { _ in generator.next() }
        return (common + (shared..<size).map { _ in generator.next() }, common + (shared..<size).map { _ in generator.next() })
    }

    /// The share of agreeing minima estimates the Jaccard similarity within 4 standard errors
    /// (√(J(1 − J)/N)) plus 1/N, over sets of 10 to 5,000 shingles.
    @Test(arguments: [(10, 5), (40, 30), (200, 100), (1000, 180), (5000, 4000)])
    func agreeingMinimaEstimateJaccard(size: Int, shared: Int) {
        let hasher = MinHasher(permutations: 128, seed: 1)
        let (a, b) = pair(size: size, shared: shared, seed: UInt64(size))
        let j = Double(shared) / Double(2 * size - shared)
        let agree = zip(hasher.minima(of: a), hasher.minima(of: b)).filter { $0 == $1 }.count
        let estimate = Double(agree) / 128
        #expect(abs(estimate - j) <= 4 * (j * (1 - j) / 128).squareRoot() + 1.0 / 128)
    }

    /// Averaged over seeds, the estimate is unbiased.
    @Test func estimateIsUnbiasedOnAverage() {
        let (a, b) = pair(size: 300, shared: 200, seed: 5)  // J = 0.5
        var total = 0.0
        for seed in 1...100 as ClosedRange<UInt64> {
            let hasher = MinHasher(permutations: 64, seed: seed)
            total += Double(zip(hasher.minima(of: a), hasher.minima(of: b)).filter { $0 == $1 }.count) / 64
        }
        #expect(abs(total / 100 - 0.5) < 0.02)
    }

    /// One product gives two permutations: the high half is ``MinHasher/minima(of:)``'s value,
    /// the low half the odd permutation the sketches use.
    @Test func pairedMinimaMatchTheClassicPermutations() {
        let hasher = MinHasher(permutations: 16, seed: 3)
        let (set, _) = pair(size: 50, shared: 0, seed: 9)
        let classic = hasher.minima(of: set)
        hasher.withParameters { p in
            let mixed = set.map(p.mixed)
            mixed.withUnsafeBufferPointer { m in
                for k in 0..<8 {
                    let (high, low) = p.minima(pair: k, over: m)
                    #expect(high == classic[2 * k])
                    let expected = set.map { UInt32(truncatingIfNeeded: p.multipliers[2 * k] &* p.mixed($0) &+ p.addends[2 * k]) }.min()
                    #expect(low == expected)
                }
            }
        }
    }

    @Test func equalSeedsGiveEqualMinimaAndOtherSeedsOthers() {
        let (set, _) = pair(size: 100, shared: 0, seed: 2)
        #expect(MinHasher(permutations: 32, seed: 7).minima(of: set) == MinHasher(permutations: 32, seed: 7).minima(of: set))
        #expect(MinHasher(permutations: 32, seed: 7).minima(of: set) != MinHasher(permutations: 32, seed: 8).minima(of: set))
        #expect(MinHasher(permutations: 4, seed: 1).minima(of: []) == [UInt32](repeating: .max, count: 4))
    }
}
