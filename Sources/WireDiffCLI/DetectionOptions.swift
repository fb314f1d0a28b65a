import WireDiff

/// The rewrite-detection options `dedup` and `find` share: shingles, signatures, banding and
/// the verification rule.
enum DetectionOptions {
    static let specs: [OptionSpec] = [
        .value("--threshold", "jaccard", help: "Sentence-level Jaccard at which two sentences are the same passage.", default: "0.3"),
        .value("--coverage", "share", help: "Share of the shorter article's sentences that must match.", default: "0.3"),
        .value("--min-matched", "n", help: "Matched sentences needed (fewer only for shorter articles).", default: "3"),
        .value("--shingles", "kind", help: "Shingle kind: content (stemmed content words), words, or chars.", default: "content"),
        .value("--shingle-size", "k", help: "Shingle length k.", default: "1 for content and words, 4 for chars"),
        .value("--permutations", "n", help: "MinHash permutations per sentence signature.", default: "16"),
        .value("--bands", "b", help: "LSH bands (with --rows); default: derived from --threshold."),
        .value("--rows", "r", help: "LSH rows per band (with --bands)."),
        .value("--shared-keys", "n", help: "Band keys two documents must share to be compared.", default: "5"),
        .value("--seed", "n", help: "Seed of every hash function.", default: "1"),
        .value("--threads", "n", help: "Worker threads (0 = all cores).", default: "0"),
    ]

    /// The options from parsed arguments, validated.
    static func parse(_ arguments: ParsedArguments) throws(UsageError) -> DedupOptions {
        var options = DedupOptions()
        options.sentenceThreshold = try arguments.number("--threshold", default: options.sentenceThreshold, in: 0.01...0.99)
        options.minimumCoverage = try arguments.number("--coverage", default: options.minimumCoverage, in: 0...1)
        options.minimumMatchedSentences = try arguments.integer("--min-matched", default: options.minimumMatchedSentences, in: 1...1000)
        let kind = try arguments.choice("--shingles", default: "content", in: ["content", "words", "chars"])
        let size = try arguments.integer("--shingle-size", default: kind == "chars" ? 4 : 1, in: 1...32)
        switch kind {
        case "words": options.shingleKind = .words(size)
        case "chars": options.shingleKind = .characters(size)
        default: options.shingleKind = .contentWords(size)
        }
        options.permutations = try arguments.integer("--permutations", default: options.permutations, in: 1...1024)
        let bands = arguments.value("--bands"), rows = arguments.value("--rows")
        if (bands == nil) != (rows == nil) {
            throw UsageError("--bands and --rows go together")
        }
        if bands != nil {
            let b = try arguments.integer("--bands", default: 1, in: 1...1024)
            let r = try arguments.integer("--rows", default: 1, in: 1...1024)
            guard b * r <= options.permutations else {
                throw UsageError("--bands × --rows (\(b * r)) exceeds --permutations (\(options.permutations))")
            }
            options.lshParameters = LSHParameters(bands: b, rows: r)
        }
        options.minimumSharedKeys = try arguments.integer("--shared-keys", default: options.minimumSharedKeys, in: 1...1000)
        let seed = arguments.value("--seed") ?? "1"
        guard let seedValue = UInt64(seed) else { throw UsageError("--seed takes a whole number ≥ 0, got '\(seed)'") }
        options.seed = seedValue
        options.threads = try arguments.integer("--threads", default: 0, in: 0...256)
        return options
    }
}
