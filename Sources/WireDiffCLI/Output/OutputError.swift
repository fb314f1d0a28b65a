/// Why results could not be written, naming the target (a path, or "standard output").
///
/// Exit codes follow sysexits(3): an output that cannot be created where asked is
/// `EX_CANTCREAT` (73); a write, sync or rename that fails once writing has begun is `EX_IOERR`
/// (74). The reader of a pipe going away (`EPIPE`) is not an error to report: see
/// ``readerLeft(target:)``.
package enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output file cannot be created: its directory is missing or not writable, or the
    /// path names something that is not a regular file (a directory, a device).
    case cannotCreate(path: String, reason: String)
    /// A write, or the sync, close or rename that ends a file, failed or was short.
    case writeFailed(target: String, reason: String)
    /// The reader of a pipe went away (`EPIPE`), like `head` after its lines: the run stops
    /// quietly.
    case readerLeft(target: String)

    /// The process exit status for this error: 73, 74, or 141 (128 + SIGPIPE, what a shell
    /// reports for a process ended by a broken pipe).
    package var exitCode: Int32 {
        switch self {
        case .cannotCreate: ExitCode.cannotCreate
        case .writeFailed: ExitCode.ioError
        case .readerLeft: ExitCode.brokenPipe
        }
    }

    /// One line naming the target.
    package var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "cannot create '\(path)': \(reason)"
        case .writeFailed(let target, let reason): "cannot write \(target): \(reason)"
        case .readerLeft(let target): "\(target): the reader went away (broken pipe)"
        }
    }
}
