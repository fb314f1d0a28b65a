import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

/// The distributed stage commands (`Documentation/Distributed.md`): their records, options and
/// errors. `WireDiffTests/StageTests` checks that the stages chained give dedup's answer, and
/// `Integrations/spark/test_spark.py` the Spark driver that chains them.
struct StageCommandTests {
    /// The located records of `Samples/corpus.jsonl`, with `extra` lines inserted before its
    /// third line.
    func located(inserting extra: [String] = []) throws -> (lines: [String], path: String) {
        let path = Paths.samples.appendingPathComponent("corpus.jsonl").path
        let file = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        var lines = file.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        lines.insert(contentsOf: extra, at: 2)
        var offset = 0
        let records = lines.enumerated().map { k, line -> String in
            defer { offset += line.utf8.count + 1 }
            return JSONValue.object([
                "key": .int(k), "source": .string(path), "line": .int(k + 1), "offset": .int(offset),
                "jsonl": .string(Data(line.utf8).base64EncodedString()),
            ]).serialized
        }
        return (records, path)
    }

    func objects(_ text: String) throws -> [JSONObject] {
        try text.split(separator: "\n").map { line in
            guard case .object(let o) = try JSONParser().parse(String(line)) else { throw UsageError("not an object") }
            return o
        }
    }

    @Test func featuresGivesOneRecordPerArticleAndDedupsErrorForABadLine() throws {
        let (lines, path) = try located(inserting: [#"{"id": "broken", "text": "no end"#])
        let result = runTool(["features"], stdin: lines.joined(separator: "\n"))
        #expect(result.code == 0)
        let out = try objects(result.stdout)
        #expect(out.count == 7)
        #expect(out.map { $0["key"] } == (0..<7).map { .int($0) })
        #expect(out[0]["id"] == .string("wire"))
        #expect(out[0]["date"] == .string("2025-03-04T14:05:00Z"))
        // The error is dedup's own, naming the file, line and column.
        #expect(out[2]["exit_code"] == .int(65))
        #expect(out[2]["error"] == .string("\(path):3:26: malformed JSON: unterminated string"))
    }

    @Test func planSamplesEvenlyAndCarriesTheDetectionOptions() throws {
        #expect(runTool(["plan", "--articles", "6", "--sample"]).stdout == "0\n1\n2\n3\n4\n5\n")
        let sample = runTool(["plan", "--articles", "10000", "--sample"]).stdout.split(separator: "\n")
        #expect(sample.count == 4000)
        #expect(sample.prefix(3) == ["0", "2", "5"])
        let (lines, _) = try located()
        let features = try objects(runTool(["features"], stdin: lines.joined(separator: "\n")).stdout)
        let indexed = features.enumerated().map { k, f in JSONValue.object(["index": .int(k), "features": f["features"]!]).serialized }
        let plan = runTool(["plan", "--articles", "6", "--sentences", "40", "--shared-keys", "3"], stdin: indexed.joined(separator: "\n"))
        #expect(plan.code == 0)
        let object = try #require(try objects(plan.stdout).first)
        #expect(object["minimum_shared_keys"] == .int(3))
        #expect(object["options"] == .array([.string("--shared-keys"), .string("3")]))
        // Later stages take the options from the plan.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-plan-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(plan.stdout.utf8).write(to: dir)
        let sketch = runTool(["sketch", "--plan", dir.path], stdin: indexed.joined(separator: "\n"))
        #expect(sketch.code == 0)
        #expect(try objects(sketch.stdout).map { $0["index"] } == (0..<6).map { .int($0) })
        let verify = runTool(["verify", "--plan", dir.path], stdin: "\n{\"a\": 0, \"b\": 1, \"first\": \"\"")
        #expect(verify.code == 65)
        #expect(verify.stderr.hasPrefix("wirediff verify: <stdin>:2: malformed JSON"))
    }

    @Test func stagesRefuseMissingPlansAndPathArguments() {
        let sketch = runTool(["sketch"])
        #expect(sketch.code == 64)
        #expect(sketch.stderr.contains("--plan is required"))
        let missing = runTool(["cluster", "--plan", "/nonexistent/plan.json"])
        #expect(missing.code == 66)
        let path = runTool(["features", "corpus.jsonl"])
        #expect(path.code == 64)
        #expect(path.stderr.contains("reads its records on standard input"))
        let plan = runTool(["plan", "--articles", "6"], stdin: "")
        #expect(plan.code == 64)
    }
}
