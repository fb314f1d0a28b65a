/// What an archive was built with: the detection options, the text options, the band
/// grouping of its index, and a fingerprint of the detection pipeline itself.
///
/// Keys and verdicts stored in an archive are only meaningful to a pipeline that would compute
/// the same ones: the same options, and the same tokenizer, stemmer, hash functions and
/// same-story model. Options are compared field by field; the pipeline by its behaviour: the
/// fingerprint hashes the features, band keys and pair evidence of two fixed probe articles,
/// so a wirediff whose detection changed in any of those ways refuses the archive instead of
/// answering wrongly.
public struct ArchiveSettings: Sendable, Equatable {
    /// The detection options (``DedupOptions/threads`` is not a setting: it is 0 here).
    public var options: DedupOptions
    /// The text options (whether boilerplate is kept).
    public var textOptions: TextOptions
    /// Bands whose keys are indexed together, as ``Deduplicator`` groups them for the corpus
    /// the archive was created from: two bands' keys share a bucket only inside one group.
    var bandsPerGroup: Int
    /// ``fingerprint(options:textOptions:)`` when the archive was created.
    var fingerprint: UInt64
    /// The program that created the archive ("wirediff 0.1.0"), for messages.
    public var producer: String

    /// Settings for a new archive (the fingerprint of this pipeline), or read from one.
    init(options: DedupOptions, textOptions: TextOptions, bandsPerGroup: Int, producer: String, fingerprint: UInt64? = nil) {
        var options = options
        options.threads = 0
        self.options = options
        self.textOptions = textOptions
        self.bandsPerGroup = bandsPerGroup
        self.fingerprint = fingerprint ?? Self.fingerprint(options: options, textOptions: textOptions)
        self.producer = producer
    }

    /// Whether this wirediff detects as the pipeline that built the archive did.
    var matchesThisPipeline: Bool {
        fingerprint == Self.fingerprint(options: options, textOptions: textOptions)
    }

    /// The hash of what the pipeline makes of two probe articles (a story and a rewrite of
    /// it, written for this purpose): their features, their band keys and their evidence, and
    /// the revision of the same-story rules (``SameStoryModel/revision``), which two probes
    /// cannot all exercise.
    ///
    /// - Complexity: about 0.2 ms.
    static func fingerprint(options: DedupOptions, textOptions: TextOptions) -> UInt64 {
        let records = probes.enumerated().map { CorpusRecord(id: "probe\($0.offset)", bytes: Array($0.element.utf8), source: "probe") }
        let store = FeatureStore(records, kind: options.shingleKind, minimumShingles: options.minimumSentenceShingles, textOptions: textOptions, threads: 1)
        var writer = ByteWriter()
        var sketcher = PassageSketcher(options: options)
        for k in 0..<store.count {
            store[k].encode(into: &writer)
            var keys: [UInt64] = []
            sketcher.appendBandKeys(of: store[k], into: &keys)
            for key in keys { writer.put(key) }
        }
        let evidence = PairVerifier(options: options).evidence(store[0], store[1])
        writer.put(evidence.score)
        writer.put(evidence.jaccard)
        writer.put(UInt64(evidence.matchedSentencesOfFirst))
        writer.put(UInt8(evidence.isRewrite ? 1 : 0))
        writer.put(evidence.storyStrength ?? .nan)
        writer.put(UInt64(SameStoryModel.revision))
        return writer.bytes.withUnsafeBytes { StableHash.hash($0, seed: 13) }
    }

