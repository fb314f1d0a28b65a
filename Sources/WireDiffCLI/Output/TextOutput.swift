/// Where a command writes text: standard output or error (buffered), an output file written
/// atomically, or a capture buffer in tests.
///
/// Writes do not throw: an output that fails keeps its first ``failure`` and drops the text
/// written after it, and ``finish()`` reports it, so a command writes its results plainly and
/// checks once at the end.
package protocol TextOutput: AnyObject {
    /// Appends text.
    func write(_ text: String)
    /// Pushes buffered text out.
    func flush()
    /// Whether this output is an interactive terminal (colors and progress only then).
    var isTerminal: Bool { get }
    /// The first failed write since the output was opened, if any.
    var failure: OutputError? { get }
    /// Pushes out everything written and reports the first failure. An output file is put in
    /// place only here.
    func finish() throws(OutputError)
}

extension TextOutput {
    /// Appends text and a newline.
    package func line(_ text: String = "") { write(text + "\n") }

    /// Flushes, then throws the first failure if there was one.
    package func finish() throws(OutputError) {
        flush()
        if let failure { throw failure }
    }
}
