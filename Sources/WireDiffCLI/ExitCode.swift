/// Exit codes, following sysexits(3).
public enum ExitCode {
    public static let success: Int32 = 0
    /// Used by commands whose answer is "no" (e.g. `find` found no rewrite) — not an error.
    public static let notFound: Int32 = 1
    /// EX_USAGE: the command was called wrongly.
    public static let usage: Int32 = 64
    /// EX_DATAERR: the input was bad.
    public static let dataError: Int32 = 65
    /// EX_SOFTWARE: an internal failure.
    public static let software: Int32 = 70
    /// EX_CANTCREAT: an output file could not be written.
    public static let cannotCreate: Int32 = 73
}
