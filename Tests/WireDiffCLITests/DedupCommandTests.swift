import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

/// Parses JSONL output into `id → record`.
func records(_ jsonl: String) throws -> [String: JSONValue] {
    var result: [String: JSONValue] = [:]
    for line in jsonl.split(separator: "\n") {
        let value = try JSONParser().parse(String(line))
        if case .string(let id)? = value["id"] { result[id] = value }
    }
    return result
}

func clusterOf(_ records: [String: JSONValue], _ prefix: String) -> String? {
    guard let record = records.first(where: { $0.key.hasPrefix(prefix) })?.value,
          case .number(let cluster)? = record["cluster"] else { return nil }
    return cluster
}

@Suite struct DedupCommandTests {
    @Test(.enabled(if: Paths.seedsAvailable, "needs ../shared/seeds"))
    func seedsClusterIntoTheirStories() throws {
        let result = runTool(["dedup", Paths.seeds.path])
        #expect(result.code == 0)
        let out = try records(result.stdout)
        #expect(out.count == 5)
        #expect(clusterOf(out, "000") == clusterOf(out, "001"))
        #expect(clusterOf(out, "003") == clusterOf(out, "004"))
        #expect(clusterOf(out, "000") != clusterOf(out, "003"))
        let alone = clusterOf(out, "002")
        #expect(alone != clusterOf(out, "001") && alone != clusterOf(out, "003"))
        #expect(result.stderr.contains("5 documents, 3 stories"))
    }

    @Test func samplesClusterIntoTwoStories() throws {
        let result = runTool(["dedup", Paths.samples.path])
        #expect(result.code == 0)
        let out = try records(result.stdout)
        #expect(out.count == 6)
        let wire = clusterOf(out, "wire")
        for id in ["rewrite-paraphrase", "rewrite-condensed", "rewrite-expanded", "syndicated-copy"] {
            #expect(clusterOf(out, id) == wire, "\(id) should be a version of the wire story")
        }
        #expect(clusterOf(out, "different-story") != wire)
    }

    @Test func jsonlCorpusUsesDatesForTheRepresentative() throws {
        let result = runTool(["dedup", Paths.samples.appendingPathComponent("corpus.jsonl").path])
        #expect(result.code == 0)
        let out = try records(result.stdout)
        #expect(out["rewrite-expanded"]?["representative"] == .string("wire"))
        #expect(out["wire"]?["is_representative"] == .bool(true))
        #expect(out["different-story"]?["representative"] == .string("different-story"))
    }

