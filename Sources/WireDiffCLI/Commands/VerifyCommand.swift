import WireDiff

/// `wirediff verify`: the same-story evidence of candidate pairs.
enum VerifyCommand: Command {
    static let name = "verify"
    static let summary = "Distributed stage: the same-story evidence of pairs (stdin: both articles' features)."
    static let usage = "--plan <file> < pairs.jsonl"
    static let discussion = """
        Reads {"a", "b", "first", "second"} records (two articles' indices, a < b, and their
        features) and writes {"a", "b", "same_story", "score", …}: the evidence dedup measures,
        seen from a's side, numbers in their exact shortest form. Pairs sorted by a verify
        faster. See Documentation/Distributed.md.
        """
    static var options: [OptionSpec] { StageOptions.specs }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        try StageOptions.requireStandardInput(arguments, stage: name)
        let (_, options) = try StageOptions.read(arguments)
        try PairStage.verify(context.standardInput, options: options) { context.stdout.line($0) }
        return ExitCode.success
    }
}
