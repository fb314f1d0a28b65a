/// One `wirediff` subcommand.
package protocol Command: Sendable {
    /// The subcommand name: `sentences`.
    static var name: String { get }
    /// One line for the subcommand list.
    static var summary: String { get }
    /// The usage line after `wirediff NAME`: `[options] FILE…`.
    static var usage: String { get }
    /// Longer description shown in `wirediff NAME --help`.
    static var discussion: String { get }
    /// The options the subcommand accepts (`--help` is added for every command).
    static var options: [OptionSpec] { get }
    /// Runs with parsed arguments; returns the exit code.
    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32
}

extension Command {
    package static var discussion: String { "" }
}
