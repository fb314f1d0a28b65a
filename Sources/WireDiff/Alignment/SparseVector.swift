/// A sparse, weighted feature vector: sorted unique 64-bit keys with parallel weights.
///
/// Keys are ``StableHash`` values of stems, numbers or character n-grams, so comparing two
/// vectors never touches a `String`. Cosine similarity is a linear merge of the two key arrays.
///
/// - Complexity: building is O(n log n); ``dot(_:)`` and ``union(_:)`` are O(n + m).
struct SparseVector: Sendable, Hashable {
    /// Sorted, unique keys.
    var keys: [UInt64]
    /// The weight of each key.
    var weights: [Float]
    /// The Euclidean norm of `weights`.
    var norm: Float

    static let empty = SparseVector(keys: [], weights: [], norm: 0)

    init(keys: [UInt64], weights: [Float], norm: Float) {
        self.keys = keys
        self.weights = weights
        self.norm = norm
    }

    /// Builds a vector from unsorted (key, weight) pairs; duplicate keys keep the largest weight.
    init(pairs: [(UInt64, Float)]) {
        var sorted = pairs
        BucketSort<(UInt64, Float)>.sort(&sorted) { $0.0 }
        var keys: [UInt64] = []
        var weights: [Float] = []
        keys.reserveCapacity(sorted.count)
        weights.reserveCapacity(sorted.count)
        for (k, w) in sorted {
            if let last = keys.last, last == k {
                weights[weights.count - 1] = max(weights[weights.count - 1], w)
            } else {
                keys.append(k)
                weights.append(w)
            }
        }
        self.init(keys: keys, weights: weights)
    }

    init(keys: [UInt64], weights: [Float]) {
        var sum: Float = 0
        for w in weights { sum += w * w }
        self.init(keys: keys, weights: weights, norm: sum.squareRoot())
    }

    var isEmpty: Bool { keys.isEmpty }

    /// The dot product with another vector.
    @inline(__always)
    func dot(_ other: SparseVector) -> Float {
        keys.withUnsafeBufferPointer { ka in
            other.keys.withUnsafeBufferPointer { kb in
                weights.withUnsafeBufferPointer { wa in
                    other.weights.withUnsafeBufferPointer { wb in
                        var i = 0, j = 0
                        var sum: Float = 0
                        while i < ka.count && j < kb.count {
                            let x = ka[i], y = kb[j]
                            if x == y {
                                sum += wa[i] * wb[j]
                                i += 1
                                j += 1
                            } else if x < y {
                                i += 1
                            } else {
                                j += 1
                            }
                        }
                        return sum
                    }
                }
            }
        }
    }

    /// Cosine similarity in [0, 1] (weights are non-negative); 0 when either vector is empty.
    @inline(__always)
    func cosine(_ other: SparseVector) -> Float {
        let denominator = norm * other.norm
        return denominator > 0 ? min(1, dot(other) / denominator) : 0
    }

    /// The union of several vectors; a key present in several keeps its largest weight.
    static func union(_ vectors: [SparseVector]) -> SparseVector {
        if vectors.count == 1 { return vectors[0] }
        var result = SparseVector.empty
        for v in vectors { result = result.union(v) }
        return result
    }

    /// The union with another vector (max of weights on shared keys).
    func union(_ other: SparseVector) -> SparseVector {
        var keys: [UInt64] = []
        var weights: [Float] = []
        keys.reserveCapacity(self.keys.count + other.keys.count)
        weights.reserveCapacity(self.keys.count + other.keys.count)
        var i = 0, j = 0
        while i < self.keys.count || j < other.keys.count {
            if j == other.keys.count || (i < self.keys.count && self.keys[i] < other.keys[j]) {
                keys.append(self.keys[i]); weights.append(self.weights[i]); i += 1
            } else if i == self.keys.count || other.keys[j] < self.keys[i] {
                keys.append(other.keys[j]); weights.append(other.weights[j]); j += 1
            } else {
                keys.append(self.keys[i]); weights.append(max(self.weights[i], other.weights[j])); i += 1; j += 1
            }
        }
        return SparseVector(keys: keys, weights: weights)
    }
}
