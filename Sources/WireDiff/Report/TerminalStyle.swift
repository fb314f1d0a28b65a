/// ANSI styling that is a no-op unless output goes to an interactive terminal.
public struct TerminalStyle: Sendable {
    /// Whether escape codes are written.
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// `text` wrapped in the SGR `code` ("1" bold, "31" red, "32;1" …) when enabled.
    public func apply(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { apply("1", text) }
    public func dim(_ text: String) -> String { apply("2", text) }
}