    /// Two short articles of our own: a wire story and a rewrite of it.
    static let probes = [
        """
        Harbor Council Approves New Ferry Route

        The Harbor Council on Tuesday approved a ferry route linking Port Ellis to the island of Marrow, \
        ending a two-year dispute over the cost of the new pier. The vote was 7 to 2.
        Council chair Dana Whitlow said the service would carry 1,200 passengers a day from March.
        The pier will cost $14.5 million, paid mostly by a regional transport grant.
        Residents of Marrow have waited since 2019 for a crossing shorter than the 90-minute trip via Kell.
        Opponents argued that the grant should repair the northern breakwater first.
        """,
        """
        Ferry to Marrow wins council backing

        Port Ellis will get a ferry to Marrow island after the Harbor Council voted 7-2 on Tuesday to approve the route.
        The decision ends two years of argument over the price of a new pier, which is put at $14.5 million.
        Most of the money comes from a regional transport grant, officials said.
        According to council chair Dana Whitlow, the boats will take 1,200 passengers daily starting in March.
        Islanders have been asking for a crossing shorter than the 90-minute journey through Kell since 2019.
        """,
    ]
}

extension ArchiveSettings {
    /// Appends the settings to a manifest.
    func encode(into writer: inout ByteWriter) {
        let o = options
        writer.put(o.shingleKind.settingsValue)
        writer.putVarint(UInt64(o.permutations))
        writer.put(o.seed)
        writer.putVarint(UInt64(o.lshParameters?.bands ?? 0))
        writer.putVarint(UInt64(o.lshParameters?.rows ?? 0))
        writer.put(o.sentenceThreshold)
        writer.putVarint(UInt64(o.minimumSharedShingles))
        writer.putVarint(UInt64(o.minimumSharedNonNames))
        writer.putVarint(UInt64(o.minimumSentenceShingles))
        writer.put(o.minimumScore)
        writer.put(UInt8(o.strict ? 1 : 0))
        writer.put(o.commonShare)
        writer.putVarint(UInt64(o.minimumSharedKeys))
        writer.putVarint(UInt64(o.maximumBucket))
        writer.put(UInt8(textOptions.keepBoilerplate ? 1 : 0))
        writer.putVarint(UInt64(bandsPerGroup))
        writer.put(fingerprint)
        writer.put(producer)
    }

    /// Reads settings written by ``encode(into:)``.
    static func decode(_ reader: inout ByteReader) throws(ByteReader.Overrun) -> ArchiveSettings {
        var o = DedupOptions()
        let start = reader.offset
        let kind = try reader.read(UInt64.self)
        let k = Int(kind & 0xFFFF_FFFF)
        guard k >= 1, k <= 1024 else { throw ByteReader.Overrun(offset: start) }
        switch kind >> 32 {
        case 1: o.shingleKind = .words(k)
        case 2: o.shingleKind = .characters(k)
        case 3: o.shingleKind = .contentWords(k)
        default: throw ByteReader.Overrun(offset: start)
        }
        o.permutations = try reader.readCount(atMost: 1024)
        o.seed = try reader.read(UInt64.self)
        let bands = try reader.readCount(atMost: 1024), rows = try reader.readCount(atMost: 1024)
        o.lshParameters = bands > 0 && rows > 0 ? LSHParameters(bands: bands, rows: rows) : nil
        o.sentenceThreshold = try reader.readDouble()
        o.minimumSharedShingles = try reader.readCount(atMost: 1 << 20)
        o.minimumSharedNonNames = try reader.readCount(atMost: 1 << 20)
        o.minimumSentenceShingles = try reader.readCount(atMost: 1 << 20)
        o.minimumScore = try reader.readDouble()
        o.strict = try reader.read(UInt8.self) != 0
        o.commonShare = try reader.readDouble()
        o.minimumSharedKeys = try reader.readCount(atMost: 1 << 20)
        o.maximumBucket = try reader.readCount(atMost: 1 << 30)
        let keep = try reader.read(UInt8.self)
        let grouping = try reader.readCount(atMost: 1024)
        let fingerprint = try reader.read(UInt64.self)
        let producer = try reader.readString(atMost: 256)
        guard o.permutations >= 1, grouping >= 1, o.lshParameters.map({ $0.bands * $0.rows <= o.permutations }) ?? true else {
            throw ByteReader.Overrun(offset: start)
        }
        return ArchiveSettings(
            options: o, textOptions: TextOptions(keepBoilerplate: keep != 0), bandsPerGroup: grouping, producer: producer,
            fingerprint: fingerprint)
    }
}
