import Foundation
import WireDiff

/// What a command runs against: its outputs, standard input and environment.
///
/// Tests build one with captured outputs; the executable uses the process's own.
public struct ToolContext {
    /// Results go here.
    public var stdout: TextOutput
    /// Diagnostics, summaries and progress go here.
    public var stderr: TextOutput
    /// Reads all of standard input.
    public var readStandardInput: @Sendable () throws(InputError) -> [UInt8]

    public init(stdout: TextOutput, stderr: TextOutput, readStandardInput: @escaping @Sendable () throws(InputError) -> [UInt8]) {
        self.stdout = stdout
        self.stderr = stderr
        self.readStandardInput = readStandardInput
    }

    /// The process's own standard streams.
    public static func process() -> ToolContext {
        ToolContext(
            stdout: FileDescriptorOutput(descriptor: 1),
            stderr: FileDescriptorOutput(descriptor: 2),
            readStandardInput: CorpusReader.readStandardInput
        )
    }
}
