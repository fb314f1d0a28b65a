#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WireDiff

/// Output to a file descriptor (standard output or error, or an open file), buffered in 64 KiB
/// blocks or written at once, with every write checked.
///
/// A failed or short write is kept as ``failure`` (`writeFailed`, or `readerLeft` when the
/// reader of a pipe went away), and text written after it is dropped.
package final class FileDescriptorOutput: TextOutput {
    let descriptor: Int32
    /// The target named in errors: "standard output", or a path.
    let name: String
    let buffered: Bool
    var buffer: [UInt8] = []
    package let isTerminal: Bool
    package private(set) var failure: OutputError?

    static let blockBytes = 1 << 16

    /// An output to `descriptor`, named `name` in errors; `buffered: false` writes each text at
    /// once (standard error). `closed`: the process was started with this descriptor closed,
    /// so nothing can be written.
    package init(descriptor: Int32, name: String, buffered: Bool = true, closed: Bool = false) {
        self.descriptor = descriptor
        self.name = name
        self.buffered = buffered
        if closed { failure = .writeFailed(target: name, reason: "it is closed") }
        let term = ProcessInfo.processInfo.environment["TERM"]
        self.isTerminal = isatty(descriptor) == 1 && term != "dumb"
        if buffered { buffer.reserveCapacity(Self.blockBytes) }
    }

    package func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if !buffered || buffer.count >= Self.blockBytes { flush() }
    }

    package func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !buffer.isEmpty else { return }
        let code = buffer.withUnsafeBytes { FileIO.writeAll(descriptor, $0) }
        if let code {
            failure = code == EPIPE ? .readerLeft(target: name) : .writeFailed(target: name, reason: UnixFile.message(code))
        }
    }

    deinit { flush() }
}
