import Foundation
import WireDiff

/// What a command runs against: its outputs, standard input and environment.
///
/// Tests build one with captured outputs; the executable uses the process's own.
package struct ToolContext {
    /// Results go here.
    package var stdout: TextOutput
    /// Diagnostics, summaries and progress go here.
    package var stderr: TextOutput
    /// Standard input, read as a stream under the reader's limits.
    package var standardInput: ByteStream

    package init(stdout: TextOutput, stderr: TextOutput, standardInput: ByteStream) {
        self.stdout = stdout
        self.stderr = stderr
        self.standardInput = standardInput
    }

    /// The process's own standard streams.
    ///
    /// A standard descriptor the process was started without is held by `/dev/null`, so that
    /// no file opened later takes its number (and receives results or is read as input); a
    /// closed standard output is then an error at the end of the run. Call before opening
    /// anything.
    package static func process() -> ToolContext {
        var closed: Set<Int32> = []
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 {
            closed.insert(fd)
            _ = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)  // the lowest free number: fd
        }
        return ToolContext(
            stdout: FileDescriptorOutput(descriptor: 1, name: "standard output", closed: closed.contains(1)),
            stderr: FileDescriptorOutput(descriptor: 2, name: "standard error", buffered: false, closed: closed.contains(2)),
            standardInput: .standardInput()
        )
    }
}
