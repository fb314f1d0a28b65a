import Foundation
import WireDiff

/// `wirediff dedup PATH…`: groups a corpus into stories: which articles are versions (reprints,
/// rewrites, condensed or expanded copies) of the same story.
enum DedupCommand: CorpusCommand {
    static let name = "dedup"
    static let summary = "Group a corpus into stories: find reprints and rewrites of the same story."
    static let usage = "[options] <path>…"
    static let discussion = """
        Prints one record per document, in input order: its story (cluster), the story's
        representative (the likely source: the earliest by --date-field, else the most complete
        version) and its scores against the representative. Formats: jsonl (default), csv, text.
        A summary goes to stderr. Rewrites are found per sentence, so heavy paraphrases with
        little word overlap are found; different stories about the same people are not merged.
        See Documentation/Dedup.md for the method and Documentation/JSON.md for the fields.
        """
    static let format = ResultOutput.formatOption(["jsonl", "csv", "text"], default: "jsonl")
    static let output = ResultOutput.option(writing: "results")
    static let index = Option(
        "--index", "archive", .text, help: "Add the documents to an archive (wirediff index; created if missing) and print their stories.")

    static func runCorpus(_ arguments: ParsedArguments, format: String, context: ToolContext) throws -> Int32 {
        let detection = try DetectionOptions.parse(arguments)
        let input = try InputOptions(arguments)
        guard !arguments.positionals.isEmpty else {
            throw UsageError("no input given", hint: "pass files, directories, .jsonl corpora or -")
        }
        let sink = try results(arguments, reading: arguments.positionals, input: input, format: format, context: context)
        let started = DispatchTime.now().uptimeNanoseconds
        var deduplicator = Deduplicator(options: detection, textOptions: input.textOptions)
        if context.stderr.isTerminal {
            // Progress on a terminal only: one line rewritten in place, cleared at the end.
            // `onPhase` runs on this thread (Deduplicator's contract), so the output it writes
            // is never used by two threads at once.
            nonisolated(unsafe) let progress = context.stderr
            deduplicator.onPhase = { phase in progress.write("\r\u{1B}[Kwirediff dedup: \(phase)") }
        }
        // The corpus is streamed: each batch's text is read into features and released.
        var skipped = 0
        let (records, result) = try deduplicator.run(reading: arguments.positionals, with: input.corpusReader(context: context)) { error in
            skipped += 1
            InputOptions.reportSkip(error, context: context)
        }
        InputOptions.reportSkipped(skipped, read: records.count, context: context)
        if context.stderr.isTerminal { context.stderr.write("\r\u{1B}[K") }
        write(records.indices.map { i in
            let a = result.assignments[i]
            return Row(id: records[i].id, cluster: a.cluster, representative: records[a.representative].id, evidence: a.evidence)
        }, format: format, to: sink)
        try sink.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let stats = result.statistics
        let multi = Dictionary(grouping: result.assignments, by: \.cluster).values.filter { $0.count > 1 }
        func count(_ n: Int, _ noun: String, _ plural: String) -> String { "\(n) \(n == 1 ? noun : plural)" }
        context.stderr.line(
            "wirediff dedup: \(count(stats.documents, "document", "documents")), \(count(stats.clusters, "story", "stories")) "
                + "(\(multi.count) with more than one version, \(multi.reduce(0) { $0 + $1.count }) documents in them); "
                + "\(count(stats.candidatePairs, "candidate pair", "candidate pairs")), "
                + "\(count(stats.rewritePairs, "verified rewrite", "verified rewrites")); "
                + String(format: "%.2f s", seconds))
        return ExitCode.success
    }

    /// One document's record: its story, the story's representative, and the document's
    /// evidence against it (`nil` for the representative).
    struct Row {
        var id: String
        var cluster: Int
        var representative: String
        var evidence: PairEvidence?
    }

    /// Writes the records in `format`.
    static func write(_ rows: [Row], format: String, to sink: TextOutput) {
        switch format {
        case "csv":
            sink.line(CSV.row(csvHeader))
            for row in rows { sink.line(CSV.row(of: json(row), columns: csvHeader)) }
        case "text": writeText(rows, style: TerminalStyle(enabled: sink.isTerminal), to: sink)
        default:
            for row in rows { sink.line(json(row).serialized) }
        }
    }

    /// The version of the records' layout (Documentation/JSON.md); bumped on any incompatible
    /// change.
    static let schemaVersion = 1

    /// The documented JSONL record of one document (``schemaVersion``). The representative's
    /// scores are `null`: it is not compared with itself.
    static func json(_ row: Row) -> JSONValue {
        let e = row.evidence
        return .object([
            "schema_version": .int(schemaVersion),
            "id": .string(row.id),
            "cluster": .int(row.cluster),
            "representative": .string(row.representative),
            "is_representative": .bool(e == nil),
            "jaccard": e.map { .rounded($0.jaccard) } ?? .null,
            "containment": e.map { .rounded($0.containmentOfFirst) } ?? .null,
            "representative_containment": e.map { .rounded($0.containmentOfSecond) } ?? .null,
            "matched_sentences": e.map { .int($0.matchedSentencesOfFirst) } ?? .null,
            "coverage": e.map { .rounded($0.coverageOfFirst) } ?? .null,
            "representative_coverage": e.map { .rounded($0.coverageOfSecond) } ?? .null,
            "same_story_score": e.map { .rounded($0.score) } ?? .null,
        ])
    }

    static let csvHeader = [
        "id", "cluster", "representative", "is_representative", "jaccard", "containment",
        "representative_containment", "matched_sentences", "coverage", "representative_coverage", "same_story_score",
    ]

    static func writeText(_ rows: [Row], style: TerminalStyle, to out: TextOutput) {
        let groups = Dictionary(grouping: rows.indices, by: { rows[$0].cluster })
        for cluster in groups.keys.sorted() {
            let members = groups[cluster]!
            let label = members.count == 1 ? "1 version" : "\(members.count) versions"
            out.line(style.bold("story \(cluster)") + " (\(label)), representative \(rows[members[0]].representative)")
            for index in members {
                if let e = rows[index].evidence {
                    out.line(String(
                        format: "  %@  %d sentences matched, covers %.0f%% of it and %.0f%% of the representative; jaccard %.3f",
                        rows[index].id, e.matchedSentencesOfFirst, e.coverageOfFirst * 100, e.coverageOfSecond * 100, e.jaccard))
                } else {
                    out.line("  \(rows[index].id)  " + style.dim("(representative)"))
                }
            }
        }
    }
}
