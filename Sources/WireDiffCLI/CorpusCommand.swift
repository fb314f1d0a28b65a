import WireDiff

/// A command that reads a corpus, or with `--index` an archive (`wirediff index`) in its
/// place: `dedup` and `find`. Their options and the choice between the two runs are written
/// once here.
protocol CorpusCommand: Command {
    /// `--format`.
    static var format: Option<String> { get }
    /// `--output`.
    static var output: Option<String?> { get }
    /// `--index`, with the command's help.
    static var index: Option<String?> { get }
    /// Runs on the corpus at the paths of `arguments`.
    static func runCorpus(_ arguments: ParsedArguments, format: String, context: ToolContext) throws -> Int32
    /// Runs on the archive at `path` (`--index`).
    static func runIndexed(_ path: String, _ arguments: ParsedArguments, format: String, context: ToolContext) throws -> Int32
}

extension CorpusCommand {
    static var options: [OptionSpec] { [format.spec, output.spec, index.spec] + DetectionOptions.specs + InputOptions.specs }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        let format = try arguments.value(Self.format)
        if let archive = try arguments.value(Self.index) { return try runIndexed(archive, arguments, format: format, context: context) }
        return try runCorpus(arguments, format: format, context: context)
    }

    /// Where the results go (standard output or `--output`), checked against the `inputs` read
    /// (``ResultOutput/open(_:inputs:directoryExtensions:context:escapingControls:)``); the text
    /// format makes control characters visible.
    static func results(
        _ arguments: ParsedArguments, reading inputs: [String], input: InputOptions, format: String, context: ToolContext
    ) throws -> TextOutput {
        try ResultOutput.open(
            try arguments.value(Self.output), inputs: inputs, directoryExtensions: input.reader.directoryExtensions,
            context: context, escapingControls: format == "text")
    }
}
