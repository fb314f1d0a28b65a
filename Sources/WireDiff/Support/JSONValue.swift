/// A JSON value (RFC 8259): what `JSONParser` reads and what every `--format json` output is
/// built from.
///
/// Numbers keep their literal text, so an integer id such as `12345678901234567890` is never
/// rounded through `Double` on the way in, and output numbers are formatted once, stably.
/// Objects keep their members in order (``JSONObject``), so output is byte-identical from run
/// to run and reads in a sensible order (`id` first).
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, in RFC 8259 number grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// An integer.
    package static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A number, shortest round-trip form; non-finite values become `null`.
    package static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int(value))) }
        return .number(String(value))
    }

    /// A number rounded to `digits` decimals, for scores (stable, short output).
    package static func rounded(_ value: Double, digits: Int = 4) -> JSONValue {
        guard value.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return .double((value * scale).rounded() / scale)
    }

    /// An optional string: the string, or `null`.
    package static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// The member named `key` of an object (the last one if repeated), or `nil`.
    package subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Whether this is a number literal without fraction or exponent.
    package var isInteger: Bool {
        guard case .number(let text) = self else { return false }
        return !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
    }

    /// The value of a number as a `Double` (may round), or `nil` for non-numbers.
    package var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The JSON type's name, for error messages: "null", "boolean", "number", "string",
    /// "array", "object".
    package var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The compact serialization (one line).
    package var serialized: String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact serialization's UTF-8 bytes to `out`.
    ///
    /// - Complexity: O(n) in the serialization's length.
    package func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case .number(let text): JSONValue.appendUTF8(text, to: &out)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends the UTF-8 bytes of `s`.
    private static func appendUTF8(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Writes a JSON string literal with RFC 8259 escaping (and U+2028/U+2029 escaped, so the
    /// output is also valid JavaScript). Runs of bytes that need no escape are appended whole.
    package static func writeString(_ s: String, to out: inout [UInt8]) {
        var text = s
        text.withUTF8 { bytes in
            out.append(UInt8(ascii: "\""))
            var run = 0  // the start of the bytes not yet appended
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                // ASCII control bytes, quote, backslash and U+2028 / U+2029 (E2 80 A8 / A9).
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 else {
                    i += 1
                    continue
                }
                var length = 1
                if byte == 0xE2 {
                    guard i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                    length = 3
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22, 0x5C: out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0xE2: out.append(contentsOf: bytes[i + 2] == 0xA8 ? "u2028".utf8 : "u2029".utf8)
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: "u00".utf8)
                    out.append(hex.utf8Start[Int(byte >> 4)])
                    out.append(hex.utf8Start[Int(byte & 15)])
                }
                i += length
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
            out.append(UInt8(ascii: "\""))
        }
    }
}

package struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    package var members: [(key: String, value: JSONValue)]

    package init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    /// The last value of `key`, or `nil`.
    package subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    /// Appends a member.
    package mutating func append(_ key: String, _ value: JSONValue) {
        members.append((key: key, value: value))
    }

    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
