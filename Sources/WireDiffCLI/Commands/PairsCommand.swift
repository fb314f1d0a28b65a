import Foundation
import WireDiff

/// `wirediff pairs FILE`: scores sentence pairs with the aligner's similarity, so a user can
/// check and calibrate the link threshold on their own labelled sample.
enum PairsCommand: Command {
    static let name = "pairs"
    static let summary = "Score sentence pairs (TSV or JSONL) with the aligner; calibrate the link threshold on labels."
    static let usage = "[options] <file|->"
    static let discussion = """
        Reads pairs of texts: TSV lines a<TAB>b[<TAB>label] without a header, or JSONL objects
        {"a": …, "b": …, "label": 0|1|true|false} (label optional). The format follows the
        extension (.jsonl, .ndjson → jsonl; anything else → tsv) or --input-format; - reads
        standard input. Prints one line per pair to stdout: score<TAB>decision. The score (4
        decimals) is mostly (0.9) the share of the two texts' content words that align (same
        word or stem, number value, acronym, WordNet synonym or broader term), weighted by IDF
        over all the input's texts, and 0.1 the share of words written alike (function words
        included). The decision is 1 for a paraphrase by the paraphrase model (a logistic
        regression over the score breakdown, fitted on MRPC; Documentation/Alignment.md), or,
        with --threshold, when the score reaches it. --format json prints the breakdown and the
        model's probability. When pairs carry labels, prints precision, recall, F1 and accuracy
        of the decisions and at the best score threshold (highest F1, ties broken by accuracy)
        to stderr. A malformed line, or one over 64 KiB (the score compares every word of one
        text with every word of the other), stops the run with exit 65, naming the file and
        line; with --skip-bad it is reported and skipped.
        """

    /// Share of the score given to the words written alike (``SimilarityBreakdown/wordOverlap``,
    /// function words and word forms included) beside the aligned share of the content words:
    /// the alignment ignores tense, modality and prepositions, which graders of similarity do
    /// not. STS 2012–2014 news Pearson r 0.7395 → 0.7429, no subset lower (MSRpar 0.660/0.681 →
    /// 0.666/0.686, SMTnews 0.463 → 0.477, deft-news 0.760 → 0.764, headlines 0.796/0.785 →
    /// 0.796/0.786); 0.05 / 0.15 / 0.2 give 0.7415 / 0.7438 / 0.7441, the headlines falling from
    /// 0.15. The decision does not use the score.
    static let surfaceWeight = 0.1

    /// The longest line read: 64 KiB, two texts of about 5,000 words each, whose word
    /// alignment compares some 25 million word pairs (a fraction of a second). The corpus
    /// reader's 64 MiB would let one line cost minutes and gigabytes.
    static let maximumLineBytes = 64 << 10
    static let inputFormat = Option("--input-format", "format", .choice(["tsv", "jsonl"]), help: "tsv or jsonl (default: by extension; tsv for -).")
    static let threshold = Option(
        "--threshold", "score", .number(in: 0...1),
        help: "Decide by score ≥ this, in [0, 1], instead of the paraphrase model (e.g. the diff link threshold \(AlignmentOptions().linkThreshold)).")
    static let skipBad = Flag("--skip-bad", help: "Report each malformed line on stderr and go on.")
    static let format = Option(
        "--format", short: "-f", "format", .choice(["tsv", "json"]), default: "tsv",
        help: "tsv (score<TAB>decision) or json (one object per pair with the score breakdown, Documentation/JSON.md).")
    static var options: [OptionSpec] { [inputFormat.spec, threshold.spec, skipBad.spec, format.spec] }

    /// The version of `--format json`'s layout (Documentation/JSON.md); bumped on any
    /// incompatible change.
    static let schemaVersion = 1

    /// One pair read from the input.
    struct Pair {
        var a: String
        var b: String
        var label: Bool?
    }

