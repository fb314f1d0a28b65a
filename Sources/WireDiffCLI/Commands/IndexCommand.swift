import Foundation
import WireDiff

/// `wirediff index create|add|remove|info ARCHIVE …`: keeps an archive of articles (their
/// features, not their text) that `find --index` and `dedup --index` answer from without
/// reading the corpus again.
enum IndexCommand: Command {
    static let name = "index"
    static let summary = "Keep an archive of articles to check new ones against: create, add, remove, info."
    static let usage = "create <archive> <path>… | add <archive> <path>… | remove <archive> <id>… | info <archive>"
    static let discussion = """
        create writes a new archive from a corpus (never over an existing file); add appends
        articles (with the archive's settings); remove drops articles by id; info describes
        the archive and verifies every checksum. The archive holds each article's id, date and
        per-sentence features and the index of their sketches, not the text. Stories keep
        their ids as the archive grows. One writer at a time: a second one exits with 75;
        readers are never blocked. See Documentation/Archive.md.
        """
    static let format = Option("--format", short: "-f", "format", .choice(["text", "json"]), default: "text", help: "info output format: text or json.")
    static var options: [OptionSpec] { [format.spec] + DetectionOptions.specs + InputOptions.specs }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        let positionals = arguments.positionals
        guard let verb = positionals.first else {
            throw UsageError("index needs create, add, remove or info", hint: "wirediff index create <archive> <path>…")
        }
        guard positionals.count >= 2 else { throw UsageError("index \(verb) needs an archive") }
        let path = positionals[1]
        let rest = Array(positionals.dropFirst(2))
        switch verb {
        case "create":
            guard !rest.isEmpty else { throw UsageError("index create needs a corpus to read", hint: "pass files, directories, .jsonl corpora or -") }
            let input = try InputOptions(arguments)
            let options = try DetectionOptions.parse(arguments)
            let commit = try read(input, context: context) { reader, onSkip in
                try StoryArchive.create(
                    at: path, reading: rest, with: reader, options: options, textOptions: input.textOptions,
                    producer: "wirediff \(WireDiffTool.version)", onSkip: onSkip)
            }
            report(commit, path: path, context: context)
        case "add":
            guard !rest.isEmpty else { throw UsageError("index add needs a corpus to read", hint: "pass files, directories, .jsonl corpora or -") }
            let input = try InputOptions(arguments)
            let options = try DetectionOptions.archiveOptions(arguments, archive: try StoryArchive(path: path))
            let commit = try read(input, context: context) { reader, onSkip in
                try StoryArchive.add(to: path, reading: rest, with: reader, threads: options.threads, onSkip: onSkip)
            }
            report(commit, path: path, context: context)
        case "remove":
            guard !rest.isEmpty else { throw UsageError("index remove needs the ids of the articles to remove") }
            let options = try DetectionOptions.archiveOptions(arguments, archive: try StoryArchive(path: path))
            report(try StoryArchive.remove(from: path, ids: rest, threads: options.threads), path: path, context: context)
        case "info":
            guard rest.isEmpty else { throw UsageError("index info takes one archive") }
            let format = try arguments.value(Self.format)
            let archive = try StoryArchive(path: path)
            let sections = try archive.verifyAll()
            let info = archive.info
            if format == "json" {
                context.stdout.line(json(info, path: path, sections: sections).serialized)
            } else {
                writeText(info, path: path, sections: sections, to: TerminalSafeOutput(context.stdout))
            }
        default:
            throw UsageError("unknown index action '\(verb)'", hint: "create, add, remove or info")
        }
        return ExitCode.success
    }

    /// Runs `body` with the corpus reader of `input`, reporting skipped records.
    static func read<T>(_ input: InputOptions, context: ToolContext, _ body: (CorpusReader, (InputError) -> Void) throws -> T) throws -> T {
        var skipped = 0
        let result = try body(input.corpusReader(context: context)) { error in
            skipped += 1
            InputOptions.reportSkip(error, context: context)
        }
        if skipped > 0 { context.stderr.line("wirediff: skipped \(skipped) bad record\(skipped == 1 ? "" : "s")") }
        return result
    }

    /// The one-line summary of a commit on stderr (and how an interrupted write was recovered).
    static func report(_ commit: ArchiveCommit, path: String, context: ToolContext) {
        if let recovered = commit.recovered { context.stderr.line("wirediff index: \(path): recovered: \(recovered)") }
        var line = "wirediff index: \(path): commit \(commit.commit): "
        switch commit.kind {
        case .create: line += "created with \(count(commit.added, "document"))"
        case .add: line += "added \(count(commit.added, "document"))"
        case .remove: line += "removed \(count(commit.removed, "document"))"
        }
        line += "; \(count(commit.articles, "document")), \(count(commit.stories, "story", "stories"))"
        if commit.newStories > 0 && commit.kind != .create { line += " (\(commit.newStories) new)" }
        if !commit.merges.isEmpty {
            line += "; \(count(commit.merges.count, "story", "stories")) merged into others ("
                + commit.merges.prefix(5).map { "\($0.from) → \($0.into)" }.joined(separator: ", ") + (commit.merges.count > 5 ? ", …" : "") + ")"
        }
        line += "; " + bytes(commit.fileBytes)
        if commit.rewrote && commit.kind == .add { line += " (file rewritten)" }
        context.stderr.line(line)
    }

    static func count(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }

    static func bytes(_ n: Int) -> String {
        n >= 10_000_000 ? String(format: "%.1f MB", Double(n) / 1e6) : n >= 10_000 ? String(format: "%.1f KB", Double(n) / 1e3) : "\(n) bytes"
    }

    /// The settings in words.
    static func describe(_ settings: ArchiveSettings) -> String {
        let o = settings.options
        let (name, size) = DetectionOptions.shingleName(o.shingleKind)
        return "--shingles \(name) --shingle-size \(size), \(o.permutations) permutations, \(o.effectiveLSH) bands, seed \(o.seed), "
            + "threshold \(o.sentenceThreshold), shared keys \(o.minimumSharedKeys), bucket limit \(o.maximumBucket), "
            + "min score \(o.minimumScore)\(o.strict ? ", strict" : ""), "
            + (settings.textOptions.keepBoilerplate ? "boilerplate kept" : "boilerplate dropped")
    }

    static func writeText(_ info: ArchiveInfo, path: String, sections: Int, to out: TextOutput) {
        func row(_ label: String, _ value: String) { out.line(label.padding(toLength: 11, withPad: " ", startingAt: 0) + value) }
        row("archive", path)
        row("format", "wirediff archive version \(info.formatVersion), created by \(info.settings.producer)")
        if let last = info.history.last {
            row("commit", "\(info.commit): \(last.kind) of \(count(max(last.added, last.removed), "document")) at \(Self.time(last.time))")
        }
        row("documents", "\(info.documents)")
        row("stories", "\(info.stories)")
        let perDocument = info.documents > 0 ? " (\(info.liveBytes / info.documents) bytes per document)" : ""
        row("size", bytes(info.fileBytes) + perDocument + (info.committedBytes > info.liveBytes ? "; \(bytes(info.committedBytes - info.liveBytes)) left by earlier commits" : ""))
        if info.documents > 0 {
            let parts = info.liveBytesByPart, n = info.documents
            row("per doc", "key tables \(parts.keyTables / n), features \(parts.features / n), ids and dates \(parts.articles / n), "
                + "pairs and stories \(parts.stories / n), headers and manifest \(parts.overhead / n) bytes")
        }
        row("index", "\(count(info.runs.count, "run")) (" + info.runs.map(String.init).joined(separator: " + ") + " documents), \(count(info.bandGroups, "band group"))")
        row("settings", describe(info.settings))
        row("common", "\(info.commonShingles) shingles left out of sketches (sampled from \(count(info.commonSampled, "document")))")
        row("checksums", "all \(sections) sections verified")
        if let merges = info.history.last?.merges, !merges.isEmpty {
            row("merged", merges.map { "\($0.from) → \($0.into)" }.joined(separator: ", "))
        }
        if let recovery = info.recovery { row("state", "\(recovery)") }
    }

    /// The version of `index info --format json`'s layout (Documentation/JSON.md); bumped on
    /// any incompatible change.
    static let schemaVersion = 1

    /// The documented JSON shape of `index info --format json` (``schemaVersion``).
    static func json(_ info: ArchiveInfo, path: String, sections: Int) -> JSONValue {
        let o = info.settings.options
        return .object([
            "schema_version": .int(schemaVersion),
            "archive": .string(path),
            "format_version": .int(info.formatVersion),
            "created_by": .string(info.settings.producer),
            "commit": .int(Int(info.commit)),
            "documents": .int(info.documents),
            "stories": .int(info.stories),
            "file_bytes": .int(info.fileBytes),
            "live_bytes": .int(info.liveBytes),
            "live_bytes_by_part": .object([
                "key_tables": .int(info.liveBytesByPart.keyTables),
                "features": .int(info.liveBytesByPart.features),
                "articles": .int(info.liveBytesByPart.articles),
                "stories": .int(info.liveBytesByPart.stories),
                "overhead": .int(info.liveBytesByPart.overhead),
            ]),
            "runs": .array(info.runs.map { .int($0) }),
            "settings": .object([
                "shingles": .string(DetectionOptions.shingleName(o.shingleKind).name),
                "shingle_size": .int(DetectionOptions.shingleName(o.shingleKind).size),
                "permutations": .int(o.permutations),
                "bands": .int(o.effectiveLSH.bands),
                "rows": .int(o.effectiveLSH.rows),
                "seed": .string(String(o.seed)),
                "threshold": .double(o.sentenceThreshold),
                "shared_keys": .int(o.minimumSharedKeys),
                "bucket_limit": .int(o.maximumBucket),
                "min_score": .double(o.minimumScore),
                "strict": .bool(o.strict),
                "keep_boilerplate": .bool(info.settings.textOptions.keepBoilerplate),
                "band_groups": .int(info.bandGroups),
            ]),
            "common_shingles": .int(info.commonShingles),
            "common_sampled": .int(info.commonSampled),
            "sections_verified": .int(sections),
            "recovery": .optional(info.recovery.map(\.description)),
            "history": .array(info.history.map { c in
                .object([
                    "commit": .int(Int(c.sequence)),
                    "kind": .string(c.kind),
                    "added": .int(c.added),
                    "removed": .int(c.removed),
                    "documents": .int(c.documents),
                    "stories": .int(c.stories),
                    "time": .int(Int(c.time)),
                    "merges": .array(c.merges.map { .object(["from": .int($0.from), "into": .int($0.into)]) }),
                ])
            }),
        ])
    }

    /// A UTC time stamp.
    static func time(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
