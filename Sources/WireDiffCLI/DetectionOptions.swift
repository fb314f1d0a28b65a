import WireDiff

/// The rewrite-detection options `dedup`, `find` and `explain` share: shingles, signatures,
/// banding and the same-story decision. Their defaults are ``DedupOptions``'.
package enum DetectionOptions {
    /// The library's defaults, which the options' defaults are.
    static let defaults = DedupOptions()

    static let minScore = Option(
        "--min-score", "p", .number(in: 0...1), default: defaults.minimumScore,
        help: "Same-story probability at which two articles are one story (see Documentation/SameStory.md).")
    static let strict = Flag("--strict", help: "Decide by the model alone: fewer same-event reports merged, heavy paraphrases missed.")
    static let threshold = Option(
        "--threshold", "jaccard", .number(in: 0.01...0.99), default: defaults.sentenceThreshold,
        help: "Sentence-level Jaccard the LSH banding is tuned to find.")
    static let shingles = Option(
        "--shingles", "kind", .choice(["content", "words", "chars"]), default: shingleName(defaults.shingleKind).name,
        help: "Shingle kind: content (stemmed content words), words, or chars.")
    static let shingleSize = Option(
        "--shingle-size", "k", .integer(in: 1...32),
        shownDefault: "\(shingleSize(for: "content")) for content and words, \(shingleSize(for: "chars")) for chars",
        help: "Shingle length k.")
    static let permutations = Option(
        "--permutations", "n", .integer(in: 1...1024), default: defaults.permutations, help: "MinHash permutations per sentence signature.")
    static let bands = Option("--bands", "b", .integer(in: 1...1024), help: "LSH bands (with --rows); default: derived from --threshold.")
    static let rows = Option("--rows", "r", .integer(in: 1...1024), help: "LSH rows per band (with --bands).")
    static let sharedKeys = Option(
        "--shared-keys", "n", .integer(in: 1...1000), default: defaults.minimumSharedKeys, help: "Band keys two documents must share to be compared.")
    static let seed = Option("--seed", "n", .unsigned, default: defaults.seed, help: "Seed of every hash function.")
    package static let threads = Option("--threads", "n", .integer(in: 0...256), default: defaults.threads, help: "Worker threads (0 = all cores).")

    /// The options in help order.
    package static let specs: [OptionSpec] = [
        minScore.spec, strict.spec, threshold.spec, shingles.spec, shingleSize.spec, permutations.spec, bands.spec, rows.spec,
        sharedKeys.spec, seed.spec, threads.spec,
    ]

    /// The shingle length `--shingle-size` defaults to for a `--shingles` kind.
    static func shingleSize(for kind: String) -> Int { kind == "chars" ? 4 : 1 }

    /// A shingle kind as `--shingles` and `--shingle-size` name it.
    static func shingleName(_ kind: ShingleKind) -> (name: String, size: Int) {
        switch kind {
        case .contentWords(let k): ("content", k)
        case .words(let k): ("words", k)
        case .characters(let k): ("chars", k)
        }
    }

    /// The options from parsed arguments, validated; options not given keep their value in
    /// `base` (`--threads` excepted: it is not a setting of the results).
    package static func parse(_ arguments: ParsedArguments, base: DedupOptions = DedupOptions()) throws(UsageError) -> DedupOptions {
        var options = base
        options.minimumScore = try arguments.value(minScore, else: base.minimumScore)
        options.strict = base.strict || arguments.flag(strict)
        options.sentenceThreshold = try arguments.value(threshold, else: base.sentenceThreshold)
        if arguments.isGiven(shingles.spec) || arguments.isGiven(shingleSize.spec) {
            let kind = try arguments.value(shingles, else: shingleName(base.shingleKind).name)
            let size = try arguments.value(shingleSize) ?? shingleSize(for: kind)
            switch kind {
            case "words": options.shingleKind = .words(size)
            case "chars": options.shingleKind = .characters(size)
            default: options.shingleKind = .contentWords(size)
            }
        }
        options.permutations = try arguments.value(permutations, else: base.permutations)
        if arguments.isGiven(bands.spec) != arguments.isGiven(rows.spec) {
            throw UsageError("--bands and --rows go together")
        }
        if let b = try arguments.value(bands), let r = try arguments.value(rows) {
            guard b * r <= options.permutations else {
                throw UsageError("--bands × --rows (\(b * r)) exceeds --permutations (\(options.permutations))")
            }
            options.lshParameters = LSHParameters(bands: b, rows: r)
        }
        options.minimumSharedKeys = try arguments.value(sharedKeys, else: base.minimumSharedKeys)
        options.seed = try arguments.value(seed, else: base.seed)
        options.threads = try arguments.value(threads)
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
        let shown: [(specs: [OptionSpec], value: (DedupOptions) -> String)] = [
            ([minScore.spec], { "\($0.minimumScore)" }),
            ([threshold.spec], { "\($0.sentenceThreshold)" }),
            ([shingles.spec, shingleSize.spec], { "\($0.shingleKind)" }),
            ([permutations.spec], { "\($0.permutations)" }),
            ([bands.spec, rows.spec], { "\($0.effectiveLSH)" }),
            ([sharedKeys.spec], { "\($0.minimumSharedKeys)" }),
            ([seed.spec], { "\($0.seed)" }),
        ]
        for (specs, value) in shown where !(sharedKeysPerQuery && specs == [sharedKeys.spec]) {
            guard let spec = specs.first(where: arguments.isGiven) else { continue }
            if value(given) != value(settings.options) {
                throw ArchiveError.incompatibleSetting(path: archive.path, setting: spec.name, archive: value(settings.options), given: value(given))
            }
        }
        let switches: [(Flag, Bool)] = [(strict, settings.options.strict), (InputOptions.keepBoilerplate, settings.textOptions.keepBoilerplate)]
        for (flag, setting) in switches where arguments.flag(flag) && !setting {
            throw ArchiveError.incompatibleSetting(path: archive.path, setting: flag.name, archive: "off", given: "on")
        }
        var options = settings.options
        options.threads = given.threads
        if sharedKeysPerQuery { options.minimumSharedKeys = given.minimumSharedKeys }
        return options
    }
}
