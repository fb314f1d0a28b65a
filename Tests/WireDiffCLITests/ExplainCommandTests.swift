import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

@Suite struct ExplainCommandTests {
    let corpus = Paths.samples.appendingPathComponent("corpus.jsonl").path

    @Test func aRewriteIsExplainedWithItsAlignedSentences() {
        let result = runTool(["explain", sample("wire.txt"), sample("rewrite-paraphrase.txt")])
        #expect(result.code == 0)
        #expect(result.stdout.hasPrefix("same story: "))
        #expect(result.stdout.contains("rule: model"))
        #expect(result.stdout.contains("aligned sentences:"))
        #expect(result.stdout.contains("↔"))
    }

    /// A user who doubts a call sees why in one command: the different story shares one
    /// background sentence, a passage.
    @Test func theDifferentStoryIsASharedPassageWithExitOne() {
        let result = runTool(["explain", "wire", "different-story", corpus])
        #expect(result.code == 1)
        #expect(result.stdout.hasPrefix("not the same story: wire and different-story"))
        #expect(result.stdout.contains("rule: shared-passage"))
    }

    @Test func jsonIsTheDocumentedContract() throws {
        let result = runTool(["explain", "wire", "rewrite-condensed", corpus, "--format", "json"])
        #expect(result.code == 0)
        let json = try JSONParser().parse(result.stdout)
        #expect(json.keys == [
            "schema_version", "first", "second", "same_story", "reason", "score", "first_sentences", "second_sentences",
            "evidence", "aligned",
        ])
        #expect(json["evidence"]?.keys == [
            "aligned", "strong", "mean_jaccard", "mean_paraphrase", "paraphrase_excess", "coverage_of_shorter",
            "coverage_of_longer", "lede_matched", "runs", "shared_passage", "number_conflicts", "number_agreements",
        ])
        #expect(json["aligned"]?.array.first?.keys == [
            "first_sentence", "second_sentence", "jaccard", "paraphrase", "shared", "shared_names", "first_shingles",
            "second_shingles", "first_numbers", "second_numbers", "shared_numbers", "first_text", "second_text",
        ])
        #expect(json["same_story"] == .bool(true))
    }

    /// `explain`, `dedup`, `find` and `diff` never disagree about a pair of the samples.
    @Test func explainAgreesWithDedupAndDiffOnEveryPairOfTheSamples() throws {
        let ids = ["wire", "rewrite-paraphrase", "rewrite-condensed", "rewrite-expanded", "syndicated-copy", "different-story"]
        let dedup = try records(runTool(["dedup", corpus]).stdout)
        for (k, a) in ids.enumerated() {
            for b in ids[(k + 1)...] {
                let explained = runTool(["explain", a, b, corpus]).code == 0
                let diff = try JSONParser().parse(runTool(["diff", "--format", "json", sample("\(a).txt"), sample("\(b).txt")]).stdout)
                let verdict = diff["verdict"]?["kind"]
                #expect((verdict == .string("same-story")) == explained, "\(a) / \(b)")
                #expect((clusterOf(dedup, a) == clusterOf(dedup, b)) == explained, "\(a) / \(b)")
            }
        }
    }

    @Test(.enabled(if: Paths.seedsAvailable, "needs ../shared/seeds"))
    func theCondensedSeedRewriteIsABroadParaphrase() {
        let result = runTool(["explain", Paths.seed("003"), Paths.seed("004")])
        #expect(result.code == 0)
        #expect(result.stdout.contains("rule: broad-paraphrase"))
        // Loose paraphrases only: what decided is the share of the shorter article they cover.
        #expect(result.stdout.contains("covering 64% of the shorter article"))
        // The Times of Israel rewrite covers a third of the Axios report, with its lede and a
        // sentence kept nearly word for word.
        let toi = runTool(["explain", Paths.seed("000"), Paths.seed("001")])
        #expect(toi.stdout.contains("reaching a lede, one of them near-verbatim"))
        let other = runTool(["explain", Paths.seed("002"), Paths.seed("003")])
        #expect(other.code == 1)
    }

    @Test func oneArticleIsAUsageError() {
        let result = runTool(["explain", sample("wire.txt")])
        #expect(result.code == 64)
        #expect(result.stderr.contains("explain needs two articles"))
    }
}
