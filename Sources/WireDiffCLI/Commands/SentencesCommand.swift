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
    static var options: [OptionSpec] {
        [.value("--format", short: "-f", "format", help: "Output format: text or json.", default: "text")]
            + InputOptions.specs
    }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        let format = try arguments.choice("--format", default: "text", in: ["text", "json"])
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

    /// The documented JSON shape of one document.
    static func json(_ document: Document) -> JSONValue {
        .object([
            "schema_version": .int(1),
            "id": .string(document.id),
            "sentences": .array(document.sentences.map { sentence in
                .object([
                    "text": .string(document.string(of: sentence)),
                    "start": .int(sentence.start),
                    "end": .int(sentence.end),
                    "paragraph": .int(sentence.paragraph),
                    "role": .string(sentence.role.rawValue),
                    "dateline": sentence.dateline.map { .string(document.string($0)) } ?? .null,
                    "boilerplate": .optional(sentence.boilerplate?.rawValue),
                ])
            }),
        ])
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
