import WireDiff

/// The input options every corpus-reading command shares, and the reading itself.
struct InputOptions {
    static let specs: [OptionSpec] = [
        .value("--id-field", "name", help: "JSONL field holding a record's id.", default: "id"),
        .value("--text-field", "name", help: "JSONL field holding a record's text.", default: "text"),
        .value("--date-field", "name", help: "JSONL field holding a record's date (ISO 8601 sorts right); 'none' to ignore.", default: "date"),
        .value("--stdin-format", "format", help: "How to read '-': text (one article) or jsonl.", default: "text"),
        .flag("--skip-bad", help: "Report each bad record on stderr and go on instead of stopping."),
        .flag("--keep-boilerplate", help: "Do not flag boilerplate lines (share prompts, credits, footers)."),
    ]

    var reader: CorpusReader.Options
    var textOptions = TextOptions()

    init(_ arguments: ParsedArguments) throws(UsageError) {
        reader = CorpusReader.Options()
        reader.idField = arguments.value("--id-field") ?? "id"
        reader.textField = arguments.value("--text-field") ?? "text"
        let dateField = arguments.value("--date-field") ?? "date"
        reader.dateField = dateField == "none" ? nil : dateField
        let stdin = try arguments.choice("--stdin-format", default: "text", in: CorpusReader.StdinFormat.allCases.map(\.rawValue))
        reader.stdinFormat = CorpusReader.StdinFormat(rawValue: stdin) ?? .text
        reader.skipBad = arguments.flag("--skip-bad")
        textOptions.keepBoilerplate = arguments.flag("--keep-boilerplate")
    }

    /// Reads every path; bad records stop the run, or with --skip-bad, get one stderr line each.
    func read(_ paths: [String], context: ToolContext) throws(InputError) -> [CorpusRecord] {
        var skipped = 0
        let records = try corpusReader(context: context).read(paths: paths) { error in
            skipped += 1
            Self.reportSkip(error, context: context)
        }
        Self.reportSkipped(skipped, read: records.count, context: context)
        return records
    }

    /// A reader for these options, standard input from `context`.
    func corpusReader(context: ToolContext) -> CorpusReader {
        CorpusReader(options: reader, standardInput: context.standardInput)
    }

    /// The stderr line for a record skipped with --skip-bad.
    static func reportSkip(_ error: InputError, context: ToolContext) {
        context.stderr.line("wirediff: skipped: \(error)")
    }

    /// The closing stderr line after records were skipped (none when nothing was).
    static func reportSkipped(_ skipped: Int, read: Int, context: ToolContext) {
        if skipped > 0 {
            context.stderr.line("wirediff: skipped \(skipped) bad record\(skipped == 1 ? "" : "s"), read \(read)")
        }
    }
}
