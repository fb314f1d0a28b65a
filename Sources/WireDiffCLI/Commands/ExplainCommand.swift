import Foundation
import WireDiff

/// `wirediff explain FIRST SECOND [PATH…]`: why two articles are (or are not) one story: the
/// evidence, the rule that decided and the sentence pairs that matched — the same decision
/// `dedup`, `find` and `diff` make.
enum ExplainCommand: Command {
    static let name = "explain"
    static let summary = "Explain the same-story decision on two articles: evidence, rule, matched sentences."
    static let usage = "[options] <first> <second> [<path>…]"
    static let discussion = """
        <first> and <second> are article files, or ids of documents in the corpus given by the
        paths after them (exact, without the extension, or a unique prefix of the file name,
        as for find). Prints the decision (same story or not), the model's probability and the
        rule that decided, the article-level evidence (sentences aligned one to one, how strong
        and how spread, how much of each article they explain, the lede, a lone block of shared
        background, conflicting numbers) and every aligned sentence pair with its counts. The
        decision is the one dedup, find and diff's verdict make with the same options; see
        Documentation/SameStory.md. Exit status 0 when the articles are one story, 1 when not.
        """
    static let format = ResultOutput.formatOption(["text", "json"], default: "text")
    static let output = ResultOutput.option(writing: "the explanation")
    static var options: [OptionSpec] { [format.spec, output.spec] + DetectionOptions.specs + InputOptions.specs }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        let format = try arguments.value(Self.format)
        let detection = try DetectionOptions.parse(arguments)
        let input = try InputOptions(arguments)
        guard arguments.positionals.count >= 2 else {
            throw UsageError("explain needs two articles", hint: "wirediff explain <first> <second> [<path>…]")
        }
        let sink = try ResultOutput.open(
            try arguments.value(Self.output), inputs: arguments.positionals, directoryExtensions: input.reader.directoryExtensions,
            context: context, escapingControls: format == "text")
        let corpusPaths = Array(arguments.positionals.dropFirst(2))
        let corpus = corpusPaths.isEmpty ? [] : try input.read(corpusPaths, context: context)
        let first = try article(arguments.positionals[0], corpus: corpus, input: input, context: context)
        let second = try article(arguments.positionals[1], corpus: corpus, input: input, context: context)
        let explanation = Explanation(first, second, options: detection, textOptions: input.textOptions)
        sink.write(format == "json" ? explanation.json().serialized + "\n" : explanation.text())
        try sink.finish()
        return explanation.judgement.isSameStory ? ExitCode.success : ExitCode.notFound
    }

    /// One article: a file holding exactly one, or a document of the corpus.
    static func article(_ argument: String, corpus: [CorpusRecord], input: InputOptions, context: ToolContext) throws -> CorpusRecord {
        if corpus.isEmpty {
            let records = try input.read([argument], context: context)
            guard records.count == 1, let record = records.first else {
                throw UsageError("'\(argument)' holds \(records.count) articles; pass one article, or ids and a corpus")
            }
            return record
        }
        return try FindCommand.resolve(argument, in: corpus, input: input, context: context).0
    }
}

/// The same-story judgement of two articles with what is needed to show it: their sentences.
struct Explanation {
    let first: Document
    let second: Document
    /// Kept sentence number → index in the document's sentences.
    let firstKept: [Int]
    let secondKept: [Int]
    let judgement: SameStoryJudgement

    init(_ a: CorpusRecord, _ b: CorpusRecord, options: DedupOptions, textOptions: TextOptions) {
        first = Document(id: a.id, bytes: a.bytes, options: textOptions)
        second = Document(id: b.id, bytes: b.bytes, options: textOptions)
        (judgement, firstKept, secondKept) = Deduplicator(options: options, textOptions: textOptions).judge(first, second)
    }

    /// Why the decision came out as it did, in one line.
    var because: String {
        let f = judgement.features
        switch judgement.reason {
        case .noSharedSentences: return "no sentence of one reports what a sentence of the other does"
        case .sharedPassage:
            return "all they share is one block of \(f.aligned) sentence\(f.aligned == 1 ? "" : "s") away from both ledes (quoted background)"
        case .singleSentence:
            return "one sentence is all they share, of \(f.shorterSentences) in the shorter (a headline, a quote or a stock line)"
        case .weakEvidence: return String(format: "the model's probability %.3f is below the threshold", judgement.score)
        case .model: return String(format: "the model's probability %.3f reaches the threshold", judgement.score)
        case .broadParaphrase:
            // Which of the rule's two ways it took (`SameStoryModel.isBroadParaphrase`).
            let reach =
                f.coverageOfShorter >= SameStoryModel.broadParaphraseFullCoverage
                ? String(format: "covering %.0f%% of the shorter article", f.coverageOfShorter * 100)
                : f.strong > 0 ? "reaching a lede, one of them near-verbatim" : "reaching a lede, some of them confident paraphrases"
            return "\(f.aligned) sentences are paraphrased, spread in \(f.runs) runs through the story, \(reach) (a heavy rewrite)"
        }
    }

