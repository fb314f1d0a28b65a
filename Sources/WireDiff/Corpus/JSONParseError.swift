/// Why a byte sequence is not one JSON value: where (byte offset into the input) and what.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Offset of the offending byte in the parsed input.
    public var byteOffset: Int
    /// What was wrong, phrased for a user ("expected ':' after an object key").
    public var reason: String

    public init(byteOffset: Int, reason: String) {
        self.byteOffset = byteOffset
        self.reason = reason
    }

    public var description: String { "byte \(byteOffset): \(reason)" }
}
