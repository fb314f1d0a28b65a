/// The candidate pairs as an adjacency structure in compressed-row form: one flat array of
/// neighbor indices plus row offsets (8 bytes per article and 8 per pair, no per-article
/// array). As a collection, element i is article i's neighbors (ascending).
public struct CandidateGraph: Sendable, RandomAccessCollection {
    /// Row start offsets into ``targets``; `offsets[i]..<offsets[i + 1]` are article i's.
    public let offsets: [Int]
    /// Neighbor indices, each row ascending.
    public let targets: [Int32]

    /// Builds the graph of `count` articles from packed, sorted pairs `i << 32 | j`.
    public init(count: Int, pairs: [UInt64]) {
        var degree = [Int](repeating: 0, count: count + 1)
        for pair in pairs {
            degree[Int(pair >> 32)] += 1
            degree[Int(pair & 0xFFFF_FFFF)] += 1
        }
        var offsets = [Int](repeating: 0, count: count + 1)
        for i in 0..<count { offsets[i + 1] = offsets[i] + degree[i] }
        var fill = Array(offsets[0..<count])
        var targets = [Int32](repeating: 0, count: offsets[count])
        for pair in pairs {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            targets[fill[a]] = Int32(b)
            fill[a] += 1
            targets[fill[b]] = Int32(a)
            fill[b] += 1
        }
        for i in 0..<count { targets[offsets[i]..<offsets[i + 1]].sort() }
        self.offsets = offsets
        self.targets = targets
    }

    /// The number of candidates of article `i`.
    public func degree(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count - 1 }

    /// Article i's neighbors, a slice of ``targets``.
    public subscript(i: Int) -> ArraySlice<Int32> { targets[offsets[i]..<offsets[i + 1]] }

    /// The index of a packed pair in sorted `pairs`, if present.
    public static func index(of key: UInt64, in pairs: [UInt64]) -> Int? {
        var low = 0, high = pairs.count
        while low < high {
            let mid = (low + high) / 2
            if pairs[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < pairs.count && pairs[low] == key ? low : nil
    }
}
