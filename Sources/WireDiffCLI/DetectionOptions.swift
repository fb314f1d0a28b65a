import WireDiff

/// The rewrite-detection options `dedup`, `find` and `explain` share: shingles, signatures,
/// banding and the same-story decision.
enum DetectionOptions {
    static let specs: [OptionSpec] = [
        .value("--min-score", "p", help: "Same-story probability at which two articles are one story (see Documentation/SameStory.md).", default: String(SameStoryModel.threshold)),
        .flag("--strict", help: "Decide by the model alone: fewer same-event reports merged, heavy paraphrases missed."),
        .value("--threshold", "jaccard", help: "Sentence-level Jaccard the LSH banding is tuned to find.", default: "0.3"),
        .value("--shingles", "kind", help: "Shingle kind: content (stemmed content words), words, or chars.", default: "content"),
        .value("--shingle-size", "k", help: "Shingle length k.", default: "1 for content and words, 4 for chars"),
        .value("--permutations", "n", help: "MinHash permutations per sentence signature.", default: "16"),
        .value("--bands", "b", help: "LSH bands (with --rows); default: derived from --threshold."),
        .value("--rows", "r", help: "LSH rows per band (with --bands)."),
        .value("--shared-keys", "n", help: "Band keys two documents must share to be compared.", default: "5"),
        .value("--seed", "n", help: "Seed of every hash function.", default: "1"),
        .value("--threads", "n", help: "Worker threads (0 = all cores).", default: "0"),
    ]

    /// The options from parsed arguments, validated; options not given keep their value in
    /// `base`.
    static func parse(_ arguments: ParsedArguments, base: DedupOptions = DedupOptions()) throws(UsageError) -> DedupOptions {
        var options = base
        options.minimumScore = try arguments.number("--min-score", default: options.minimumScore, in: 0...1)
        options.strict = base.strict || arguments.flag("--strict")
        options.sentenceThreshold = try arguments.number("--threshold", default: options.sentenceThreshold, in: 0.01...0.99)
        if arguments.value("--shingles") != nil || arguments.value("--shingle-size") != nil {
            let current = switch base.shingleKind {
            case .words: "words"
            case .characters: "chars"
            case .contentWords: "content"
            }
            let kind = try arguments.choice("--shingles", default: current, in: ["content", "words", "chars"])
            let size = try arguments.integer("--shingle-size", default: kind == "chars" ? 4 : 1, in: 1...32)
            switch kind {
            case "words": options.shingleKind = .words(size)
            case "chars": options.shingleKind = .characters(size)
            default: options.shingleKind = .contentWords(size)
            }
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
        let seed = arguments.value("--seed") ?? String(base.seed)
        guard let seedValue = UInt64(seed) else { throw UsageError("--seed takes a whole number ≥ 0, got '\(seed)'") }
        options.seed = seedValue
        options.threads = try arguments.integer("--threads", default: 0, in: 0...256)
        return options
    }

    /// The archive's options, with the thread count given; any detection option given
    /// explicitly must equal the archive's (its keys and verdicts were made with them), else
    /// ``ArchiveError/incompatibleSetting(path:setting:archive:given:)`` (exit 64). With
    /// `sharedKeysPerQuery` (`find`), `--shared-keys` may differ: it only says which articles
    /// the query verifies.
    static func archiveOptions(_ arguments: ParsedArguments, archive: StoryArchive, sharedKeysPerQuery: Bool = false) throws -> DedupOptions {
        let settings = archive.settings
        let given = try parse(arguments, base: settings.options)
        let shown: [(names: [String], value: (DedupOptions) -> String)] = [
            (["--min-score"], { "\($0.minimumScore)" }),
            (["--threshold"], { "\($0.sentenceThreshold)" }),
            (["--shingles", "--shingle-size"], { "\($0.shingleKind)" }),
            (["--permutations"], { "\($0.permutations)" }),
            (["--bands", "--rows"], { "\($0.effectiveLSH)" }),
            (["--shared-keys"], { "\($0.minimumSharedKeys)" }),
            (["--seed"], { "\($0.seed)" }),
        ]
        for (names, value) in shown where !(sharedKeysPerQuery && names == ["--shared-keys"]) {
            guard let name = names.first(where: { arguments.value($0) != nil }) else { continue }
            if value(given) != value(settings.options) {
                throw ArchiveError.incompatibleSetting(path: archive.path, setting: name, archive: value(settings.options), given: value(given))
            }
        }
        if arguments.flag("--strict") && !settings.options.strict {
            throw ArchiveError.incompatibleSetting(path: archive.path, setting: "--strict", archive: "off", given: "on")
        }
        if arguments.flag("--keep-boilerplate") && !settings.textOptions.keepBoilerplate {
            throw ArchiveError.incompatibleSetting(path: archive.path, setting: "--keep-boilerplate", archive: "off", given: "on")
        }
        var options = settings.options
        options.threads = given.threads
        if sharedKeysPerQuery { options.minimumSharedKeys = given.minimumSharedKeys }
        return options
    }
}
