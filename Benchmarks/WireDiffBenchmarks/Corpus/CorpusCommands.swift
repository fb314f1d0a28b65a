import Foundation

/// The `generate` and `evaluate` subcommands of the benchmark tool.
enum CorpusCommands {
    static let generateUsage = """
        usage: WireDiffBenchmarks generate [--seed N] [--documents N] [--out corpus.jsonl] [--labels labels.tsv] [--no-stats]
        Writes a labeled synthetic news corpus (JSONL: id, date, story, text) and its labels (TSV:
        id, story, role, strength, related), then prints counts and Jaccard distributions.
        """

    static let evaluateUsage = """
        usage: WireDiffBenchmarks evaluate --labels labels.tsv (--clusters predicted.jsonl | --pairs pairs.tsv) [--name NAME]
        Prints pair precision / recall / F1 of a clustering (JSONL with id and cluster) or a pair list.
        """

    /// Parses `--key value` options; flags without a value map to "".
    static func options(_ args: ArraySlice<String>) -> [String: String] {
        var out: [String: String] = [:]
        var i = args.startIndex
        while i < args.endIndex {
            let key = args[i]
            if i + 1 < args.endIndex, !args[i + 1].hasPrefix("--") {
                out[key] = args[i + 1]
                i += 2
            } else {
                out[key] = ""
                i += 1
            }
        }
        return out
    }

    static func generate(_ args: ArraySlice<String>) -> Int32 {
        let o = options(args)
        if o["--help"] != nil { print(generateUsage); return 0 }
        guard let seed = UInt64(o["--seed"] ?? "1"), let documents = Int(o["--documents"] ?? "10000"), documents > 0 else {
            FileHandle.standardError.write(Data((generateUsage + "\n").utf8))
            return 64
        }
        let out = o["--out"] ?? "corpus-\(documents).jsonl"
        let labels = o["--labels"] ?? (out.hasSuffix(".jsonl") ? String(out.dropLast(6)) : out) + ".labels.tsv"
        let measure = o["--no-stats"] == nil
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
        let o = options(args)
        if o["--help"] != nil { print(evaluateUsage); return 0 }
        guard let labels = o["--labels"], (o["--clusters"] != nil) != (o["--pairs"] != nil) else {
            FileHandle.standardError.write(Data((evaluateUsage + "\n").utf8))
            return 64
        }
        do {
            let evaluator = try PairEvaluator(labelsPath: labels)
            var unknown = 0
            var scores: PairEvaluator.Scores
            if let path = o["--clusters"] {
                scores = evaluator.evaluate(clusters: try evaluator.loadClusters(path, unknown: &unknown))
            } else {
                scores = evaluator.evaluate(pairs: try evaluator.loadPairs(o["--pairs"]!, unknown: &unknown))
            }
            scores.unknownIDs = unknown
            print(scores.report(name: o["--name"] ?? (o["--clusters"] ?? o["--pairs"]!)), terminator: "")
            return 0
        } catch {
            FileHandle.standardError.write(Data("evaluate: \(error)\n".utf8))
            return 65
        }
    }
}
