/// A mistake in how the tool was called: exit 64 (`EX_USAGE`), with a one-line message and an
/// optional hint.
package struct UsageError: Error, Equatable, CustomStringConvertible, Sendable {
    package var message: String
    package var hint: String?

    package init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    package var description: String {
        if let hint { return "\(message) (\(hint))" }
        return message
    }
}
