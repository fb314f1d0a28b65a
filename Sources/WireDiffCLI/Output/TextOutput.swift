import Foundation

/// Where a command writes text: a file descriptor (buffered) or a capture buffer in tests.
public protocol TextOutput: AnyObject {
    /// Appends text.
    func write(_ text: String)
    /// Pushes buffered text out.
    func flush()
    /// Whether this output is an interactive terminal (colors and progress only then).
    var isTerminal: Bool { get }
}

extension TextOutput {
    /// Appends text and a newline.
    public func line(_ text: String = "") { write(text + "\n") }
}

/// Buffered output to a file descriptor (stdout or stderr).
public final class FileDescriptorOutput: TextOutput {
    let descriptor: Int32
    var buffer: [UInt8] = []
    public let isTerminal: Bool

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        let term = ProcessInfo.processInfo.environment["TERM"]
        self.isTerminal = isatty(descriptor) == 1 && term != "dumb"
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 || descriptor == 2 { flush() }
    }

    public func flush() {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return  // broken pipe or closed output: nothing more can be written
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Output captured in memory (tests, and `--output` files written atomically).
public final class CapturedOutput: TextOutput {
    public private(set) var text = ""
    public let isTerminal: Bool

    public init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    public func write(_ text: String) { self.text += text }
    public func flush() {}
}
