/// Output captured in memory (tests).
public final class CapturedOutput: TextOutput {
    public private(set) var text = ""
    public let isTerminal: Bool
    public var failure: OutputError? { nil }

    public init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    public func write(_ text: String) { self.text += text }
    public func flush() {}
}
