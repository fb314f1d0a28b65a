/// Escaping for HTML text and attribute values.
package enum HTMLEscape {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe both as
    /// element content and inside a quoted attribute value. Other control characters than tab
    /// and line feed are dropped (they are not allowed in HTML).
    ///
    /// Bidirectional controls are isolated: an embedding or override (U+202A, U+202B, U+202D,
    /// U+202E) or isolate (U+2066–U+2068) the text leaves open is closed at its end (U+202C,
    /// U+2069), and a closer without its opener is dropped, so an article's "right-to-left
    /// override" cannot reverse the page's text after it (Unicode Standard Annex #9, rules
    /// X1–X8).
    ///
    /// - Complexity: O(n) in the text's length.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var open: [Bool] = []  // the bidi controls left open, innermost last: true for an isolate
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{202A}", "\u{202B}", "\u{202D}", "\u{202E}":
                open.append(false)
                out.unicodeScalars.append(scalar)
            case "\u{2066}", "\u{2067}", "\u{2068}":
                open.append(true)
                out.unicodeScalars.append(scalar)
            case "\u{202C}":
                guard open.last == false else { continue }
                open.removeLast()
                out.unicodeScalars.append(scalar)
            case "\u{2069}":
                // Closes its isolate and whatever embeddings were opened inside it.
                guard let isolate = open.lastIndex(of: true) else { continue }
                open.removeSubrange(isolate...)
                out.unicodeScalars.append(scalar)
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
        for isolate in open.reversed() { out += isolate ? "\u{2069}" : "\u{202C}" }
        return out
    }
}
