import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

/// Paraphrase pairs (label 1) and unrelated pairs (label 0), written for these tests.
let labelledPairs: [(String, String, Bool)] = [
    ("Authorities ordered about 1,200 residents of Carrow to leave their homes on Tuesday.",
     "About 1,200 Carrow residents were told by authorities to leave home on Tuesday.", true),
    ("The seepage was spotted at 6:40 a.m. by a maintenance crew near the dam.",
     "A maintenance crew spotted the seepage near the dam at 6:40 a.m.", true),
    ("Mayor Elena Varga said the city had opened three shelters.",
     "Three shelters were opened by the city, Mayor Elena Varga said.", true),
    ("Route 9 and two bridges over the Tessel River were closed.",
     "Two bridges over the Tessel River and Route 9 have been closed.", true),
    ("The council approved a budget of $48 million for the next fiscal year.",
     "A maintenance crew spotted the seepage near the dam at 6:40 a.m.", false),
    ("The football team won its third match of the season on Saturday.",
     "Mayor Elena Varga said the city had opened three shelters.", false),
    ("Heavy snow closed mountain passes across the region overnight.",
     "The central bank left interest rates unchanged at its March meeting.", false),
    ("Scientists found a new species of frog in the rainforest.",
     "Route 9 and two bridges over the Tessel River were closed.", false),
]

