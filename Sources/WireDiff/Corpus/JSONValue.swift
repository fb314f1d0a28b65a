/// A JSON value (RFC 8259), as read by `JSONParser`.
///
/// Numbers keep their literal text so an integer id such as `12345678901234567890` is not
/// rounded through `Double`; `isInteger` and `doubleValue` interpret it. Objects map each key to
/// its value; when a key repeats, the last value wins (as in JavaScript and Python).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, already checked against the RFC 8259 grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member named `key` of an object, or `nil` (also for non-objects).
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Whether this is a number literal without fraction or exponent.
    public var isInteger: Bool {
        guard case .number(let text) = self else { return false }
        return !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
    }

    /// The value of a number as a `Double` (may round), or `nil` for non-numbers.
    public var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The JSON type's name, for error messages: "null", "boolean", "number", "string",
    /// "array", "object".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
