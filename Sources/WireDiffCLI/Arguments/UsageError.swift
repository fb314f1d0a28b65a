/// A mistake in how the tool was called: exit 64 (`EX_USAGE`), with a one-line message and an
/// optional hint.
public struct UsageError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String {
        if let hint { return "\(message) (\(hint))" }
        return message
    }
}