    @Test func recordFieldsAreTheDocumentedContract() throws {
        let result = runTool(["dedup", Paths.samples.appendingPathComponent("corpus.jsonl").path])
        let line = try #require(result.stdout.split(separator: "\n").first)
        guard case .object(let object) = try JSONParser().parse(String(line)) else {
            Issue.record("not an object")
            return
        }
        #expect(object.members.map(\.key) == [
            "schema_version", "id", "cluster", "representative", "is_representative", "jaccard",
            "containment", "representative_containment", "matched_sentences", "coverage",
            "representative_coverage", "same_story_score",
        ])
    }

    @Test func csvHasHeaderAndOneRowPerDocument() {
        let result = runTool(["dedup", "--format", "csv", Paths.samples.path])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "id,cluster,representative,is_representative,jaccard,containment,representative_containment,matched_sentences,coverage,representative_coverage,same_story_score")
        #expect(lines.count == 7)
    }

    @Test func outputIsDeterministic() {
        let first = runTool(["dedup", Paths.samples.path]).stdout
        let second = runTool(["dedup", "--threads", "1", Paths.samples.path]).stdout
        #expect(first == second)
    }

    @Test func separateProcessesGiveByteIdenticalOutput() throws {
        let first = try runBinary(["dedup", "Samples/corpus.jsonl"])
        let second = try runBinary(["dedup", "--threads", "1", "Samples/corpus.jsonl"])
        #expect(first.code == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test func badInputNamesTheFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("bad.jsonl")
        try "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\n".write(to: corpus, atomically: true, encoding: .utf8)
        let result = try runBinary(["dedup", corpus.path])
        #expect(result.code == 65)
        #expect(result.stderr.contains("bad.jsonl:2"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
        let skipped = try runBinary(["dedup", "--skip-bad", corpus.path])
        #expect(skipped.code == 0)
        #expect(skipped.stdout.split(separator: "\n").count == 1)
        #expect(skipped.stderr.contains("skipped"))
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("clusters.jsonl")
        try "previous results\n".write(to: target, atomically: true, encoding: .utf8)
        // A failing run (missing input) leaves the previous file intact.
        let failed = runTool(["dedup", "-o", target.path, directory.appendingPathComponent("missing").path])
        #expect(failed.code != 0)
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous results\n")
        let ok = runTool(["dedup", "-o", target.path, Paths.samples.path])
        #expect(ok.code == 0)
        #expect(ok.stdout.isEmpty)
        #expect(try String(contentsOf: target, encoding: .utf8).split(separator: "\n").count == 6)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["clusters.jsonl"])
    }

    @Test func aStoryReprintedFortyTimesIsOneCluster() throws {
        // Buckets larger than the clique limit become stars; every reprint must still join.
        let wire = try String(contentsOf: Paths.samples.appendingPathComponent("wire.txt"), encoding: .utf8)
        let other = try String(contentsOf: Paths.samples.appendingPathComponent("different-story.txt"), encoding: .utf8)
        var lines: [String] = []
        lines.append(JSONValue.object(["id": .string("other"), "text": .string(other)]).serialized)
        for i in 0..<40 {
            lines.append(JSONValue.object(["id": .string("copy\(i)"), "text": .string("Share:\n\(wire)")]).serialized)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("reprints.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)
        let out = try records(runTool(["dedup", corpus.path]).stdout)
        let copies = Set((0..<40).map { out["copy\($0)"]?["cluster"]?.serialized ?? "missing" })
        #expect(out.count == 41)
        #expect(copies.count == 1)
        #expect(out["other"]?["cluster"]?.serialized != copies.first)
    }

    @Test func bandsNeedRows() {
        let result = runTool(["dedup", "--bands", "4", Paths.samples.path])
        #expect(result.code == 64)
        #expect(result.stderr.contains("--bands and --rows go together"))
    }
}

@Suite struct FindCommandTests {
    @Test(.enabled(if: Paths.seedsAvailable, "needs ../shared/seeds"))
    func findsTheAxiosRewriteOnly() throws {
        let result = runTool(["find", "--format", "jsonl", "001", Paths.seeds.path])
        #expect(result.code == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let ids = try lines.map { line -> String in
            guard case .string(let id)? = try JSONParser().parse(line)["id"] else { return "" }
            return id
        }
        #expect(ids.first?.hasPrefix("000") == true)
        #expect(!ids.contains { $0.hasPrefix("002") || $0.hasPrefix("003") || $0.hasPrefix("004") })
    }

    @Test(.enabled(if: Paths.seedsAvailable, "needs ../shared/seeds"))
    func differentStoryHasNoRewrites() {
        let result = runTool(["find", "002", Paths.seeds.path])
        #expect(result.code == 1)
        #expect(result.stdout.contains("no rewrites"))
    }

    @Test func samplesRewritesAreFoundAndTheDifferentStoryIsNot() {
        let result = runTool(["find", Paths.samples.appendingPathComponent("wire.txt").path, Paths.samples.path])
        #expect(result.code == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(!result.stdout.contains("different-story"))
        #expect(!result.stdout.contains(" wire.txt"))  // the story itself is not its own rewrite
        #expect(lines.first?.contains("syndicated-copy.txt") == true)
    }

    @Test func unknownStoryIsAUsageError() {
        let result = runTool(["find", "no-such-story", Paths.samples.path])
        #expect(result.code == 64)
        #expect(result.stderr.contains("neither a file nor the id"))
    }
}
