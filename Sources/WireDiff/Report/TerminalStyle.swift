/// ANSI styling that is a no-op unless output goes to an interactive terminal.
package struct TerminalStyle: Sendable {
    /// Whether escape codes are written.
    package var enabled: Bool

    package init(enabled: Bool) {
        self.enabled = enabled
    }

    /// `text` wrapped in the SGR `code` ("1" bold, "31" red, "32;1" …) when enabled.
    package func apply(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    package func bold(_ text: String) -> String { apply("1", text) }
    package func dim(_ text: String) -> String { apply("2", text) }
}
