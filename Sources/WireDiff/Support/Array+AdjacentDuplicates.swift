extension Array where Element: Equatable {
    /// The elements without the ones equal to their predecessor: the distinct values of a
    /// sorted array, in order.
    ///
    /// - Complexity: O(n).
    package func removingAdjacentDuplicates() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for x in self where out.last != x { out.append(x) }
        return out
    }
}
