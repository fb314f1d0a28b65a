/// The candidate pairs as an adjacency structure in compressed-row form: one flat array of
/// neighbor indices plus row offsets, and for each neighbor entry the pair's position in the
/// pairs it was built from (8 bytes per article and 16 per pair, no per-article array). As a
/// collection, element i is article i's neighbors (ascending).
package struct CandidateGraph: Sendable, RandomAccessCollection {
    /// Row start offsets into ``targets``; `offsets[i]..<offsets[i + 1]` are article i's.
    package let offsets: [Int]
    /// Neighbor indices, each row ascending.
    package let targets: [Int32]
    /// Per entry of ``targets``: the position of its pair in the pairs given to `init`.
    package let pairIndices: [Int32]

    /// Builds the graph of `count` articles from packed, sorted pairs `i << 32 | j`.
    package init(count: Int, pairs: [UInt64]) {
        var degree = [Int](repeating: 0, count: count + 1)
        for pair in pairs {
            degree[PackedPair.high(pair)] += 1
            degree[PackedPair.low(pair)] += 1
        }
        var offsets = [Int](repeating: 0, count: count + 1)
        for i in 0..<count { offsets[i + 1] = offsets[i] + degree[i] }
        var fill = Array(offsets[0..<count])
        var targets = [Int32](repeating: 0, count: offsets[count])
        var pairIndices = [Int32](repeating: 0, count: offsets[count])
        precondition(pairs.count <= Int(Int32.max), "too many candidate pairs")
        // Rows come out ascending: sorted pairs give row i its smaller neighbors (pairs x, i)
        // in order, then its larger ones (pairs i, y) in order.
        for (p, pair) in pairs.enumerated() {
            let (a, b) = PackedPair.unpack(pair)
            precondition(a < b && (p == 0 || pairs[p - 1] < pair), "pairs must be sorted, distinct, i < j")
            targets[fill[a]] = Int32(b)
            pairIndices[fill[a]] = Int32(p)
            fill[a] += 1
            targets[fill[b]] = Int32(a)
            pairIndices[fill[b]] = Int32(p)
            fill[b] += 1
        }
        self.offsets = offsets
        self.targets = targets
        self.pairIndices = pairIndices
    }

    /// The position, in the pairs given to `init`, of the pair of articles `a` and `b` (in
    /// either order), if they are candidates: a binary search in `a`'s row.
    package func pair(_ a: Int, _ b: Int) -> Int? {
        var low = offsets[a], high = offsets[a + 1]
        let target = Int32(b)
        while low < high {
            let mid = (low + high) / 2
            if targets[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < offsets[a + 1] && targets[low] == target ? Int(pairIndices[low]) : nil
    }

    /// The number of candidates of article `i`.
    package func degree(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

    package var startIndex: Int { 0 }
    package var endIndex: Int { offsets.count - 1 }

    /// Article i's neighbors, a slice of ``targets``.
    package subscript(i: Int) -> ArraySlice<Int32> { targets[offsets[i]..<offsets[i + 1]] }

    /// The index of a packed pair in sorted `pairs`, if present.
    package static func index(of key: UInt64, in pairs: [UInt64]) -> Int? {
        var low = 0, high = pairs.count
        while low < high {
            let mid = (low + high) / 2
            if pairs[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < pairs.count && pairs[low] == key ? low : nil
    }
}
