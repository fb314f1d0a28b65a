import Foundation

/// Banding parameters of an LSH index: a signature of N ≥ b·r minima is cut into `bands`
/// bands of `rows` rows; two signatures become candidates when all rows of at least one band
/// agree.
///
/// With Jaccard s, one band agrees with probability s^r, so the pair is a candidate with
/// probability `P(s) = 1 − (1 − s^r)^b`, an S-curve whose steepest point is near
/// `(1/b)^(1/r)`. See `Documentation/Thresholds.md`.
///
/// - SeeAlso: Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3.4.
public struct LSHParameters: Sendable, Hashable, CustomStringConvertible {
    public let bands: Int
    public let rows: Int

    /// Explicit banding. Both must be at least 1.
    public init(bands: Int, rows: Int) {
        precondition(bands >= 1 && rows >= 1, "bands and rows must be at least 1, got \(bands)×\(rows)")
        self.bands = bands
        self.rows = rows
    }

    /// The number of minima used, b·r.
    public var permutationsUsed: Int { bands * rows }

    /// The probability that a pair with Jaccard `similarity` becomes a candidate:
    /// `1 − (1 − s^r)^b`.
    public func probability(similarity s: Double) -> Double {
        1 - pow1p(-pow(s, Double(rows)), Double(bands))
    }

    /// `(1 + x)^y`, accurate for small x.
    private func pow1p(_ x: Double, _ y: Double) -> Double {
        if x == -1 { return 0 }
        return exp(y * log1p(x))
    }

    /// The weighted error of banding `b`×`r` at `threshold`: `fpWeight · ∫₀ᵗ P(s) ds +
    /// fnWeight · ∫ₜ¹ (1 − P(s)) ds`.
    public static func weightedError(
        bands: Int, rows: Int, threshold: Double, falsePositiveWeight: Double, falseNegativeWeight: Double
    ) -> Double {
        let p = LSHParameters(bands: bands, rows: rows)
        let fp = integrate(from: 0, to: threshold) { p.probability(similarity: $0) }
        let fn = integrate(from: threshold, to: 1) { 1 - p.probability(similarity: $0) }
        return falsePositiveWeight * fp + falseNegativeWeight * fn
    }

    /// The banding b×r ≤ `permutations` minimizing the weighted false-positive area below the
    /// threshold plus the weighted false-negative area above it (the method of datasketch's
    /// `_optimal_param`; integrals by composite Simpson's rule). Ties keep the smallest b, then
    /// the smallest r, so the result is deterministic.
    ///
    /// - Complexity: O(N log N · m) for m integration steps.
    public static func optimal(
        threshold: Double, permutations: Int = 128,
        falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) -> LSHParameters {
        precondition(threshold > 0 && threshold < 1, "threshold must be in (0, 1), got \(threshold)")
        precondition(permutations >= 1, "permutations must be at least 1")
        var best = LSHParameters(bands: 1, rows: 1)
        var bestError = Double.infinity
        for b in 1...permutations {
            for r in 1...(permutations / b) {
                let error = weightedError(
                    bands: b, rows: r, threshold: threshold,
                    falsePositiveWeight: falsePositiveWeight, falseNegativeWeight: falseNegativeWeight)
                if error < bestError {
                    bestError = error
                    best = LSHParameters(bands: b, rows: r)
                }
            }
        }
        return best
    }

    /// Composite Simpson's rule with 128 intervals.
    static func integrate(from a: Double, to b: Double, _ f: (Double) -> Double) -> Double {
        let n = 128
        let h = (b - a) / Double(n)
        var sum = f(a) + f(b)
        for i in 1..<n {
            sum += f(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2)
        }
        return sum * h / 3
    }

    public var description: String { "\(bands)×\(rows)" }
}
