import WireDiff

/// `wirediff features`: the first stage of a distributed run: located articles in, feature
/// records (or error records) out.
enum FeaturesCommand: Command {
    static let name = "features"
    static let summary = "Distributed stage: read located articles (stdin) into feature records."
    static let usage = "[options] < located.jsonl"
    static let discussion = """
        Reads, on standard input, one located article per line (a JSONL line or a text file
        with where it was read, base64; written by Integrations/spark/wirediff_spark.py) and
        writes one feature record per article, in order: id, date, source, kept sentences and
        the article's features (base64). An article dedup would refuse gives an error record
        with dedup's message and exit code instead; the engine stops on the first one in input
        order, or skips them all with --skip-bad. See Documentation/Distributed.md.
        """
    static var options: [OptionSpec] {
        DetectionOptions.specs + [InputOptions.idField.spec, InputOptions.textField.spec, InputOptions.dateField.spec, InputOptions.keepBoilerplate.spec]
    }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        try StageOptions.requireStandardInput(arguments, stage: name)
        let detection = try DetectionOptions.parse(arguments)
        let input = try InputOptions(arguments)
        let stage = FeatureStage(reading: input.reader, detection: detection, textOptions: input.textOptions)
        try stage.run(context.standardInput) { context.stdout.line($0) }
        return ExitCode.success
    }
}
