import WireDiff

/// `wirediff plan`: what every partition of a distributed run shares: the articles to sample,
/// then the plan (common shingles, band grouping, options).
enum PlanCommand: Command {
    static let name = "plan"
    static let summary = "Distributed stage: the sample to draw, then the plan every partition shares."
    static let usage = "--articles <n> (--sample | --sentences <n> [options] < sample.jsonl)"
    static let discussion = """
        With --sample, prints the input positions (0-based, one per line) of the articles dedup
        samples common shingles from: up to 4,000 at an even stride. Without it, reads those
        articles' feature records, each with its "index", on standard input and prints the plan
        (one JSON object): the corpus size, the common shingles, the band grouping dedup would
        use for --sentences kept sentences, and the detection options given here, which the
        later stages (sketch, verify, cluster) take from the plan. See
        Documentation/Distributed.md.
        """
    static let articles = Option(
        "--articles", "n", .integer(in: 0...Int(Int32.max)), help: "Articles in the corpus (after bad records and repeated ids were dropped).")
    static let sentences = Option(
        "--sentences", "n", .integer(in: 0...Int.max), help: "Kept sentences of all articles (the feature records' \"sentences\", summed).")
    static let sample = Flag("--sample", help: "Print the positions of the articles to sample, and stop.")
    static var options: [OptionSpec] { [articles.spec, sentences.spec, sample.spec] + DetectionOptions.specs }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        guard let articles = try arguments.value(Self.articles) else { throw UsageError("--articles is required") }
        let sample = CommonShingles.sample(count: articles)
        if arguments.flag(Self.sample) {
            for index in sample { context.stdout.line(String(index)) }
            return ExitCode.success
        }
        try StageOptions.requireStandardInput(arguments, stage: name)
        guard let sentences = try arguments.value(Self.sentences) else {
            throw UsageError("--sentences is required to write a plan")
        }
        let options = try DetectionOptions.parse(arguments)
        let wanted = Set(sample)
        var features: [Int: StoryFeatures] = [:]
        var lines = 0
        try StageRecord.forEach(in: context.standardInput) { (record) throws(InputError) in
            let index = try record.integer("index")
            guard wanted.contains(index) else { throw record.bad("article \(index) is not in the sample (wirediff plan --articles \(articles) --sample)") }
            features[index] = try record.features("features")
            lines = record.line
        }
        if let missing = sample.first(where: { features[$0] == nil }) {
            throw InputError.badRecord(path: CorpusReader.stdinName, line: lines + 1, reason: "the sample lacks article \(missing) (\(features.count) of \(sample.count) given)")
        }
        let plan = StagePlan(
            articles: articles, sentences: sentences, sample: features, options: options,
            arguments: StageOptions.detectionArguments(arguments))
        context.stdout.line(plan.json.serialized)
        return ExitCode.success
    }
}
