/// Escaping for HTML text and attribute values.
public enum HTMLEscape {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe both as
    /// element content and inside a quoted attribute value. Other control characters than tab
    /// and line feed are dropped (they are not allowed in HTML).
    ///
    /// - Complexity: O(n) in the text's length.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
