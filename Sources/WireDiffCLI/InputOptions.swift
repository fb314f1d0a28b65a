import WireDiff

/// The input options every corpus-reading command shares, and the reading itself.
struct InputOptions {
    /// The library's defaults, which the options' defaults are.
    static let defaults = CorpusReader.Options()

    static let idField = Option("--id-field", "name", .text, default: defaults.idField, help: "JSONL field holding a record's id.")
    static let textField = Option("--text-field", "name", .text, default: defaults.textField, help: "JSONL field holding a record's text.")
    static let dateField = Option(
        "--date-field", "name", .text, default: defaults.dateField ?? noDate,
        help: "JSONL field holding a record's date (ISO 8601 sorts right); '\(noDate)' to ignore.")
    static let stdinFormat = Option(
        "--stdin-format", "format", .choice, default: defaults.stdinFormat,
        help: "How to read '-': text (one article) or jsonl.")
    static let skipBad = Flag("--skip-bad", help: "Report each bad record on stderr and go on instead of stopping.")
    static let keepBoilerplate = Flag("--keep-boilerplate", help: "Do not flag boilerplate lines (share prompts, credits, footers).")

    /// The `--date-field` that reads no dates.
    static let noDate = "none"

    /// The options in help order.
    static let specs: [OptionSpec] = [idField.spec, textField.spec, dateField.spec, stdinFormat.spec, skipBad.spec, keepBoilerplate.spec]

    var reader: CorpusReader.Options
    var textOptions = TextOptions()

    init(_ arguments: ParsedArguments) throws(UsageError) {
        reader = Self.defaults
        reader.idField = try arguments.value(Self.idField)
        reader.textField = try arguments.value(Self.textField)
        let dateField = try arguments.value(Self.dateField)
        reader.dateField = dateField == Self.noDate ? nil : dateField
        reader.stdinFormat = try arguments.value(Self.stdinFormat)
        reader.skipBad = arguments.flag(Self.skipBad)
        textOptions.keepBoilerplate = arguments.flag(Self.keepBoilerplate)
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
