import WireDiff

/// `wirediff sentences FILE…`: shows how each article was read — its sentences with byte
/// offsets and roles, and which lines were flagged as boilerplate and why.
enum SentencesCommand: Command {
    static let name = "sentences"
    static let summary = "Show how articles were read: sentences, offsets and flagged boilerplate."
    static let usage = "[options] <path>…"
    static let discussion = """
        Each <path> is a file, a directory (read recursively), a .jsonl corpus, or - for
        standard input. With --format json, prints one JSON object per document and line:
        {"schema_version":1,"id":…,"sentences":[{"text","start","end","paragraph","role",
        "dateline","boilerplate"}]}; start/end are UTF-8 byte offsets into the text, and
        boilerplate is null or the reason the line was flagged. See Documentation/JSON.md.
        """
    static let format = ResultOutput.formatOption(["text", "json"], default: "text")
    static var options: [OptionSpec] { [format.spec] + InputOptions.specs }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        let format = try arguments.value(Self.format)
        let input = try InputOptions(arguments)
        guard !arguments.positionals.isEmpty else {
            throw UsageError("no input given", hint: "pass files, directories, .jsonl corpora or -")
        }
        let records = try input.read(arguments.positionals, context: context)
        let out = format == "text" ? TerminalSafeOutput(context.stdout) : context.stdout
        let style = TerminalStyle(enabled: out.isTerminal)
        for record in records {
            let document = Document(id: record.id, bytes: record.bytes, options: input.textOptions)
            switch format {
            case "json":
                out.line(json(document).serialized)
            default:
                writeText(document, style: style, to: out)
            }
        }
        return ExitCode.success
    }

    /// The version of `--format json`'s layout (Documentation/JSON.md); bumped on any
    /// incompatible change.
    static let schemaVersion = 1

    /// The documented JSON shape of one document: the schema version, then the document's
    /// JSON (``Document/json(datelines:)``).
    static func json(_ document: Document) -> JSONValue {
        var object: JSONObject = ["schema_version": .int(schemaVersion)]
        object.members += document.json(datelines: true).members
        return .object(object)
    }

    static func writeText(_ document: Document, style: TerminalStyle, to out: TextOutput) {
        let flagged = document.sentences.filter { $0.boilerplate != nil }.count
        out.line(style.bold("== \(document.id)") + " (\(document.sentences.count) sentences, \(flagged) boilerplate)")
        for (index, sentence) in document.sentences.enumerated() {
            var tag = ""
            if sentence.role != .body { tag += "[\(sentence.role.rawValue)] " }
            if let dateline = sentence.dateline { tag += "[dateline: \(document.string(dateline))] " }
            let number = String(index + 1).leftPadded(to: 4)
            let text = document.string(of: sentence)
            if let reason = sentence.boilerplate {
                out.line(style.dim("\(number)  \(tag)[boilerplate: \(reason.rawValue)] \(text)"))
            } else {
                out.line("\(number)  \(tag)\(text)")
            }
        }
    }
}
