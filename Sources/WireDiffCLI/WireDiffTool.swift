import Foundation
import WireDiff

/// The `wirediff` command-line tool: dispatches to subcommands, prints help and version, and
/// turns errors into one-line messages and sysexits codes.
public enum WireDiffTool {
    /// The tool's version (`wirediff --version`).
    public static let version = "0.1.0"

    /// One line describing the tool.
    static let overview = "Find rewrites of news stories and show what each version adds or leaves out."

    /// The subcommands, in help order.
    static let commands: [any Command.Type] = [
        SentencesCommand.self,
        DedupCommand.self,
        FindCommand.self,
        DiffCommand.self,
        PairsCommand.self,
    ]

    static let helpOption = OptionSpec.flag("--help", short: "-h", help: "Show help for this command.")

    /// Runs the tool with `arguments` (without the program name) against the process's streams.
    public static func run(arguments: [String]) -> Int32 {
        let context = ToolContext.process()
        let code = run(arguments: arguments, context: context)
        context.stdout.flush()
        context.stderr.flush()
        return code
    }

    /// Runs the tool with `arguments` against `context`; returns the exit code.
    public static func run(arguments: [String], context: ToolContext) -> Int32 {
        guard let first = arguments.first else {
            context.stderr.write(mainHelp())
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1, let command = command(named: arguments[1]) {
                context.stdout.write(help(for: command))
            } else {
                context.stdout.write(mainHelp())
            }
            return ExitCode.success
        case "--version":
            context.stdout.line("wirediff \(version)")
            return ExitCode.success
        default:
            break
        }
        guard let command = command(named: first) else {
            let names = commands.map { $0.name }
            let closest = names.min { EditDistance.between(first, $0) < EditDistance.between(first, $1) }
            var message = "wirediff: unknown command '\(first)'"
            if let closest, EditDistance.between(first, closest) <= 3 {
                message += " (did you mean '\(closest)'? see 'wirediff --help')"
            } else {
                message += " (see 'wirediff --help')"
            }
            context.stderr.line(message)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            context.stdout.write(help(for: command))
            return ExitCode.success
        }
        do {
            let parsed = try ArgumentParser(options: command.options + [helpOption]).parse(rest)
            return try command.run(parsed, context: context)
        } catch let error as UsageError {
            context.stderr.line("wirediff \(command.name): \(error)")
            context.stderr.line("usage: wirediff \(command.name) \(command.usage)")
            return ExitCode.usage
        } catch let error as InputError {
            context.stderr.line("wirediff \(command.name): \(error)")
            return error.exitCode
        } catch let error as AtomicFile.WriteError {
            context.stderr.line("wirediff \(command.name): \(error)")
            return ExitCode.cannotCreate
        } catch {
            context.stderr.line("wirediff \(command.name): internal error: \(error)")
            return ExitCode.software
        }
    }

    /// Exits the process with `code`.
    public static func exitWith(_ code: Int32) -> Never { exit(code) }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.name == name }
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
        out += "\nOPTIONS:\n"
        let options = command.options + [helpOption]
        let labels = options.map { spec -> String in
            var label = spec.short.map { "\($0), " } ?? "    "
            label += spec.name
            if case .value(let name) = spec.arity { label += " <\(name)>" }
            return label
        }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, spec) in zip(labels, options) {
            var line = "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + spec.help
            if let defaultValue = spec.defaultValue { line += " (default: \(defaultValue))" }
            out += line + "\n"
        }
        return out
    }
}
