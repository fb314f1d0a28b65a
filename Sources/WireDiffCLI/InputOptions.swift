import WireDiff

/// The input options every corpus-reading command shares, and the reading itself.
struct InputOptions {
    static let specs: [OptionSpec] = [
        .value("--id-field", "name", help: "JSONL field holding a record's id.", default: "id"),
        .value("--text-field", "name", help: "JSONL field holding a record's text.", default: "text"),
        .flag("--skip-bad", help: "Report bad records on stderr and go on instead of stopping."),
        .flag("--keep-boilerplate", help: "Do not flag boilerplate lines (share prompts, credits, footers)."),
    ]

    var idField = "id"
    var textField = "text"
    var skipBad = false
    var textOptions = TextOptions()

    init(_ arguments: ParsedArguments) throws(UsageError) {
        idField = arguments.value("--id-field") ?? "id"
        textField = arguments.value("--text-field") ?? "text"
        skipBad = arguments.flag("--skip-bad")
        textOptions.keepBoilerplate = arguments.flag("--keep-boilerplate")
    }

    /// Reads every path; bad records are errors, or with --skip-bad, one stderr line each.
    func read(_ paths: [String], context: ToolContext) throws -> [CorpusRecord] {
        guard !paths.isEmpty else { throw UsageError("no input given", hint: "pass files, directories, .jsonl corpora or -") }
        return try CorpusReader().read(paths: paths)
    }
}
