import Foundation
import WireDiffCLI

/// The `generate` and `evaluate` subcommands of the benchmark tool.
enum CorpusCommands {
    static let seed = Option("--seed", "n", .unsigned, default: 1, help: "Seed of the generator.")
    static let documents = Option("--documents", "n", .integer(in: 1...Int(Int32.max)), default: 10_000, help: "Documents to write.")
    static let out = Option("--out", "file", .text, shownDefault: "corpus-N.jsonl", help: "The corpus (JSONL: id, date, story, text).")
    static let labels = Option(
        "--labels", "file", .text, shownDefault: "the corpus's name with .labels.tsv",
        help: "The labels (TSV: id, story, role, strength, related); with evaluate, the truth.")
    static let noStats = Flag("--no-stats", help: "Print counts only, not the Jaccard distributions (streams a large corpus).")
    static let clusters = Option("--clusters", "file", .text, help: "A clustering to score (JSONL with id and cluster).")
    static let pairs = Option("--pairs", "file", .text, help: "A pair list to score (TSV).")
    static let name = Option("--name", "name", .text, shownDefault: "the file's path", help: "Name of the scored run in the report.")

    static func generate(_ args: ArraySlice<String>) -> Int32 {
        let (seed, documents, out, labels, measure) = BenchmarkArguments.parse(
            "generate", usage: "[--seed N] [--documents N] [--out corpus.jsonl] [--labels labels.tsv] [--no-stats]",
            about: """
                Writes a labeled synthetic news corpus (JSONL: id, date, story, text) and its labels (TSV:
                id, story, role, strength, related), then prints counts and Jaccard distributions.
                """,
            options: [Self.seed.spec, Self.documents.spec, Self.out.spec, Self.labels.spec, noStats.spec], args
        ) { (parsed) throws(UsageError) in
            guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument '\(parsed.positionals[0])'") }
            let documents = try parsed.value(Self.documents)
            let out = try parsed.value(Self.out) ?? "corpus-\(documents).jsonl"
            let labels = try parsed.value(Self.labels) ?? (out.hasSuffix(".jsonl") ? String(out.dropLast(6)) : out) + ".labels.tsv"
            return (try parsed.value(Self.seed), documents, out, labels, !parsed.flag(noStats))
        }
        let generator = CorpusGenerator(seed: seed, documents: documents)
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            var summary = try generator.write(corpusPath: out, labelsPath: labels, measure: measure)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            summary.documents = min(summary.documents, documents)
            print("wrote \(out) and \(labels) in \(String(format: "%.2f", seconds)) s (seed \(seed))")
            if measure {
                // Unrelated pairs: originals of consecutive groups.
                var w5: [Double] = [], content: [Double] = []
                let n = min(1000, max(1, documents / 4))
                var previous = PairStatistics.Profile(generator.group(0, measure: false).documents[0].text)
                for g in 1...n {
                    let p = PairStatistics.Profile(generator.group(g, measure: false).documents[0].text)
                    w5.append(PairStatistics.jaccard(previous.word5, p.word5))
                    content.append(PairStatistics.jaccard(previous.content, p.content))
                    previous = p
                }
                print(summary.report(unrelated: (w5, content)))
            } else {
                print("documents: \(summary.documents)   text: \(String(format: "%.1f", Double(summary.bytes) / 1e6)) MB")
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("generate: \(error)\n".utf8))
            return 74
        }
    }

    static func evaluate(_ args: ArraySlice<String>) -> Int32 {
        let (labels, clusters, pairs, name) = BenchmarkArguments.parse(
            "evaluate", usage: "--labels labels.tsv (--clusters predicted.jsonl | --pairs pairs.tsv) [--name NAME]",
            about: "Prints pair precision / recall / F1 of a clustering (JSONL with id and cluster) or a pair list.",
            options: [Self.labels.spec, Self.clusters.spec, Self.pairs.spec, Self.name.spec], args
        ) { (parsed) throws(UsageError) in
            guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument '\(parsed.positionals[0])'") }
            guard let labels = try parsed.value(Self.labels) else { throw UsageError("--labels is required") }
            let clusters = try parsed.value(Self.clusters), pairs = try parsed.value(Self.pairs)
            guard (clusters == nil) != (pairs == nil) else { throw UsageError("give one of --clusters and --pairs") }
            return (labels, clusters, pairs, try parsed.value(Self.name))
        }
        do {
            let evaluator = try PairEvaluator(labelsPath: labels)
            var unknown = 0
            var scores: PairEvaluator.Scores
            if let clusters {
                scores = evaluator.evaluate(clusters: try evaluator.loadClusters(clusters, unknown: &unknown))
            } else if let pairs {
                scores = evaluator.evaluate(pairs: try evaluator.loadPairs(pairs, unknown: &unknown))
            } else {
                return 64
            }
            scores.unknownIDs = unknown
            print(scores.report(name: name ?? clusters ?? pairs ?? ""), terminator: "")
            return 0
        } catch {
            FileHandle.standardError.write(Data("evaluate: \(error)\n".utf8))
            return 65
        }
    }
}
