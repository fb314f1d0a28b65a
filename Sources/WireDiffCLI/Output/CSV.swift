import Foundation
import WireDiff

/// RFC 4180 CSV fields.
enum CSV {
    /// A field, quoted when it holds a comma, quote, CR or LF.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV row.
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// The CSV row of a JSON record's `columns` (strings as they are, numbers as written, `null`
    /// and missing fields empty), so CSV and JSONL outputs share one definition of a record.
    static func row(of record: JSONValue, columns: [String]) -> String {
        row(columns.map { key in
            switch record[key] {
            case .string(let s)?: return s
            case .number(let n)?: return n
            case .bool(let b)?: return b ? "true" : "false"
            default: return ""
            }
        })
    }
}
