import Foundation
import WireDiff

extension DedupCommand {
    /// `dedup --index ARCHIVE [PATH…]`: adds the documents at PATH to the archive (creating it
    /// when there is none) and prints their records as `dedup` does, with the archive's stable
    /// story ids as `cluster`; without PATH, prints the record of every archived document.
    static func runIndexed(_ path: String, _ arguments: ParsedArguments, format: String, context: ToolContext) throws -> Int32 {
        let input = try InputOptions(arguments)
        let sink = try results(arguments, reading: arguments.positionals + [path], input: input, format: format, context: context)
        let paths = arguments.positionals
        var commit: ArchiveCommit?
        let records: [StoryRecord]
        var info = stat()
        if paths.isEmpty {
            let archive = try StoryArchive(path: path)
            let options = try DetectionOptions.archiveOptions(arguments, archive: archive)
            records = try archive.storyRecords(threads: options.threads)
            if let recovery = archive.recovery { context.stderr.line("wirediff dedup: \(path): \(recovery)") }
        } else if lstat(path, &info) != 0 {
            let options = try DetectionOptions.parse(arguments)
            commit = try IndexCommand.read(input, context: context) { reader, onSkip in
                try StoryArchive.create(
                    at: path, reading: paths, with: reader, options: options, textOptions: input.textOptions,
                    producer: "wirediff \(WireDiffTool.version)", records: true, onSkip: onSkip)
            }
            records = commit?.records ?? []
        } else {
            let options = try DetectionOptions.archiveOptions(arguments, archive: try StoryArchive(path: path))
            commit = try IndexCommand.read(input, context: context) { reader, onSkip in
                try StoryArchive.add(to: path, reading: paths, with: reader, threads: options.threads, records: true, onSkip: onSkip)
            }
            records = commit?.records ?? []
        }
        write(records.map { Row(id: $0.id, cluster: $0.story, representative: $0.representative, evidence: $0.evidence) }, format: format, to: sink)
        try sink.finish()
        if let commit {
            IndexCommand.report(commit, path: path, context: context)
        } else {
            let stories = Set(records.map(\.story)).count
            context.stderr.line("wirediff dedup: \(path): \(IndexCommand.count(records.count, "document")), \(IndexCommand.count(stories, "story", "stories"))")
        }
        return ExitCode.success
    }
}