    static func run(_ arguments: ParsedArguments, context: ToolContext) throws -> Int32 {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            throw UsageError("pairs takes exactly one file, got \(arguments.positionals.count)", hint: "a .tsv or .jsonl file, or -")
        }
        let lower = path.lowercased()
        let byExtension = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? "jsonl" : "tsv"
        let format = try arguments.value(Self.inputFormat) ?? byExtension
        var options = AlignmentOptions()
        // One sentence against one: the word alignment alone (the character n-gram cosine
        // helps the aligner over whole articles, not here: STS news Pearson 0.720 → 0.741).
        options.wordWeight = 1
        let threshold = try arguments.value(Self.threshold)
        if let threshold { options.linkThreshold = threshold }
        let skipBad = arguments.flag(Self.skipBad)
        let json = try arguments.value(Self.format) == "json"
        let pairs = try read(path, format: format, skipBad: skipBad, context: context)
        let (scored, decisions) = score(pairs, differ: Differ(options), threshold: threshold, json: json, to: context.stdout)
        report(scored, decisions: decisions, threshold: threshold, context: context)
        return ExitCode.success
    }

    /// The pairs of `path` (`-`: standard input) in `format` (tsv or jsonl), read line by line
    /// (the first 8 KiB checked for binary data, each line at most ``maximumLineBytes``),
    /// never the whole input at once; with `skipBad`, a bad line is reported and skipped.
    static func read(_ path: String, format: String, skipBad: Bool, context: ToolContext) throws -> [Pair] {
        let stream = path == "-" ? context.standardInput : try ByteStream.open(path)
        let name = stream.path
        var pairs: [Pair] = []
        var skipped = 0
        var sawLine = false
        func fail(_ error: InputError) throws(InputError) {
            guard skipBad else { throw error }
            skipped += 1
            context.stderr.line("wirediff pairs: skipped: \(error)")
        }
        try LineReader.forEachLine(of: stream, lineLimit: Self.maximumLineBytes, report: fail) { (number, line) throws(InputError) in
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            sawLine = true
            do throws(InputError) {
                guard let text = String(validating: line, as: UTF8.self) else {
                    throw .badRecord(path: name, line: number, reason: "invalid UTF-8")
                }
                pairs.append(try format == "jsonl" ? jsonPair(text, name, number) : tsvPair(text, name, number))
            } catch {
                try fail(error)
            }
        }
        if !sawLine { throw InputError.emptyFile(path: name) }
        if skipped > 0 {
            context.stderr.line("wirediff pairs: skipped \(skipped) bad line\(skipped == 1 ? "" : "s"), read \(pairs.count)")
        }
        return pairs
    }

    /// Scores every pair and writes its line (`score<TAB>decision`, or with `json` the object
    /// with the breakdown); returns each pair's score and label, and the decision and label of
    /// the labelled pairs. The decision is `score ≥ threshold` when a threshold is given, else
    /// the paraphrase model's.
    static func score(
        _ pairs: [Pair], differ: Differ, threshold: Double?, json: Bool, to out: TextOutput
    ) -> (scored: [(score: Double, label: Bool?)], decisions: [(Bool, Bool)]) {
        var scored: [(score: Double, label: Bool?)] = []
        scored.reserveCapacity(pairs.count)
        let breakdowns = differ.similarities(pairs.map { ($0.a, $0.b) })
        var decisions: [(Bool, Bool)] = []  // (decision, label) of labelled pairs
        for (pair, breakdown) in zip(pairs, breakdowns) {
            let score = (1 - Self.surfaceWeight) * breakdown.score + Self.surfaceWeight * breakdown.wordOverlap
            let probability = ParaphraseModel.probability(breakdown)
            let decision = threshold.map { score >= $0 } ?? (probability >= 0.5)
            scored.append((score, pair.label))
            if let label = pair.label { decisions.append((decision, label)) }
            if json {
                let line: JSONObject = [
                    "schema_version": .int(Self.schemaVersion), "score": .rounded(score), "probability": .rounded(probability),
                    "decision": .int(decision ? 1 : 0), "breakdown": DiffReport.json(breakdown),
                ]
                out.line(JSONValue.object(line).serialized)
            } else {
                out.line(String(format: "%.4f\t%d", score, decision ? 1 : 0))
            }
        }
        return (scored, decisions)
    }

    /// The summary on stderr: counts, and with labels, the metrics of the decisions and at
    /// the best threshold.
    static func report(_ scored: [(score: Double, label: Bool?)], decisions: [(Bool, Bool)], threshold: Double?, context: ToolContext) {
        let labelled = scored.compactMap { item in item.label.map { (item.score, $0) } }
        guard !labelled.isEmpty else {
            context.stderr.line("wirediff pairs: \(scored.count) pairs, no labels")
            return
        }
        let positives = labelled.filter(\.1).count
        context.stderr.line("wirediff pairs: \(scored.count) pairs, \(labelled.count) labelled (\(positives) positive, \(labelled.count - positives) negative)")
        if let threshold {
            context.stderr.line("at threshold \(String(format: "%.4f", threshold)): \(Metrics(labelled, threshold: threshold))")
        } else {
            context.stderr.line("paraphrase model: \(Metrics(decisions.map { ($0.0 ? 1.0 : 0.0, $0.1) }, threshold: 1))")
        }
        let best = Metrics.best(labelled)
        context.stderr.line("best threshold \(String(format: "%.4f", best.threshold)): \(best) (highest F1)")
    }

    static func tsvPair(_ line: String, _ path: String, _ number: Int) throws(InputError) -> Pair {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 2 || fields.count == 3 else {
            throw .badRecord(path: path, line: number, reason: "expected 2 or 3 tab-separated fields (a, b, optional label), found \(fields.count)")
        }
        guard !fields[0].trimmingCharacters(in: .whitespaces).isEmpty, !fields[1].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .badRecord(path: path, line: number, reason: "empty text field")
        }
        var label: Bool?
        if fields.count == 3 {
            switch fields[2].trimmingCharacters(in: .whitespaces).lowercased() {
            case "1", "true": label = true
            case "0", "false": label = false
            case "": label = nil
            default: throw .badRecord(path: path, line: number, reason: "label must be 0, 1, true or false, got '\(fields[2])'")
            }
        }
        return Pair(a: fields[0], b: fields[1], label: label)
    }

    static func jsonPair(_ line: String, _ path: String, _ number: Int) throws(InputError) -> Pair {
        let value: JSONValue
        do { value = try JSONParser().parse(line) } catch {
            throw .badRecord(path: path, line: number, reason: "malformed JSON: \(error)")
        }
        guard case .object = value else {
            throw .badRecord(path: path, line: number, reason: "expected a JSON object, found \(value.typeName)")
        }
        func text(_ key: String) throws(InputError) -> String {
            guard let field = value[key] else { throw .badRecord(path: path, line: number, reason: "missing field '\(key)'") }
            guard case .string(let s) = field else {
                throw .badRecord(path: path, line: number, reason: "field '\(key)' must be a string, found \(field.typeName)")
            }
            guard !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .badRecord(path: path, line: number, reason: "field '\(key)' is empty")
            }
            return s
        }
        let a = try text("a"), b = try text("b")
        var label: Bool?
        switch value["label"] {
        case nil, .null?: label = nil
        case .bool(let flag)?: label = flag
        case .number(let n)? where n == "1" || n == "0": label = n == "1"
        case let other?: throw .badRecord(path: path, line: number, reason: "label must be 0, 1, true or false, got \(other.serialized)")
        }
        return Pair(a: a, b: b, label: label)
    }

    /// Precision, recall, F1 and accuracy of "score ≥ threshold" against labels.
    struct Metrics: CustomStringConvertible {
        var threshold: Double
        var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0

        init(_ items: [(Double, Bool)], threshold: Double) {
            self.threshold = threshold
            for (score, label) in items {
                switch (score >= threshold, label) {
                case (true, true): truePositives += 1
                case (true, false): falsePositives += 1
                case (false, true): falseNegatives += 1
                case (false, false): trueNegatives += 1
                }
            }
        }

        var precision: Double { truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var accuracy: Double {
            let total = truePositives + falsePositives + falseNegatives + trueNegatives
            return total == 0 ? 0 : Double(truePositives + trueNegatives) / Double(total)
        }

        var description: String {
            String(format: "precision %.4f recall %.4f F1 %.4f accuracy %.4f (tp %d fp %d fn %d tn %d)",
                   precision, recall, f1, accuracy, truePositives, falsePositives, falseNegatives, trueNegatives)
        }

        /// The threshold with the highest F1 (ties: higher accuracy, then the higher threshold).
        ///
        /// The candidates are the scores themselves, each taken as "score ≥ t"; the winner is
        /// reported as the midpoint between its score and the next lower score (same decisions
        /// on this sample, less tied to one pair's score).
        ///
        /// - Complexity: O(n²) for n pairs (calibration samples are small).
        static func best(_ items: [(Double, Bool)]) -> Metrics {
            let candidates = Set(items.map(\.0)).sorted(by: >)
            var best = Metrics(items, threshold: candidates.first.map { min(1, $0 + 0.0001) } ?? 1)
            var bestIndex = -1
            for (index, t) in candidates.enumerated() {
                let m = Metrics(items, threshold: t)
                if m.f1 > best.f1 || (m.f1 == best.f1 && m.accuracy > best.accuracy) {
                    best = m
                    bestIndex = index
                }
            }
            if bestIndex >= 0, bestIndex + 1 < candidates.count {
                best.threshold = (candidates[bestIndex] + candidates[bestIndex + 1]) / 2
            }
            return best
        }
    }
}
