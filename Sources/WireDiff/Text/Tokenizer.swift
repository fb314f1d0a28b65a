/// Splits text into word, number and ideograph tokens with byte offsets and stable hashes.
///
/// PLACEHOLDER implementation (ASCII letters/digits only) to be replaced by the real
/// byte-level tokenizer.
public struct Tokenizer: Sendable {
    public init() {}

    /// Appends the tokens of `bytes[range]` to `tokens`.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token]) {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            let isAlnum = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) || b >= 0x80
            if !isAlnum { i += 1; continue }
            let start = i
            while i < range.upperBound {
                let c = bytes[i]
                let ok = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c >= 0x80
                if !ok { break }
                i += 1
            }
            let token = Token(start: start, end: i, hash: 0, kind: .word)
            let norm = Tokenizer.normalizedForm(of: token, in: bytes)
            var flags: Token.Flags = []
            if bytes[start] >= 0x41 && bytes[start] <= 0x5a { flags.insert(.capitalized) }
            tokens.append(Token(start: start, end: i, hash: StableHash.hash(norm), kind: bytes[start] <= 0x39 ? .number : .word, flags: flags))
        }
    }

    /// Convenience: the tokens of a whole string (offsets are UTF-8 byte offsets).
    public func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { tokenize($0, range: 0..<$0.count, into: &tokens) }
        return tokens
    }

    /// The normalized (lowercased) bytes of a token.
    public static func normalizedForm(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        bytes[token.range].map { ($0 >= 0x41 && $0 <= 0x5a) ? $0 | 0x20 : $0 }
    }
}
