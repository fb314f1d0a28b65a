/// An output that makes control characters visible before they reach another output: for
/// text formats and diagnostics, which a terminal would interpret (see ``ControlCharacters``).
final class TerminalSafeOutput: TextOutput {
    let base: TextOutput

    init(_ base: TextOutput) {
        self.base = base
    }

    var isTerminal: Bool { base.isTerminal }
    var failure: OutputError? { base.failure }

    func write(_ text: String) { base.write(ControlCharacters.escaped(text, keepingStyles: base.isTerminal)) }
    func flush() { base.flush() }
    func finish() throws(OutputError) { try base.finish() }
}
