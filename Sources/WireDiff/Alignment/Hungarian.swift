/// Minimum-cost assignment on a dense rectangular cost matrix (the Hungarian algorithm,
/// Kuhn 1955 / Munkres 1957, in the shortest-augmenting-path form with potentials of
/// Jonker & Volgenant 1987).
///
/// - Complexity: O(n² m) time for n rows ≤ m columns, O(n m) memory.
enum Hungarian {
    /// For a row-major `rows × columns` cost matrix, the column assigned to each row (every row
    /// gets a distinct column when `rows <= columns`; otherwise the problem is transposed and
    /// some rows get `nil`).
    static func assign(costs: [Double], rows: Int, columns: Int) -> [Int?] {
        if rows == 0 || columns == 0 { return Array(repeating: nil, count: rows) }
        if rows > columns {
            var transposed = [Double](repeating: 0, count: rows * columns)
            for r in 0..<rows { for c in 0..<columns { transposed[c * rows + r] = costs[r * columns + c] } }
            let byColumn = assign(costs: transposed, rows: columns, columns: rows)
            var result = [Int?](repeating: nil, count: rows)
            for (c, r) in byColumn.enumerated() { if let r { result[r] = c } }
            return result
        }
        let n = rows, m = columns
        let infinity = Double.greatestFiniteMagnitude
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var p = [Int](repeating: 0, count: m + 1)
        var way = [Int](repeating: 0, count: m + 1)
        var minv = [Double](repeating: infinity, count: m + 1)
        var used = [Bool](repeating: false, count: m + 1)
        costs.withUnsafeBufferPointer { a in
            for i in 1...n {
                p[0] = i
                var j0 = 0
                for j in 0...m { minv[j] = infinity; used[j] = false }
                repeat {
                    used[j0] = true
                    let i0 = p[j0]
                    var delta = infinity
                    var j1 = 0
                    let rowBase = (i0 - 1) * m
                    for j in 1...m where !used[j] {
                        let current = a[rowBase + j - 1] - u[i0] - v[j]
                        if current < minv[j] { minv[j] = current; way[j] = j0 }
                        if minv[j] < delta { delta = minv[j]; j1 = j }
                    }
                    for j in 0...m {
                        if used[j] { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                    }
                    j0 = j1
                } while p[j0] != 0
                repeat {
                    let j1 = way[j0]
                    p[j0] = p[j1]
                    j0 = j1
                } while j0 != 0
            }
        }
        var result = [Int?](repeating: nil, count: n)
        for j in 1...m where p[j] != 0 { result[p[j] - 1] = j - 1 }
        return result
    }
}
