import Foundation
import WireDiff
import WireDiffCLI

/// The data `Scripts/fit-same-story.py` fits the same-story model on, computed by the library
/// itself so the fit sees exactly what the decision sees.
///
/// - `evidence CORPUS.jsonl [--paraphrased K]`: one JSON line per candidate pair that `dedup`
///   would consider (`a`, `b`: ids; `vector`: ``SameStoryModel/documentVector(_:)``; `score`,
///   `reason`), then K lines with `"paraphrased": true` for the same pair reworded the way
///   real rewrites are (each shared word that is neither a name nor a number kept with
///   probability 0.35–0.7: real rewrites keep a fifth to a quarter of the content words, and
///   their names and figures).
/// - `sentence-pairs PAIRS.tsv`: one JSON line per row `a<TAB>b<TAB>label` (`label`;
///   `vector`: ``SameStoryModel/sentenceVector(_:)`` of the two texts, each read as one
///   sentence).
enum EvidenceCommands {
    static let paraphrasedOption = Option(
        "--paraphrased", "k", .integer(in: 0...1_000), default: 0, help: "Reworded copies of each candidate pair written after it.")

    static func evidence(_ arguments: ArraySlice<String>) -> Int32 {
        let (path, paraphrased) = BenchmarkArguments.parse(
            "evidence", usage: "CORPUS.jsonl [--paraphrased K]", options: [paraphrasedOption.spec], arguments
        ) { (parsed) throws(UsageError) in
            guard parsed.positionals.count == 1 else { throw UsageError("give one corpus") }
            return (parsed.positionals[0], try parsed.value(paraphrasedOption))
        }
        let records: [CorpusRecord]
        do { records = try CorpusReader().read(paths: [path]) } catch {
            FileHandle.standardError.write(Data("evidence: \(error)\n".utf8))
            return 65
        }
        let deduplicator = Deduplicator()
        let (store, pairs) = deduplicator.candidatePairs(of: records)
        let verifier = PairVerifier(options: deduplicator.options)
        var out = ""
        var generator = SplitMix64(seed: 7)
        for pair in pairs {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            let candidates = verifier.candidates(store[a], store[b])
            func line(_ judgement: SameStoryJudgement, paraphrased: Bool) {
                let vector = SameStoryModel.documentVector(judgement.features).map { String(format: "%.6g", $0) }.joined(separator: ",")
                out += "{\"a\":\(json(records[a].id)),\"b\":\(json(records[b].id)),\"vector\":[\(vector)],"
                    + "\"score\":\(String(format: "%.6g", judgement.score)),\"reason\":\"\(judgement.reason.rawValue)\""
                    + (paraphrased ? ",\"paraphrased\":true}\n" : "}\n")
            }
            line(verifier.judge(store[a], store[b], candidates: candidates), paraphrased: false)
            for _ in 0..<paraphrased {
                let keep = 0.35 + 0.35 * Double(generator.next() % 1_000_000) / 1_000_000
                let reworded = candidates.compactMap { c -> SentencePairCounts? in
                    var c = c
                    let plain = max(0, c.sharedNonNames - c.sharedNumbers)
                    var lost = 0
                    for _ in 0..<plain where Double(generator.next() % 1_000_000) / 1_000_000 >= keep { lost += 1 }
                    c.shared -= lost
                    c.sharedNonNames -= lost
                    return SameStoryModel.isCandidate(c, options: verifier.options) ? c : nil
                }
                line(verifier.judge(store[a], store[b], candidates: reworded), paraphrased: true)
            }
            if out.utf8.count > 1 << 20 { flush(&out) }
        }
        flush(&out)
        return 0
    }

    static func sentencePairs(_ arguments: ArraySlice<String>) -> Int32 {
        let path = BenchmarkArguments.parse("sentence-pairs", usage: "PAIRS.tsv (a<TAB>b<TAB>label)", options: [], arguments) { (parsed) throws(UsageError) in
            guard parsed.positionals.count == 1 else { throw UsageError("give one file of pairs") }
            return parsed.positionals[0]
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            FileHandle.standardError.write(Data("WireDiffBenchmarks sentence-pairs: cannot read \(path)\n".utf8))
            return 66
        }
        var shingler = Shingler(kind: DedupOptions().shingleKind)
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let label = Int(fields[2]) else { continue }
            let a = sentence(String(fields[0]), &shingler), b = sentence(String(fields[1]), &shingler)
            let shared = a.shingles.intersection(b.shingles)
            let names = a.names.union(b.names)
            let counts = SentencePairCounts(
                first: 0, second: 0, firstSize: a.shingles.count, secondSize: b.shingles.count, shared: shared.count,
                sharedNonNames: shared.subtracting(names).count, firstNumbers: a.numbers.count, secondNumbers: b.numbers.count,
                sharedNumbers: a.numbers.intersection(b.numbers).count)
            let vector = SameStoryModel.sentenceVector(counts).map { String(format: "%.6g", $0) }.joined(separator: ",")
            out += "{\"label\":\(label),\"vector\":[\(vector)]}\n"
        }
        flush(&out)
        return 0
    }

    /// A text's shingles as the dedup pipeline keeps them (16-bit folds), read as one sentence.
    private static func sentence(_ text: String, _ shingler: inout Shingler) -> (shingles: Set<UInt16>, names: Set<UInt16>, numbers: Set<UInt16>) {
        let document = Document(id: "", text: text, options: TextOptions(keepBoilerplate: true))
        let shingles = shingler.shingles(of: document)
        return (Set(shingles.map(StoryFeatures.fold)), Set(shingler.nameShingles.map(StoryFeatures.fold)),
                Set(shingler.numberShingles.map(StoryFeatures.fold)))
    }

    private static func json(_ s: String) -> String {
        String(decoding: try! JSONEncoder().encode(s), as: UTF8.self)
    }

    private static func flush(_ out: inout String) {
        FileHandle.standardOutput.write(Data(out.utf8))
        out = ""
    }
}