    func text() -> String {
        let f = judgement.features
        var out = "\(judgement.isSameStory ? "same story" : "not the same story"): \(first.id) and \(second.id)\n"
        out += "  rule: \(judgement.reason.rawValue): \(because)\n"
        out += String(format: "  probability (model): %.3f\n", judgement.score)
        out += "evidence:\n"
        out += "  sentences of reporting: \(firstKept.count) and \(secondKept.count)\n"
        out += String(
            format: "  aligned one to one: %d (%.0f%% of the shorter, %.0f%% of the longer), in %d run%@\n",
            f.aligned, f.coverageOfShorter * 100, f.coverageOfLonger * 100, f.runs, f.runs == 1 ? "" : "s")
        out += String(
            format: "  strength: %d near-verbatim; mean Jaccard %.2f; mean paraphrase probability %.2f\n",
            f.strong, f.meanJaccard, f.meanParaphrase)
        out += "  lede matched: \(f.ledeMatched ? "yes" : "no"); one block of background only: \(f.isPassage ? "yes" : "no"); "
            + "pairs with the same numbers: \(f.numberAgreements), with conflicting numbers: \(f.numberConflicts)\n"
        if !judgement.aligned.isEmpty { out += "aligned sentences:\n" }
        for pair in judgement.aligned {
            out += String(
                format: "  [%d] ↔ [%d]  Jaccard %.2f, paraphrase %.2f; %d shared (%d names), numbers %d/%d shared %d\n",
                firstKept[pair.first], secondKept[pair.second], pair.jaccard, SameStoryModel.paraphrase(pair),
                pair.shared, pair.shared - pair.sharedNonNames, pair.firstNumbers, pair.secondNumbers, pair.sharedNumbers)
            out += "    \(first.id): \(sentence(first, firstKept[pair.first]))\n"
            out += "    \(second.id): \(sentence(second, secondKept[pair.second]))\n"
        }
        return out
    }

    /// The version of the JSON object's layout (Documentation/JSON.md); bumped on any
    /// incompatible change.
    static let schemaVersion = 1

    /// The documented JSON object (``schemaVersion``).
    func json() -> JSONValue {
        let f = judgement.features
        return .object([
            "schema_version": .int(Self.schemaVersion),
            "first": .string(first.id),
            "second": .string(second.id),
            "same_story": .bool(judgement.isSameStory),
            "reason": .string(judgement.reason.rawValue),
            "score": .rounded(judgement.score),
            "first_sentences": .int(firstKept.count),
            "second_sentences": .int(secondKept.count),
            "evidence": .object([
                "aligned": .int(f.aligned),
                "strong": .int(f.strong),
                "mean_jaccard": .rounded(f.meanJaccard),
                "mean_paraphrase": .rounded(f.meanParaphrase),
                "paraphrase_excess": .rounded(f.paraphraseExcess),
                "coverage_of_shorter": .rounded(f.coverageOfShorter),
                "coverage_of_longer": .rounded(f.coverageOfLonger),
                "lede_matched": .bool(f.ledeMatched),
                "runs": .int(f.runs),
                "shared_passage": .bool(f.isPassage),
                "number_conflicts": .int(f.numberConflicts),
                "number_agreements": .int(f.numberAgreements),
            ]),
            "aligned": .array(judgement.aligned.map { pair in
                .object([
                    "first_sentence": .int(firstKept[pair.first]),
                    "second_sentence": .int(secondKept[pair.second]),
                    "jaccard": .rounded(pair.jaccard),
                    "paraphrase": .rounded(SameStoryModel.paraphrase(pair)),
                    "shared": .int(pair.shared),
                    "shared_names": .int(pair.shared - pair.sharedNonNames),
                    "first_shingles": .int(pair.firstSize),
                    "second_shingles": .int(pair.secondSize),
                    "first_numbers": .int(pair.firstNumbers),
                    "second_numbers": .int(pair.secondNumbers),
                    "shared_numbers": .int(pair.sharedNumbers),
                    "first_text": .string(sentence(first, firstKept[pair.first])),
                    "second_text": .string(sentence(second, secondKept[pair.second])),
                ])
            }),
        ])
    }

    private func sentence(_ document: Document, _ index: Int) -> String {
        document.string(document.sentences[index].range)
    }
}
