import Foundation

/// One row of the benchmark table shared by wirediff and the datasketch peer script.
///
/// Columns: tool, shingles, docs, MB (UTF-8 text bytes / 10⁶), seconds per phase (read, shingle,
/// sign, index, query, verify, cluster; "-" where a tool has no such phase), total seconds,
/// docs/s, MB/s, peak resident memory in MB, and pair precision / recall / F1.
/// `Benchmarks/peer/datasketch_dedup.py` prints the same header.
struct BenchmarkRow {
    static let phases = ["read", "shingle", "sign", "index", "query", "verify", "cluster"]
    static let header = "| tool | shingles | docs | MB | read s | shingle s | sign s | index s | query s | verify s | cluster s | total s | docs/s | MB/s | peak MB | P | R | F1 |"
    static let rule = "|" + String(repeating: "---|", count: 18)

    var tool: String
    var shingles: String
    var documents: Int
    var bytes: Int
    /// Seconds per phase name (see `phases`); missing phases print as "-".
    var seconds: [String: Double] = [:]
    /// Total wall-clock seconds; the sum of the phases when nil.
    var total: Double?
    var peakResidentBytes: Int?
    var scores: PairEvaluator.Scores?

    var markdown: String {
        let t = total ?? seconds.values.reduce(0, +)
        let mb = Double(bytes) / 1e6
        func f(_ x: Double?, _ digits: Int = 2) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "-" }
        var cells = [tool, shingles, String(documents), f(mb, 1)]
        cells += Self.phases.map { f(seconds[$0]) }
        cells += [f(t), t > 0 ? String(format: "%.0f", Double(documents) / t) : "-", t > 0 ? f(mb / t) : "-"]
        cells.append(peakResidentBytes.map { String(format: "%.0f", Double($0) / 1_048_576) } ?? "-")
        if let s = scores {
            cells += [String(format: "%.4f", s.precision), String(format: "%.4f", s.recall), String(format: "%.4f", s.f1)]
        } else {
            cells += ["-", "-", "-"]
        }
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// Peak resident set size of this process (getrusage ru_maxrss, kilobytes on Linux).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
