import WireDiff

/// `wirediff stories`: the last stage: dedup's records.
enum StoriesCommand: Command {
    static let name = "stories"
    static let summary = "Distributed stage: write dedup's records from numbered assignments (stdin)."
    static let usage = "< assignments.jsonl"
    static let discussion = """
        Reads {"id", "cluster", "representative", "evidence"} records (an article's id, its
        story number, its representative's id and its evidence against it, or null) and writes
        dedup's JSONL record for each, byte for byte as dedup writes it (Documentation/JSON.md).
        See Documentation/Distributed.md.
        """
    static var options: [OptionSpec] { [] }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        try StageOptions.requireStandardInput(arguments, stage: name)
        try StageRecord.forEach(in: context.standardInput) { (record) throws(InputError) in
            var evidence: PairEvidence?
            if case .object(let members)? = record.fields["evidence"] {
                evidence = try PairEvidence(record: StageRecord(path: record.path, line: record.line, fields: members))
            } else if let value = record.fields["evidence"], value != .null {
                throw record.bad("field \"evidence\" must be an object or null, found \(value.typeName)")
            }
            let row = DedupCommand.Row(
                id: try record.string("id"), cluster: try record.integer("cluster"),
                representative: try record.string("representative"), evidence: evidence)
            context.stdout.line(DedupCommand.json(row).serialized)
        }
        return ExitCode.success
    }
}
