import Foundation
import WireDiff

extension FindCommand {
    /// `find --index ARCHIVE STORY…`: the rewrites of each story among an archive's articles,
    /// as `find STORY` over those articles gives them. A story is an archived id (the article
    /// itself is left out), a file, `-`, or a .jsonl file of several stories (an archived
    /// article with a story's id is left out too).
    static func runIndexed(_ path: String, _ arguments: ParsedArguments, format: String, context: ToolContext) throws -> Int32 {
        let input = try InputOptions(arguments)
        guard !arguments.positionals.isEmpty else {
            throw UsageError("find --index needs at least one story", hint: "an archived id, a file, - or a .jsonl file of stories")
        }
        let sink = try results(arguments, reading: arguments.positionals + [path], input: input, format: format, context: context)
        let archive = try StoryArchive(path: path)
        let options = try DetectionOptions.archiveOptions(arguments, archive: archive, sharedKeysPerQuery: true)
        var stories: [(id: String, features: StoryFeatures, excluding: Int?)] = []
        for argument in arguments.positionals {
            if let i = try archive.article(withID: argument) {
                stories.append((argument, try archive.features(i), i))
                continue
            }
            guard argument == "-" || FileManager.default.fileExists(atPath: argument) else {
                throw UsageError("story '\(argument)' is neither a file nor the id of a document in \(path)")
            }
            for record in try input.read([argument], context: context) {
                stories.append((record.id, archive.features(of: record), try archive.article(withID: record.id)))
            }
        }
        if format == "csv" && stories.count > 1 {
            throw UsageError("--format csv takes one story: its rows do not name the story", hint: "use --format jsonl")
        }
        if format == "csv" { sink.line(CSV.row(csvHeader)) }
        var found: [(story: String, count: Int, among: Int)] = []
        for story in stories {
            let matches = try archive.find(story: story.features, excluding: story.excluding, options: options)
            let among = archive.count - (story.excluding == nil ? 0 : 1)
            if format == "text" && stories.count > 1 { sink.line("story \(story.id)") }
            write(try matches.map { match throws(ArchiveError) in (try archive.id(match.index), match.evidence) }, story: story.id, among: among, format: format, to: sink)
            found.append((story.id, matches.count, among))
        }
        try sink.finish()
        for f in found { summarize(f.count, story: f.story, among: f.among, context: context) }
        return found.contains { $0.count > 0 } ? ExitCode.success : ExitCode.notFound
    }
}
