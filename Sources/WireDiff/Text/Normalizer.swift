import Foundation

/// Text normalization for matching; the original text is always kept for display.
///
/// ``normalize(_:)`` gives the matching form of any text: Unicode NFKC (compatibility
/// composition, so "ﬁ" → "fi", full-width "Ａ" → "a", "…" → "..."), case folding by Unicode
/// lowercase mapping (`String.lowercased()`: "ÉCOLE" → "école", "Москва" → "москва"; unlike
/// full case folding it keeps "ß"), curly quotes mapped to straight ones (‘ ’ ‚ ‛ ′ → ',
/// “ ” „ ‟ ″ « » → "), dashes and minus signs mapped to "-", no-break and other spaces mapped to
/// a space, zero-width spaces and the BOM removed, and runs of whitespace collapsed to one space
/// with the ends trimmed.
///
/// Pure-ASCII input takes a byte-level fast path; only text containing bytes ≥ 0x80 goes
/// through Foundation's `precomposedStringWithCompatibilityMapping`.
///
/// Token normalization (see ``Tokenizer/normalizedForm(of:in:)``) follows the same rules and
/// additionally drops apostrophes and acronym periods inside words and thousands commas inside
/// numbers, so "U.S." → "us", "don’t" → "dont", "1,600" → "1600".
///
/// - Complexity: O(n) in the length of the text.
package enum Normalizer {
    /// The matching form of `s` (NFKC, lowercased, quotes/dashes/spaces mapped, whitespace
    /// collapsed and trimmed).
    package static func normalize(_ s: String) -> String {
        var copy = s
        let isASCII = copy.withUTF8 { buf in buf.allSatisfy { $0 < 0x80 } }
        if isASCII {
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            var pendingSpace = false
            for b in s.utf8 {
                if ByteClass.table[Int(b)] == ByteClass.space {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(ByteClass.isUpper(b) ? b | 0x20 : b)
            }
            return String(decoding: out, as: UTF8.self)
        }
        var mapped = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x200b, 0x2060, 0xfeff: continue  // zero-width spaces, word joiner, BOM: removed
            default: mapped.append(mapPunctuation(scalar))
            }
        }
        let composed = String(mapped).precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            if UTF8Scan.isSpace(scalar.value) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    /// The normalized bytes of a token that contains non-ASCII bytes (the tokenizer's slow
    /// path): apostrophes removed (and periods for words, commas for numbers), then NFKC and
    /// lowercase.
    static func normalizeToken(_ bytes: UnsafeBufferPointer<UInt8>, kind: Token.Kind) -> [UInt8] {
        var kept = String.UnicodeScalarView()
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x27, 0x2019, 0x02bc, 0x200b, 0x2060, 0xfeff: continue
            case 0x2e where kind == .word: continue
            case 0x2c where kind == .number: continue
            default: kept.append(scalar)
            }
        }
        let folded = String(kept).precomposedStringWithCompatibilityMapping.lowercased()
        return Array(folded.utf8)
    }

    /// Maps curly quotes, primes and guillemets to straight quotes and dashes to "-".
    @inline(__always)
    static func mapPunctuation(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc: return "'"
        case 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb: return "\""
        case 0x2010...0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d: return "-"
        default: return scalar
        }
    }
}
