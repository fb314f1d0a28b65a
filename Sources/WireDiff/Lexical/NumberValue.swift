/// The value of a number as written in news text, so that one fact written two ways compares
/// equal: "2" = "two", "1,600" = "1600", "£5m" = "£5 million" = "£5,000,000", "3.5%" =
/// "3.5 per cent" = "3.5 percent", "twenty-five" = "25", "13th" = "13".
///
/// A mention is a digit token or a number word ("two" … "ninety", "hundred", "thousand",
/// "million", "billion", "trillion", "dozen"), optionally followed by more number words and a
/// multiplier ("m", "bn", "k" attached or "million" as a word) and a percent sign or words. A
/// currency sign (`$ £ € ¥`) is part of the value: "$5m" ≠ "£5m". "one" is not a number word on
/// its own (it is mostly a pronoun or a determiner), only inside a mention ("one million").
///
/// ``key`` is canonical text: currency, the value with at most 10 significant digits, then `%`
/// for percentages or `s` for decades ("1980s"); ordinal suffixes are dropped.
///
/// - Complexity: O(n) in the mention's bytes.
package struct NumberValue: Sendable, Hashable {
    package var value: Double
    package var currency: String
    package var suffix: String

    package var key: String { currency + NumberValue.format(value) + suffix }

    /// Values within this ratio, in the same currency and unit, can be one figure changed
    /// ("400 customers" → "460 customers"); further apart they are different figures.
    package static let changeRatio = 2.5

    /// Whether `a` and `b` could be one figure changed (see ``changeRatio``); `false` when
    /// either is unknown.
    package static func couldBeChanged(_ a: NumberValue?, _ b: NumberValue?) -> Bool {
        guard let a, let b, a.currency == b.currency, a.suffix == b.suffix else { return false }
        let x = abs(a.value), y = abs(b.value)
        guard x > 0, y > 0 else { return x == y }
        return max(x, y) / min(x, y) < changeRatio
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(v)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    /// How a lowercase word takes part in a number mention.
    package enum WordRole: Sendable, Equatable {
        /// A number word with its value ("two", "twenty"); `isTens` for twenty … ninety.
        case number(Double, isTens: Bool)
        /// A multiplier ("hundred", "thousand", "million", "bn").
        case multiplier(Double)
        /// "percent", or "per" (of "per cent").
        case percent
        case per
        case cent
    }

    static let words: [String: WordRole] = {
        var t: [String: WordRole] = [:]
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (v, w) in units.enumerated() { t[w] = .number(Double(v), isTens: false) }
        for (k, w) in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() {
            t[w] = .number(Double(20 + 10 * k), isTens: true)
        }
        t["dozen"] = .number(12, isTens: false)
        for (w, m) in [("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
                       ("bn", 1e9), ("mn", 1e6), ("tn", 1e12)] {
            t[w] = .multiplier(m)
        }
        t["percent"] = .percent
        t["per"] = .per
        t["cent"] = .cent
        return t
    }()

    /// The role of a lowercase word in a number mention, if any.
    package static func role(of word: [UInt8]) -> WordRole? {
        guard word.count <= 9, let first = word.first, first >= 0x61 && first <= 0x7a else { return nil }
        return words[String(decoding: word, as: UTF8.self)]
    }

    /// Whether a lowercase word starts a mention on its own ("two", not "one" or "million").
    package static func startsMention(_ word: [UInt8]) -> Bool {
        if case .number(let v, _)? = role(of: word) { return v != 1 }
        return false
    }

    /// Parses one digit token's normalized text ("£5.2m", "1600", "3.5%", "1980s", "13th").
    package init?(digits text: [UInt8]) {
        var i = 0
        var currency = ""
        // Currency signs: $ (0x24), £ (C2 A3), € (E2 82 AC), ¥ (C2 A5).
        if i < text.count, text[i] == 0x24 { currency = "$"; i += 1 }
        else if i + 1 < text.count, text[i] == 0xc2, text[i + 1] == 0xa3 { currency = "£"; i += 2 }
        else if i + 1 < text.count, text[i] == 0xc2, text[i + 1] == 0xa5 { currency = "¥"; i += 2 }
        else if i + 2 < text.count, text[i] == 0xe2, text[i + 1] == 0x82, text[i + 2] == 0xac { currency = "€"; i += 3 }
        var mantissa: Double = 0, scale: Double = 1, seenDigit = false, fraction = false
        while i < text.count {
            let b = text[i]
            if b >= 0x30 && b <= 0x39 {
                seenDigit = true
                if fraction { scale /= 10; mantissa += Double(b - 0x30) * scale } else { mantissa = mantissa * 10 + Double(b - 0x30) }
            } else if b == 0x2e && !fraction && i + 1 < text.count && text[i + 1] >= 0x30 && text[i + 1] <= 0x39 {
                fraction = true
            } else if b != 0x2c {
                break
            }
            i += 1
        }
        guard seenDigit else { return nil }
        let rest = String(decoding: text[i...], as: UTF8.self)
        var suffix = ""
        switch rest {
        case "": break
        case "%": suffix = "%"
        case "m", "mn", "million": mantissa *= 1e6
        case "bn", "b", "billion": mantissa *= 1e9
        case "k", "thousand": mantissa *= 1e3
        case "tn", "trillion": mantissa *= 1e12
        case "st", "nd", "rd", "th": break
        case "s": suffix = "s"
        default: return nil
        }
        self.init(value: mantissa, currency: currency, suffix: suffix)
    }

    package init(value: Double, currency: String = "", suffix: String = "") {
        self.value = value
        self.currency = currency
        self.suffix = suffix
    }

    /// Folds the following word of a mention into this value ("5" + "million", "twenty" +
    /// "five", "3" + "per" "cent"); `false` when the word does not continue it.
    package mutating func extend(with role: WordRole, previous: WordRole?) -> Bool {
        switch role {
        case .multiplier(let m):
            guard suffix.isEmpty else { return false }
            value *= m
        case .number(let v, _):
            // "twenty" "five", "two hundred" "five": a smaller unit after a tens word or a
            // multiplier.
            guard v < 10, suffix.isEmpty else { return false }
            switch previous {
            case .number(_, isTens: true)?, .multiplier?: value += v
            default: return false
            }
        case .percent, .cent:
            guard suffix.isEmpty else { return false }
            if role == .cent, previous != .per { return false }
            suffix = "%"
        case .per:
            return suffix.isEmpty
        }
        return true
    }
}
