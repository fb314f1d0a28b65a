/// Exit codes, following sysexits(3).
package enum ExitCode {
    package static let success: Int32 = 0
    /// Used by commands whose answer is "no" (e.g. `find` found no rewrite) — not an error.
    package static let notFound: Int32 = 1
    /// EX_USAGE: the command was called wrongly (also: `--output` names one of the inputs).
    package static let usage: Int32 = 64
    /// EX_DATAERR: the input was bad, or too large for the command.
    package static let dataError: Int32 = 65
    /// EX_SOFTWARE: an internal failure.
    package static let software: Int32 = 70
    /// EX_CANTCREAT: an output file could not be created (missing directory, no permission,
    /// not a regular file).
    package static let cannotCreate: Int32 = 73
    /// EX_IOERR: writing results failed (a full disk, a closed standard output, a failed sync
    /// or rename).
    package static let ioError: Int32 = 74
    /// 128 + SIGPIPE: standard output's reader went away. The executable then ends by SIGPIPE
    /// itself, silently, as `head` users expect.
    package static let brokenPipe: Int32 = 141
}
