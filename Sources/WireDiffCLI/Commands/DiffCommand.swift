import Foundation
import WireDiff

/// `wirediff diff REFERENCE OTHER…`: aligns the sentences of versions of a story and reports
/// what each version adds, omits and changes relative to the first (the reference).
enum DiffCommand: Command {
    static let name = "diff"
    static let summary = "Align versions of a story: what each adds, omits and changes (text, json, markdown, html)."
    static let usage = "[options] <reference> <other>…"
    static let discussion = """
        The first article is the reference (e.g. the wire story); every other is compared with
        it. Each <path> is a file, a directory (its .txt files, sorted), a .jsonl corpus (every
        record, in order) or - for standard input; the articles read, in order, are the
        versions. With two versions: the verdict (same story / partial reuse / different story,
        with coverage figures), source credits, aligned sentences with their kind, score,
        changed details (numbers, dates, names, quotes, attributions) and word diff, then the
        added and omitted sentences. With more: a fact table (one row per fact, one column per
        version: ✓ present, — absent, Δ changed) and each version's report.
        Formats: text (colors and side by side only on a terminal; otherwise [-deleted-] and
        {+inserted+} markers), json (Documentation/JSON.md, section "diff"), markdown, html (one
        self-contained page, side by side, no network). See Documentation/Reports.md.
        The work grows faster than the text: versions whose sentence pairs exceed
        --max-sentence-pairs (default about two 11 MB articles), or whose longest sentences'
        words multiply to more than --max-word-pairs (two sentences of 5,000 words: text
        without sentence punctuation), are refused at once with exit 65 instead of running
        for minutes.
        """
    static let format = ResultOutput.formatOption(["text", "json", "markdown", "html"], default: "text")
    static let output = ResultOutput.option(writing: "the report")
    static let threshold = Option(
        "--threshold", "score", .number(in: 0...1), default: AlignmentOptions().linkThreshold,
        help: "Similarity needed to link two sentences, in [0, 1].")
    static let maximumSentencePairs = Option(
        "--max-sentence-pairs", "n", .integer(in: 0...Int.max), default: Differ.defaultMaximumSentencePairs,
        help: "Refuse versions whose sentence pairs (reference's sentences × the others') exceed n; 0: no limit.")
    static let maximumWordPairs = Option(
        "--max-word-pairs", "n", .integer(in: 0...Int.max), default: Differ.defaultMaximumWordPairs,
        help: "Refuse versions whose longest sentences' words multiply to more than n; 0: no limit.")
    static var options: [OptionSpec] {
        [format.spec, output.spec, threshold.spec, maximumSentencePairs.spec, maximumWordPairs.spec] + InputOptions.specs
    }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        let format = try arguments.value(Self.format)
        var alignment = AlignmentOptions()
        alignment.linkThreshold = try arguments.value(Self.threshold)
        alignment.extendThreshold = min(alignment.extendThreshold, alignment.linkThreshold)
        let maximumPairs = try arguments.value(Self.maximumSentencePairs)
        let maximumWordPairs = try arguments.value(Self.maximumWordPairs)
        let input = try InputOptions(arguments)
        guard !arguments.positionals.isEmpty else {
            throw UsageError("no input given", hint: "pass the reference article then one or more other versions")
        }
        let sink = try ResultOutput.open(
            try arguments.value(Self.output), inputs: arguments.positionals, directoryExtensions: input.reader.directoryExtensions,
            context: context, escapingControls: format == "text" || format == "markdown")
        let records = try input.read(arguments.positionals, context: context)
        guard records.count >= 2 else {
            throw UsageError("diff needs at least two articles, got \(records.count)", hint: "pass the reference article then one or more other versions")
        }
        let documents = records.map { Document(id: $0.id, bytes: $0.bytes, options: input.textOptions) }
        try Differ.checkSize(documents, maximumSentencePairs: maximumPairs == 0 ? .max : maximumPairs,
                             maximumWordPairs: maximumWordPairs == 0 ? .max : maximumWordPairs)
        let report = DiffReport(comparing: documents, differ: Differ(alignment))
        let rendered: String
        switch format {
        case "json": rendered = report.json().serialized + "\n"
        case "markdown": rendered = MarkdownReportRenderer().render(report)
        case "html": rendered = HTMLReportRenderer().render(report)
        default:
            let terminal = sink.isTerminal
            rendered = TextReportRenderer(colors: terminal, width: terminal ? terminalWidth() : nil).render(report)
        }
        sink.write(rendered)
        try sink.finish()
        return ExitCode.success
    }

    /// The width of the terminal on standard output: `COLUMNS`, else the window size, else 80.
    static func terminalWidth() -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
