/// Why a byte sequence is not one JSON value: where (byte offset into the input) and what.
package struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Offset of the offending byte in the parsed input.
    package var byteOffset: Int
    /// What was wrong, phrased for a user ("expected ':' after an object key").
    package var reason: String

    package init(byteOffset: Int, reason: String) {
        self.byteOffset = byteOffset
        self.reason = reason
    }

    package var description: String { "byte \(byteOffset): \(reason)" }
}
