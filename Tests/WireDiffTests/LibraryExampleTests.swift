import Foundation
import Testing
import WireDiff

/// The example of `Documentation/Library.md`, run on `Samples/`: if it stops compiling or
/// answering as the guide says, the guide is wrong.
@Suite struct LibraryExampleTests {
    @Test func guideExampleAnswersAsDocumented() throws {
        let samples = Repository.samples.path

        // 1. Group a corpus into stories.
        let records = try CorpusReader().read(paths: [samples])
        let stories = try Deduplicator().run(records)
        var versions: [String: [String]] = [:]
        for (record, story) in zip(records, stories.assignments) {
            versions[records[story.representative].id, default: []].append(record.id)
        }
        // Without dates, the version with the most sentences represents its story.
        #expect(versions["rewrite-expanded.txt"]?.sorted() == [
            "rewrite-condensed.txt", "rewrite-expanded.txt", "rewrite-paraphrase.txt", "syndicated-copy.txt", "wire.txt",
        ])
        #expect(versions["different-story.txt"] == ["different-story.txt"])
        #expect(versions.count == 2)

        // 2. The rewrites of one story, best first.
        let wireIndex = try #require(records.firstIndex { $0.id == "wire.txt" })
        let matches = RewriteFinder().find(story: records[wireIndex], in: records, excluding: [wireIndex])
        #expect(matches.map { records[$0.index].id } == [
            "syndicated-copy.txt", "rewrite-expanded.txt", "rewrite-paraphrase.txt", "rewrite-condensed.txt",
        ])
        #expect(matches.allSatisfy { $0.evidence.isRewrite })

        // 3. What a rewrite adds, omits and changes.
        let wire = Document(id: "wire", bytes: records[wireIndex].bytes)
        let expanded = Document(id: "expanded", bytes: try #require(records.first { $0.id == "rewrite-expanded.txt" }).bytes)
        let report = Differ().compare(wire, expanded)
        #expect(report.verdict.kind == .sameStory)
        #expect(report.added.count == 8)
        let changes = report.alignments.flatMap(\.changes)
        #expect(changes.map { "\($0.kind.rawValue) \($0.referenceText) → \($0.otherText)" }
            == ["number 1,200 → 1,400", "date Wednesday → Thursday"])
        let text = TextReportRenderer().render(DiffReport(comparing: [wire, expanded]))
        #expect(text.contains("expanded"))

        // 4. Why two articles are (or are not) one story.
        let other = try #require(records.first { $0.id == "different-story.txt" })
        let judgement = Deduplicator().judge(records[wireIndex], other)
        #expect(!judgement.isSameStory)
        #expect(judgement.reason == .sharedPassage && judgement.features.aligned == 1)
        #expect(Deduplicator().judge(records[wireIndex], try #require(records.first { $0.id == "rewrite-expanded.txt" })).isSameStory)

        // 5. An archive kept between runs answers as `find` over the corpus.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("newsdesk.wda").path
        let created = try StoryArchive.create(
            at: path, reading: [samples], with: CorpusReader(), options: DedupOptions(), textOptions: TextOptions(),
            producer: "newsdesk 1.0")
        #expect(created.added == 6)
        let archive = try StoryArchive(path: path)
        let archived = try archive.find(story: records[wireIndex], excluding: archive.article(withID: "wire.txt"))
        #expect(try archived.map { try archive.id($0.index) } == matches.map { records[$0.index].id })
        #expect(archived.map(\.evidence.score) == matches.map(\.evidence.score))
    }
}
