/// Control characters made visible in text meant for a terminal.
///
/// Article text and ids reach text reports and diagnostics; a control character in them (an
/// escape sequence that retitles the terminal, moves the cursor or clears the screen, a
/// backspace, a C1 control) is written as `\u{1B}`, `\u{7F}`, `\u{9B}` instead. JSON output
/// needs none of this (its strings are escaped); CSV and JSONL keep the data as it is.
enum ControlCharacters {
    /// `text` with every C0 control but tab and line feed, DEL, and every C1 control
    /// (U+0080–U+009F) written as `\u{X}`. With `keepingStyles` (a terminal, where wirediff
    /// writes its own colors and progress line), the SGR sequences `ESC [ digits ; … m`, the
    /// line clear `ESC [ K` and the carriage return right before it pass unchanged.
    ///
    /// - Complexity: O(n) in the text's UTF-8 length; text without such a byte is returned as
    ///   it is after one scan.
    static func escaped(_ text: String, keepingStyles: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: mayNeedEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if !mayNeedEscape(b) {
                    out.append(b)
                    i += 1
                } else if b == 0xC2 {
                    // C1 controls are C2 80 … C2 9F; other C2 sequences are ordinary characters.
                    if i + 1 < bytes.count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                        appendEscape(bytes[i + 1], to: &out)
                        i += 2
                    } else {
                        out.append(b)
                        i += 1
                    }
                } else if keepingStyles, let length = styleLength(bytes, at: i) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                    i += length
                } else {
                    appendEscape(b, to: &out)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Whether a byte is a control (not tab or LF), DEL, or the lead byte of a C1 control.
    @inline(__always)
    static func mayNeedEscape(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || b == 0xC2
    }

    /// The length of the terminal style sequence at `bytes[i]` that wirediff writes itself:
    /// `ESC [ [0-9;]* m`, `ESC [ K`, or `CR ESC [ K`; `nil` for anything else.
    static func styleLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let esc: UInt8 = 0x1B, bracket = UInt8(ascii: "[")
        func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
        if bytes[i] == 0x0D {
            return at(i + 1) == esc && at(i + 2) == bracket && at(i + 3) == UInt8(ascii: "K") ? 4 : nil
        }
        guard bytes[i] == esc, at(i + 1) == bracket else { return nil }
        var j = i + 2
        while let c = at(j), (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ";") { j += 1 }
        if at(j) == UInt8(ascii: "m") { return j - i + 1 }
        if j == i + 2, at(j) == UInt8(ascii: "K") { return 3 }
        return nil
    }

    /// Appends `\u{X}` (X in uppercase hex).
    static func appendEscape(_ value: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: "\\u{".utf8)
        out.append(contentsOf: String(value, radix: 16, uppercase: true).utf8)
        out.append(UInt8(ascii: "}"))
    }
}
