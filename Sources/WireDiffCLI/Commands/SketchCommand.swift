import WireDiff

/// `wirediff sketch`: the buckets of each article, for the engine to group.
enum SketchCommand: Command {
    static let name = "sketch"
    static let summary = "Distributed stage: each article's LSH buckets (stdin: index + features)."
    static let usage = "--plan <file> < indexed-features.jsonl"
    static let discussion = """
        Reads {"index", "features"} records and writes {"index", "buckets"}: the buckets
        (band keys within their band group, as dedup indexes them) of the article's sentences,
        distinct and ascending. The engine groups articles by bucket: two articles are
        candidates when they share at least the plan's minimum_shared_keys buckets, a bucket of
        more than maximum_bucket articles counting as a star around its first (lowest index).
        See Documentation/Distributed.md.
        """
    static var options: [OptionSpec] { StageOptions.specs }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        try StageOptions.requireStandardInput(arguments, stage: name)
        let (plan, options) = try StageOptions.read(arguments)
        try PairStage.sketch(context.standardInput, plan: plan, options: options) { context.stdout.line($0) }
        return ExitCode.success
    }
}
