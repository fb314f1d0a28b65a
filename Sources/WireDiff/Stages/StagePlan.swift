/// What every partition of a distributed run must share to find the candidate pairs `dedup`
/// finds: the corpus's size, the common shingles sampled from the same articles `dedup`
/// samples (``CommonShingles/sample(count:sampleSize:)`` of the articles in input order), the
/// band grouping `dedup` would use for this corpus, and the detection options. `wirediff plan`
/// writes it once; `sketch`, `verify` and `cluster` read it (`Documentation/Distributed.md`).
package struct StagePlan: Equatable {
    /// Articles in the corpus (after bad records and repeated ids were dropped).
    package var articles: Int
    /// Kept sentences of all articles (``StoryFeatures/sentenceCount`` summed).
    package var sentences: Int
    /// The common shingles' 16-bit hashes, ascending, and the articles they were sampled from.
    package var common: [UInt16]
    package var sampled: Int
    /// LSH bands, and how many are indexed together (a bucket is a key within one group).
    package var bands: Int
    package var bandsPerGroup: Int
    /// The candidate rules the engine applies: a bucket of more articles is a star around its
    /// first; a pair needs this many shared buckets.
    package var maximumBucket: Int
    package var minimumSharedKeys: Int
    /// The detection options as `wirediff` arguments (`--shared-keys 5` …), so that every
    /// stage parses the same options.
    package var arguments: [String]

    /// The record format's version.
    package static let schemaVersion = 1

    /// The plan for `articles` articles with `sentences` kept sentences, common shingles
    /// estimated from `sample` (the features of the sampled articles, by index), and `options`.
    package init(articles: Int, sentences: Int, sample: [Int: StoryFeatures], options: DedupOptions, arguments: [String]) {
        self.articles = articles
        self.sentences = sentences
        let common = CommonShingles.estimate(count: articles, features: { sample[$0]! }, minimumShare: options.commonShare)
        self.common = (0..<(1 << 16)).filter { common.contains(hash: UInt16($0)) }.map { UInt16($0) }
        self.sampled = common.sampled
        let lsh = options.effectiveLSH
        self.bands = lsh.bands
        self.bandsPerGroup = Deduplicator.bandsPerGroup(articles: articles, sentences: sentences, bands: lsh.bands)
        self.maximumBucket = options.maximumBucket
        self.minimumSharedKeys = options.minimumSharedKeys
        self.arguments = arguments
    }

    /// The common shingles as the sketches use them.
    package var commonShingles: CommonShingles { CommonShingles(hashes: common, sampled: sampled) }

    /// The plan as one JSON object.
    package var json: JSONValue {
        .object([
            "schema_version": .int(Self.schemaVersion),
            "articles": .int(articles),
            "sentences": .int(sentences),
            "sampled": .int(sampled),
            "bands": .int(bands),
            "bands_per_group": .int(bandsPerGroup),
            "maximum_bucket": .int(maximumBucket),
            "minimum_shared_keys": .int(minimumSharedKeys),
            "common": .array(common.map { .int(Int($0)) }),
            "options": .array(arguments.map(JSONValue.string)),
        ])
    }

    /// Reads a plan written by ``json`` (`path` names it in messages).
    package init(json bytes: [UInt8], path: String) throws(InputError) {
        func bad(_ reason: String) -> InputError { .badRecord(path: path, line: 1, reason: reason) }
        let value: JSONValue
        do throws(JSONParseError) { value = try JSONParser().parse(bytes) } catch { throw bad("not a plan: malformed JSON: \(error.reason)") }
        guard case .object(let fields) = value else { throw bad("not a plan: a plan is one JSON object") }
        let record = StageRecord(path: path, line: 1, fields: fields)
        guard try record.integer("schema_version") == Self.schemaVersion else {
            throw bad("plan schema_version \(fields["schema_version"].map { $0.serialized } ?? "?") is not \(Self.schemaVersion): write it again with this wirediff")
        }
        articles = try record.integer("articles")
        sentences = try record.integer("sentences")
        sampled = try record.integer("sampled")
        bands = try record.integer("bands")
        bandsPerGroup = try record.integer("bands_per_group")
        maximumBucket = try record.integer("maximum_bucket")
        minimumSharedKeys = try record.integer("minimum_shared_keys")
        guard bandsPerGroup > 0 else { throw bad("bands_per_group must be at least 1") }
        guard case .array(let hashes) = fields["common"] ?? .null,
            case let values = hashes.compactMap({ $0.isInteger ? Int($0.serialized) : nil }),
            values.count == hashes.count, values.allSatisfy({ (0..<(1 << 16)).contains($0) })
        else { throw bad("field \"common\" must be a list of 16-bit hashes") }
        common = values.map { UInt16($0) }
        guard case .array(let options) = fields["options"] ?? .null else { throw bad("field \"options\" must be a list of arguments") }
        arguments = try options.map { (value) throws(InputError) -> String in
            guard case .string(let s) = value else { throw bad("field \"options\" must be a list of strings") }
            return s
        }
    }
}
