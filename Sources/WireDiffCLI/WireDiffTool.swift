import Foundation
import WireDiff

/// The `wirediff` command-line tool: dispatches to subcommands, prints help and version, and
/// turns errors into one-line messages and sysexits codes.
package enum WireDiffTool {
    /// The tool's version (`wirediff --version`).
    package static let version = "0.1.0"

    /// One line describing the tool.
    static let overview = "Find rewrites of news stories and show what each version adds or leaves out."

    /// The subcommands, in help order.
    static let commands: [any Command.Type] = [
        SentencesCommand.self,
        DedupCommand.self,
        FindCommand.self,
        ExplainCommand.self,
        IndexCommand.self,
        DiffCommand.self,
        PairsCommand.self,
        // The stages of a distributed run (Documentation/Distributed.md), in pipeline order.
        FeaturesCommand.self,
        PlanCommand.self,
        SketchCommand.self,
        VerifyCommand.self,
        ClusterCommand.self,
        StoriesCommand.self,
    ]

    static let helpOption = Flag("--help", short: "-h", help: "Show help for this command.")

    /// Runs the tool with `arguments` (without the program name) against the process's streams.
    ///
    /// Writes to a closed pipe fail with `EPIPE` instead of killing the process at once, so
    /// temporary files are removed; when standard output's reader went away (`… | head`), the
    /// process then ends by SIGPIPE, silently, as other tools do. SIGINT, SIGTERM and SIGHUP
    /// remove temporary files first (``TemporaryFiles``).
    package static func run(arguments: [String]) -> Int32 {
        let context = ToolContext.process()
        signal(SIGPIPE, SIG_IGN)
        TemporaryFiles.removeOnSignals()
        let code = run(arguments: arguments, context: context)
        if code == ExitCode.brokenPipe {
            TemporaryFiles.removeAll()
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        return code
    }

    /// Runs the tool with `arguments` against `context`; returns the exit code.
    ///
    /// Diagnostics have control characters made visible. Results still buffered are written
    /// at the end; a failure to write them (a full disk, a closed standard output) is the
    /// run's failure: exit 74 with one line on stderr, or 141 (silently) when the reader of a
    /// pipe went away. A command's own error comes first.
    package static func run(arguments: [String], context: ToolContext) -> Int32 {
        var context = context
        context.stderr = TerminalSafeOutput(context.stderr)
        defer { context.stderr.flush() }
        let (code, name) = dispatch(arguments, context: context)
        do {
            try context.stdout.finish()
        } catch {
            guard code == ExitCode.success || code == ExitCode.notFound else { return code }
            if case .readerLeft = error { return error.exitCode }
            context.stderr.line("\(name): \(error)")
            return error.exitCode
        }
        return code
    }

    /// Runs the command `arguments` name; returns its exit code and the name to prefix
    /// messages with ("wirediff dedup").
    static func dispatch(_ arguments: [String], context: ToolContext) -> (code: Int32, name: String) {
        guard let first = arguments.first else {
            context.stderr.write(mainHelp())
            return (ExitCode.usage, "wirediff")
        }
        switch first {
        case "help" where arguments.count > 1:
            guard arguments.count == 2, let command = command(named: arguments[1]) else {
                context.stderr.line(arguments.count == 2
                    ? unknownCommandMessage(arguments[1])
                    : "wirediff: help takes one subcommand (see 'wirediff --help')")
                return (ExitCode.usage, "wirediff")
            }
            context.stdout.write(help(for: command))
            return (ExitCode.success, "wirediff")
        case "--help", "-h", "help":
            context.stdout.write(mainHelp())
            return (ExitCode.success, "wirediff")
        case "--version":
            context.stdout.line("wirediff \(version)")
            return (ExitCode.success, "wirediff")
        default:
            break
        }
        guard let command = command(named: first) else {
            context.stderr.line(unknownCommandMessage(first))
            return (ExitCode.usage, "wirediff")
        }
        let name = "wirediff \(command.name)"
        let rest = Array(arguments.dropFirst())
        let options = rest.prefix { $0 != "--" }  // after "--" every argument is a path
        if options.contains(helpOption.name) || options.contains(where: { $0 == helpOption.spec.short }) {
            context.stdout.write(help(for: command))
            return (ExitCode.success, name)
        }
        do {
            let parsed = try ArgumentParser(options: command.options + [helpOption.spec]).parse(rest)
            return (try command.run(parsed, context: context), name)
        } catch let error as UsageError {
            context.stderr.line("\(name): \(error)")
            context.stderr.line("usage: wirediff \(command.name) \(command.usage)")
            return (ExitCode.usage, name)
        } catch let error as InputError {
            context.stderr.line("\(name): \(error)")
            return (error.exitCode, name)
        } catch let error as ArchiveError {
            context.stderr.line("\(name): \(error)")
            return (error.exitCode, name)
        } catch let error as Differ.TooLarge {
            context.stderr.line("\(name): \(error)")
            return (ExitCode.dataError, name)
        } catch let error as OutputError {
            if case .readerLeft = error { return (error.exitCode, name) }
            context.stderr.line("\(name): \(error)")
            return (error.exitCode, name)
        } catch {
            context.stderr.line("\(name): internal error: \(error)")
            return (ExitCode.software, name)
        }
    }

    /// Exits the process with `code`.
    package static func exitWith(_ code: Int32) -> Never { exit(code) }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.name == name }
    }

    /// "unknown command 'x'", with the closest subcommand name when one is near.
    static func unknownCommandMessage(_ name: String) -> String {
        let closest = commands.map { $0.name }
            .min { EditDistance.between(name, $0) < EditDistance.between(name, $1) }
        if let closest, EditDistance.between(name, closest) <= 3 {
            return "wirediff: unknown command '\(name)' (did you mean '\(closest)'? see 'wirediff --help')"
        }
        return "wirediff: unknown command '\(name)' (see 'wirediff --help')"
    }

    /// The top-level help: OVERVIEW, USAGE, SUBCOMMANDS, OPTIONS.
    static func mainHelp() -> String {
        var out = "OVERVIEW: \(overview)\n\n"
        out += "USAGE: wirediff <subcommand> [options]\n\n"
        out += "SUBCOMMANDS:\n"
        let width = (commands.map { $0.name.count }.max() ?? 0) + 2
        for command in commands {
            out += "  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        out += "\nOPTIONS:\n"
        out += "  -h, --help    Show help (also: wirediff <subcommand> --help).\n"
        out += "  --version     Show the version.\n"
        out += "\nSee 'wirediff help <subcommand>' for details.\n"
        return out
    }

    /// The help of one subcommand.
    static func help(for command: any Command.Type) -> String {
        var out = "OVERVIEW: \(command.summary)\n\n"
        out += "USAGE: wirediff \(command.name) \(command.usage)\n"
        if !command.discussion.isEmpty {
            out += "\n" + command.discussion + "\n"
        }
        out += "\nOPTIONS:\n" + OptionSpec.helpLines(command.options + [helpOption.spec])
        return out
    }
}
