/// Output captured in memory (tests).
package final class CapturedOutput: TextOutput {
    package private(set) var text = ""
    package let isTerminal: Bool
    package var failure: OutputError? { nil }

    package init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    package func write(_ text: String) { self.text += text }
    package func flush() {}
}
