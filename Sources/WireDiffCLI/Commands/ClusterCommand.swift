import WireDiff

/// `wirediff cluster`: stories of components.
enum ClusterCommand: Command {
    static let name = "cluster"
    static let summary = "Distributed stage: the stories of components of verified pairs (stdin)."
    static let usage = "--plan <file> < components.jsonl"
    static let discussion = """
        Reads, component after component, its articles {"component", "index", "date",
        "features"} and its pairs {"component", "a", "b", "candidate", evidence…} (every
        candidate pair touching it, and every pair verified so far), and writes one assignment
        {"index", "representative", "evidence"} per article, then {"ask": [a, b]} for each
        pair across the component's border that clustering asked about and nobody verified: the
        engine verifies them and, when one is one story, clusters the two components again
        together. See Documentation/Distributed.md.
        """
    static var options: [OptionSpec] { StageOptions.specs }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        try StageOptions.requireStandardInput(arguments, stage: name)
        let (_, options) = try StageOptions.read(arguments)
        try ClusterStage(options: options).run(context.standardInput) { context.stdout.line($0) }
        return ExitCode.success
    }
}
