import WireDiff

/// RFC 4180 CSV, safe to open in a spreadsheet.
///
/// Two rules, both decided on UTF-8 bytes (a comma or quote followed by a combining mark is
/// still a comma or quote, CRLF still a line break):
/// - A cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
/// - A text cell (an id, never a number wirediff computed) starting with `=`, `+`, `-`, `@`,
///   tab or CR gets a `'` in front, so a spreadsheet shows it as text instead of running it as
///   a formula (the OWASP "CSV injection" rule). Readers that want the id back drop a leading
///   `'` before one of those characters.
enum CSV {
    /// The bytes that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// A text cell: formula guard, then quoting.
    static func field(_ text: String) -> String {
        let guarded = text.utf8.first.map(formulaStarts.contains) == true ? "'" + text : text
        return quoted(guarded)
    }

    /// A cell quoted when it holds a comma, quote, CR or LF.
    static func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// One CSV row of text cells.
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// The CSV row of a JSON record's `columns` (strings as text cells, numbers as written,
    /// `null` and missing fields empty), so CSV and JSONL outputs share one definition of a
    /// record.
    static func row(of record: JSONValue, columns: [String]) -> String {
        columns.map { key in
            switch record[key] {
            case .string(let s)?: return field(s)
            case .number(let n)?: return quoted(n)
            case .bool(let b)?: return b ? "true" : "false"
            default: return ""
            }
        }.joined(separator: ",")
    }
}
