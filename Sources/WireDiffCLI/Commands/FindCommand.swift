import Foundation
import WireDiff

/// `wirediff find STORY PATH…`: the articles of a corpus that are rewrites of one story,
/// ranked by how much of the story each contains.
enum FindCommand: CorpusCommand {
    static let name = "find"
    static let summary = "Find the rewrites of one story in a corpus, ranked."
    static let usage = "[options] <story> <path>… | --index <archive> <story>…"
    static let discussion = """
        <story> is a file, or the id of a document in the corpus (exact, without its extension,
        or a unique prefix of its file name: '001' finds '001_73af….txt'). Prints the rewrites
        best first: story_coverage is the share of the story's sentences found in the document
        (how much of the story it contains), coverage the share of the document's sentences
        that come from the story. Exit status 0 when rewrites were found, 1 when none.
        With --index, the corpus is an archive (wirediff index) and every argument is a story:
        an archived id, a file, or a .jsonl file of several stories.
        """
    static let format = ResultOutput.formatOption(["jsonl", "csv", "text"], default: "text")
    static let output = ResultOutput.option(writing: "results")
    static let index = Option("--index", "archive", .text, help: "Find in an archive (wirediff index) instead of a corpus; every argument is a story.")

    static func runCorpus(_ arguments: ParsedArguments, format: String, context: ToolContext) throws -> Int32 {
        let detection = try DetectionOptions.parse(arguments)
        let input = try InputOptions(arguments)
        guard arguments.positionals.count >= 2 else {
            throw UsageError("find needs a story and at least one corpus path", hint: "wirediff find <story> <path>…")
        }
        let storyArgument = arguments.positionals[0]
        let sink = try results(arguments, reading: arguments.positionals, input: input, format: format, context: context)
        let corpus = try input.read(Array(arguments.positionals.dropFirst()), context: context)
        let (story, excluded) = try resolve(storyArgument, in: corpus, input: input, context: context)
        let matches = RewriteFinder(options: detection, textOptions: input.textOptions)
            .find(story: story, in: corpus, excluding: excluded)
        if format == "csv" { sink.line(CSV.row(csvHeader)) }
        write(matches.map { (corpus[$0.index].id, $0.evidence) }, story: story.id, among: corpus.count - excluded.count, format: format, to: sink)
        try sink.finish()
        summarize(matches.count, story: story.id, among: corpus.count - excluded.count, context: context)
        return matches.isEmpty ? ExitCode.notFound : ExitCode.success
    }

    /// Writes the rewrites found of one story (ids and evidence, best first) in `format` (the
    /// CSV header aside).
    static func write(_ matches: [(id: String, evidence: PairEvidence)], story: String, among documents: Int, format: String, to sink: TextOutput) {
        switch format {
        case "jsonl":
            for (rank, match) in matches.enumerated() { sink.line(json(rank + 1, match.evidence, id: match.id, story: story).serialized) }
        case "csv":
            for (rank, match) in matches.enumerated() {
                sink.line(CSV.row(of: json(rank + 1, match.evidence, id: match.id, story: story), columns: csvHeader))
            }
        default:
            if matches.isEmpty {
                sink.line("no rewrites of \(story) found among \(documents) documents")
            }
            for (rank, match) in matches.enumerated() {
                let e = match.evidence
                sink.line(String(
                    format: "%2d. %@  contains %.0f%% of the story (%d sentences); %.0f%% of it comes from the story; jaccard %.3f",
                    rank + 1, match.id, e.coverageOfFirst * 100, e.matchedSentencesOfFirst, e.coverageOfSecond * 100, e.jaccard))
            }
        }
    }

    /// The stderr line after a story's search.
    static func summarize(_ found: Int, story: String, among documents: Int, context: ToolContext) {
        context.stderr.line("wirediff find: \(found) rewrite\(found == 1 ? "" : "s") of \(story) among \(documents) documents")
    }

    static let csvHeader = [
        "rank", "id", "story_coverage", "coverage", "story_matched_sentences", "matched_sentences",
        "jaccard", "story_containment", "containment", "same_story_score",
    ]

    /// The version of the records' layout (Documentation/JSON.md); bumped on any incompatible
    /// change.
    static let schemaVersion = 1

    /// The documented JSONL record of one match (``schemaVersion``).
    static func json(_ rank: Int, _ e: PairEvidence, id: String, story: String) -> JSONValue {
        .object([
            "schema_version": .int(schemaVersion),
            "rank": .int(rank),
            "id": .string(id),
            "story": .string(story),
            "story_coverage": .rounded(e.coverageOfFirst),
            "coverage": .rounded(e.coverageOfSecond),
            "story_matched_sentences": .int(e.matchedSentencesOfFirst),
            "matched_sentences": .int(e.matchedSentencesOfSecond),
            "jaccard": .rounded(e.jaccard),
            "story_containment": .rounded(e.containmentOfFirst),
            "containment": .rounded(e.containmentOfSecond),
            "same_story_score": .rounded(e.score),
        ])
    }

    /// The story record and the corpus indices that are the story itself.
    static func resolve(
        _ argument: String, in corpus: [CorpusRecord], input: InputOptions, context: ToolContext
    ) throws -> (CorpusRecord, Set<Int>) {
        if let index = corpus.firstIndex(where: { $0.id == argument }) {
            return (corpus[index], [index])
        }
        let stem: (String) -> String = { id in
            let name = (id as NSString).lastPathComponent
            return (name as NSString).deletingPathExtension
        }
        let byStem = corpus.indices.filter { stem(corpus[$0].id) == argument }
        if byStem.count == 1 { return (corpus[byStem[0]], [byStem[0]]) }
        if FileManager.default.fileExists(atPath: argument) || argument == "-" {
            let story = try input.read([argument], context: context)
            guard let record = story.first else { throw UsageError("story '\(argument)' holds no article") }
            guard story.count == 1 else {
                throw UsageError("story '\(argument)' holds \(story.count) articles; pass one article or an id")
            }
            // The story itself is the same file (device and inode) read again from the corpus;
            // a byte-identical copy under another name is a reprint to report.
            let same = Set(corpus.indices.filter { corpus[$0].bytes == record.bytes && sameFile(corpus[$0].source, argument) })
            return (record, same)
        }
        let byPrefix = corpus.indices.filter { (corpus[$0].id as NSString).lastPathComponent.hasPrefix(argument) }
        if byPrefix.count == 1 { return (corpus[byPrefix[0]], [byPrefix[0]]) }
        if byPrefix.count > 1 {
            let names = byPrefix.prefix(4).map { corpus[$0].id }.joined(separator: ", ")
            throw UsageError("story '\(argument)' matches \(byPrefix.count) documents (\(names)…); give more of the id")
        }
        throw UsageError("story '\(argument)' is neither a file nor the id of a document in the corpus")
    }

    /// Whether two paths name the same file (device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
