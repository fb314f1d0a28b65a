#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's results go: standard output, or the file of `--output`.
enum ResultOutput {
    /// The `--format` option of a command that writes `formats` (the first listed in help
    /// first), `defaultFormat` when not given.
    static func formatOption(_ formats: [String], default defaultFormat: String) -> Option<String> {
        let listed = formats.count > 1 ? formats.dropLast().joined(separator: ", ") + " or " + formats[formats.count - 1] : formats.joined()
        return Option("--format", short: "-f", "format", .choice(formats), default: defaultFormat, help: "Output format: \(listed).")
    }

    /// The `--output` option of a command that writes `what` ("results", "the report").
    static func option(writing what: String) -> Option<String?> {
        Option("--output", short: "-o", "file", .text, help: "Write \(what) to a file (atomically) instead of stdout.")
    }

    /// Standard output, or for `path` an ``AtomicFile`` that the command must
    /// ``TextOutput/finish()`` after its last write. With `escapingControls` (text formats),
    /// control characters are made visible. Called before any input is read, so that an output
    /// that is one of the `inputs` (a usage error, exit 64) or cannot be created (exit 73)
    /// stops the run before work is done.
    static func open(
        _ path: String?, inputs: [String], directoryExtensions: [String], context: ToolContext, escapingControls: Bool
    ) throws -> TextOutput {
        var output = context.stdout
        if let path {
            try checkNotAnInput(path, inputs: inputs, directoryExtensions: directoryExtensions)
            output = try AtomicFile(path: path)
        }
        return escapingControls ? TerminalSafeOutput(output) : output
    }

    /// Throws when writing `output` would destroy an input: it is the same file (device and
    /// inode, so links and other spellings count) as a file argument or as standard input
    /// (`-`), or a file that a directory argument reads (inside it, with one of
    /// `directoryExtensions`). A file that does not exist yet is no input.
    static func checkNotAnInput(_ output: String, inputs: [String], directoryExtensions: [String]) throws(UsageError) {
        var target = stat()
        guard stat(output, &target) == 0 else { return }
        let outputReal = realPath(output)
        let outputExtension = output.split(separator: "/").last.flatMap { name in
            name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() }
        }
        for input in inputs {
            var info = stat()
            guard (input == "-" ? fstat(0, &info) : stat(input, &info)) == 0 else { continue }
            if info.st_dev == target.st_dev && info.st_ino == target.st_ino {
                let shown = input == "-" ? "standard input" : "the input '\(input)'"
                throw UsageError("--output '\(output)' is \(shown): writing it would destroy it", hint: "choose another output file")
            }
            if info.st_mode & S_IFMT == S_IFDIR, let outputReal, let directory = realPath(input),
               outputReal.hasPrefix(directory == "/" ? "/" : directory + "/"),
               let outputExtension, directoryExtensions.contains(where: { $0.lowercased() == outputExtension })
            {
                throw UsageError("--output '\(output)' is one of the articles read from '\(input)': writing it would destroy it", hint: "choose another output file")
            }
        }
    }

    /// The canonical absolute path of an existing path.
    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