func temporaryFile(_ name: String, _ contents: String) throws -> String {
    // Unique per call: tests run concurrently, and two of them writing (and then removing)
    // one shared path made each other read an empty or missing file.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-\(UUID().uuidString)-\(name)").path
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite struct PairsCommandTests {
    var tsv: String {
        labelledPairs.map { "\($0.0)\t\($0.1)\t\($0.2 ? 1 : 0)" }.joined(separator: "\n") + "\n"
    }

    var jsonl: String {
        labelledPairs.map { pair in
            JSONValue.object(["a": .string(pair.0), "b": .string(pair.1), "label": pair.2 ? .bool(true) : .int(0)]).serialized
        }.joined(separator: "\n") + "\n"
    }

    /// Parses `score<TAB>decision` lines.
    func lines(_ stdout: String) -> [(Double, Int)] {
        stdout.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let s = Double(fields[0]), let d = Int(fields[1]) else { return nil }
            return (s, d)
        }
    }

    @Test func tsvScoresSeparateParaphrasesFromUnrelatedPairs() throws {
        let path = try temporaryFile("pairs.tsv", tsv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = runTool(["pairs", path])
        #expect(result.code == 0, "\(result.stderr)")
        let scored = lines(result.stdout)
        #expect(scored.count == labelledPairs.count)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.wholeMatch(of: /[01]\.\d{4}\t[01]/) != nil })
        for ((score, decision), pair) in zip(scored, labelledPairs) {
            #expect(decision == (pair.2 ? 1 : 0), "score \(score) for \(pair.0)")
        }
        #expect(result.stderr.contains("paraphrase model: precision 1.0000 recall 1.0000 F1 1.0000 accuracy 1.0000"))
        #expect(result.stderr.contains("best threshold "))
    }

    /// The score counts the words written alike beside the aligned content words: a copy that
    /// changes only function words ("will" → "would", "in" → "by") scores below an exact copy.
    @Test func functionWordsMoveTheScore() throws {
        let a = "The mayor said the bridge will reopen in May."
        let path = try temporaryFile("surface.tsv", "\(a)\t\(a)\n\(a)\tThe mayor said that the bridge would reopen by May.\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = runTool(["pairs", path])
        #expect(result.code == 0, "\(result.stderr)")
        let scored = lines(result.stdout).map(\.0)
        #expect(scored.count == 2)
        #expect(scored.first == 1)
        #expect(scored.last.map { $0 < 1 && $0 >= 0.9 } == true)
    }

    /// With --threshold the decision is the score against it, not the paraphrase model.
    @Test func thresholdDecidesByScore() throws {
        let path = try temporaryFile("pairs.tsv", tsv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = runTool(["pairs", "--threshold", "0.5", path])
        #expect(result.code == 0, "\(result.stderr)")
        for (score, decision) in lines(result.stdout) { #expect(decision == (score >= 0.5 ? 1 : 0)) }
        #expect(result.stderr.contains("at threshold 0.5000: "))
    }

    /// `--format json` gives each pair's score breakdown, with the same scores as the TSV.
    @Test func jsonFormatCarriesTheBreakdown() throws {
        let path = try temporaryFile("pairs.tsv", tsv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plain = runTool(["pairs", path]), json = runTool(["pairs", "--format", "json", path])
        #expect(json.code == 0, "\(json.stderr)")
        let objects = try json.stdout.split(separator: "\n").map { try JSONParser().parse(String($0)) }
        #expect(objects.count == labelledPairs.count)
        for (object, line) in zip(objects, lines(plain.stdout)) {
            #expect(object["schema_version"] == .int(1))
            #expect(object["decision"] == .int(line.1))
            guard case .number(let score)? = object["score"], let breakdown = object["breakdown"] else { Issue.record("no score or breakdown"); continue }
            #expect(abs((Double(score) ?? -1) - line.0) < 1e-4)
            for field in ["word_score", "character_score", "reference_coverage", "other_coverage", "unmatched_numbers", "contradicting_numbers", "unmatched_names", "negation_mismatch"] {
                #expect(breakdown[field] != nil, "\(field)")
            }
        }
    }

    @Test func jsonlGivesTheSameScoresAsTSV() throws {
        let t = try temporaryFile("pairs.tsv", tsv), j = try temporaryFile("pairs.jsonl", jsonl)
        defer { try? FileManager.default.removeItem(atPath: t); try? FileManager.default.removeItem(atPath: j) }
        let fromTSV = runTool(["pairs", t]), fromJSONL = runTool(["pairs", j])
        #expect(fromJSONL.code == 0, "\(fromJSONL.stderr)")
        #expect(fromTSV.stdout == fromJSONL.stdout)
        #expect(fromJSONL.stderr.contains("8 labelled (4 positive, 4 negative)"))
        let stdin = runTool(["pairs", "--input-format", "jsonl", "-"], stdin: jsonl)
        #expect(stdin.stdout == fromTSV.stdout)
    }

    @Test func thresholdOverrideChangesDecisionsAndMetrics() throws {
        let result = runTool(["pairs", "--threshold", "1", "-"], stdin: tsv)
        #expect(result.code == 0)
        #expect(lines(result.stdout).allSatisfy { $0.1 == 0 || $0.0 >= 1 })
        #expect(result.stderr.contains("at threshold 1.0000:"))
        // The best threshold still separates the classes.
        #expect(result.stderr.contains(/best threshold \d\.\d{4}: precision 1\.0000 recall 1\.0000 F1 1\.0000/))
    }

    @Test func bestThresholdMaximizesF1() {
        let items: [(Double, Bool)] = [(0.9, true), (0.8, true), (0.7, false), (0.6, true), (0.1, false)]
        let best = PairsCommand.Metrics.best(items)
        #expect(abs(best.threshold - 0.35) < 1e-9, "midpoint of 0.6 and the next lower score 0.1")
        #expect(best.truePositives == 3 && best.falsePositives == 1)
        let strict = PairsCommand.Metrics(items, threshold: 0.85)
        #expect(strict.precision == 1 && strict.recall == 1.0 / 3)
    }

    @Test func unlabelledPairsPrintScoresOnly() {
        let result = runTool(["pairs", "-"], stdin: "a dam leaks in Carrow\tthe Carrow dam is leaking\n")
        #expect(result.code == 0)
        #expect(lines(result.stdout).count == 1)
        #expect(result.stderr.contains("no labels"))
        #expect(!result.stderr.contains("precision"))
    }

    @Test(arguments: [
        ("only one field\n", "tsv", "1: expected 2 or 3 tab-separated fields"),
        ("a\tb\tmaybe\n", "tsv", "1: label must be 0, 1, true or false"),
        ("{\"a\":\"x\",\"b\":\"y\"}\n{\"a\":\"x\"}\n", "jsonl", "2: missing field 'b'"),
        ("{\"a\":\"x\",\"b\":\n", "jsonl", "1: malformed JSON"),
        ("[1,2]\n", "jsonl", "1: expected a JSON object"),
        ("{\"a\":\"x\",\"b\":\"y\",\"label\":2}\n", "jsonl", "1: label must be 0, 1, true or false"),
    ])
    func badLinesStopWithExit65(input: String, format: String, message: String) {
        let result = runTool(["pairs", "--input-format", format, "-"], stdin: input)
        #expect(result.code == 65)
        #expect(result.stderr.contains("<stdin>:" + message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func skipBadReportsAndGoesOn() throws {
        let path = try temporaryFile("bad.tsv", "a dam leaks\tthe dam leaks\t1\nbroken line\nrain in Carrow\tbudget vote\t0\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = runTool(["pairs", "--skip-bad", path])
        #expect(result.code == 0)
        #expect(lines(result.stdout).count == 2)
        #expect(result.stderr.contains("\(path):2: expected 2 or 3"))
        #expect(result.stderr.contains("skipped 1 bad line, read 2"))
    }

    @Test func missingFileAndWrongArgumentsAreReported() {
        #expect(runTool(["pairs", "/nonexistent/pairs.tsv"]).code == 66)
        #expect(runTool(["pairs"]).code == 64)
        #expect(runTool(["pairs", "--input-format", "csv", "-"]).code == 64)
    }
}
