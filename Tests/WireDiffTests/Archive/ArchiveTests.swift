import Foundation
import Testing
@testable import WireDiff

/// The archive answers as the corpus pipeline does over the same articles (with the
/// archive's common shingles and band grouping), however it was built: one create, several
/// additions, removals.
@Suite struct ArchiveTests {
    static let samples = Repository.samples.path

    /// A fresh directory for one test.
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `records` as a JSONL corpus.
    func write(_ records: some Collection<CorpusRecord>, to url: URL) throws -> String {
        let lines = records.map { record -> String in
            var members: [(key: String, value: JSONValue)] = [("id", .string(record.id)), ("text", .string(record.text))]
            if let date = record.date { members.append(("date", .string(date))) }
            return JSONValue.object(JSONObject(members)).serialized
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Creates an archive of the samples at `dir/name`; its path.
    func samplesArchive(in dir: URL, name: String = "samples.wda", producer: String = "test") throws -> String {
        let path = dir.appendingPathComponent(name).path
        _ = try StoryArchive.create(
            at: path, reading: [Self.samples], with: CorpusReader(), options: DedupOptions(), textOptions: TextOptions(), producer: producer)
        return path
    }

    /// Stores in `bytes` (a whole archive file) the checksum of block `block` of `section`, as
    /// a writer would have: an edit inside it then passes every check but the one it aims at.
    func reseal(_ bytes: inout [UInt8], block: Int, of section: SectionRef) {
        let start = section.offset + block * ArchiveFormat.blockSize
        let sum = bytes[start..<min(section.offset + section.length, start + ArchiveFormat.blockSize)].withUnsafeBytes { ArchiveFormat.checksum($0) }
        let at = section.checksumOffset + 8 * block
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(at..<at + 8, with: $0) }
    }

    /// The corpus pipeline with the archive's common shingles and grouping.
    func reference(_ archive: StoryArchive) -> Deduplicator {
        var deduplicator = Deduplicator(options: archive.settings.options, textOptions: archive.settings.textOptions)
        deduplicator.fixedCommon = archive.common
        deduplicator.fixedBandsPerGroup = archive.settings.bandsPerGroup
        return deduplicator
    }

    /// Checks that the archive's pairs, stories and representatives are the corpus pipeline's
    /// over `records` (in archive order).
    func expectSameAsCorpusPipeline(_ archive: StoryArchive, _ records: [CorpusRecord]) throws {
        #expect(archive.count == records.count)
        let deduplicator = reference(archive)
        let store = FeatureStore(records, kind: archive.settings.options.shingleKind, minimumShingles: 3, textOptions: archive.settings.textOptions)
        var phases = Deduplicator.Phases(onPhase: nil)
        let expected = deduplicator.candidatePairs(store, &phases)
        let actual = try archive.candidatePairs()
        #expect(actual.pairs == expected.pairs)
        #expect(actual.shared == expected.sharedKeys)
        let result = try deduplicator.run(records)
        let (stories, representatives) = try archive.stories()
        #expect(representatives.map(Int.init) == result.assignments.map(\.representative))
        // The same partition: story ids and cluster numbers correspond one to one.
        var idOfCluster: [Int: UInt32] = [:]
        for (i, a) in result.assignments.enumerated() {
            if let id = idOfCluster[a.cluster] { #expect(id == stories[i]) } else { idOfCluster[a.cluster] = stories[i] }
        }
        #expect(Set(idOfCluster.values).count == idOfCluster.count)
        for i in records.indices { #expect(try archive.id(i) == records[i].id) }
    }

    @Test func aCreatedArchiveHoldsWhatDedupFinds() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("samples.wda").path
        let commit = try StoryArchive.create(
            at: path, reading: [Self.samples], with: CorpusReader(), options: DedupOptions(), textOptions: TextOptions(), producer: "test",
            records: true)
        let (records, result) = try Deduplicator().run(reading: [Self.samples])
        #expect(commit.articles == records.count)
        // Records as `dedup` prints them: same story numbers, representatives and evidence.
        #expect(commit.records.map(\.story) == result.assignments.map(\.cluster))
        #expect(commit.records.map(\.representative) == result.assignments.map { records[$0.representative].id })
        #expect(commit.records.map(\.evidence) == result.assignments.map(\.evidence))
        let archive = try StoryArchive(path: path)
        #expect(try archive.storyRecords() == commit.records)
    }

    @Test func additionsGiveTheStoriesOfOneRunOverAllArticles() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = SyntheticCorpus.records(count: 600, seed: 7)
        let parts = [records[0..<260], records[260..<450], records[450..<530], records[530...]]
        let path = dir.appendingPathComponent("a.wda").path
        _ = try StoryArchive.create(
            at: path, reading: [try write(parts[0], to: dir.appendingPathComponent("p0.jsonl"))], with: CorpusReader(),
            options: DedupOptions(), textOptions: TextOptions(), producer: "test")
        let first = try StoryArchive(path: path)
        try expectSameAsCorpusPipeline(first, Array(parts[0]))
        let (firstStories, _) = try first.stories()
        var merged: [Int: Int] = [:]
        for k in 1..<parts.count {
            let commit = try StoryArchive.add(to: path, reading: [try write(parts[k], to: dir.appendingPathComponent("p\(k).jsonl"))], with: CorpusReader())
            for m in commit.merges { merged[m.from] = m.into }
            try expectSameAsCorpusPipeline(try StoryArchive(path: path), Array(records[0..<parts[k].endIndex]))
        }
        // Stories that existed after the first part keep their ids: each old id is the id of the
        // story that holds most of its first articles, unless it was merged into another.
        let (stories, _) = try StoryArchive(path: path).stories()
        var byOld: [UInt32: [UInt32: Int]] = [:]
        for i in parts[0].indices { byOld[firstStories[i], default: [:]][stories[i], default: 0] += 1 }
        for (old, now) in byOld {
            let most = now.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
            #expect(most == old || merged[Int(old)] != nil, "story \(old) is now \(most)")
        }
    }

    @Test(arguments: [11, 12] as [UInt64]) func additionsInRandomBatchesGiveTheStoriesOfOneRun(seed: UInt64) throws {
        // An addition clusters only the region it can change (ArchiveRegion); batches of random
        // sizes, cutting stories apart and growing the stock line's buckets past the star limit,
        // must each leave the stories of one run over every article added so far.
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = SyntheticCorpus.records(count: 520, seed: seed)
        var random = SplitMix64(seed: seed)
        let path = dir.appendingPathComponent("a.wda").path
        var end = 200
        _ = try StoryArchive.create(
            at: path, reading: [try write(records[0..<end], to: dir.appendingPathComponent("p0.jsonl"))], with: CorpusReader(),
            options: DedupOptions(), textOptions: TextOptions(), producer: "test")
        var regions: [Int] = []
        while end < records.count {
            let next = min(records.count, end + 1 + Int(random.next() % 60))
            let commit = try StoryArchive.add(
                to: path, reading: [try write(records[end..<next], to: dir.appendingPathComponent("p\(end).jsonl"))], with: CorpusReader())
            end = next
            regions.append(commit.clustered)
            #expect(commit.clustered >= commit.added)
            try expectSameAsCorpusPipeline(try StoryArchive(path: path), Array(records[0..<end]))
        }
        // Most additions clustered a region, not the whole archive.
        #expect(regions.filter { $0 * 2 < records.count }.count * 2 > regions.count, "\(regions)")
    }

    @Test func findThroughTheArchiveIsFindOverTheCorpus() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = SyntheticCorpus.records(count: 400, seed: 3)
        let path = dir.appendingPathComponent("a.wda").path
        _ = try StoryArchive.create(
            at: path, reading: [try write(records[0..<250], to: dir.appendingPathComponent("p0.jsonl"))], with: CorpusReader(),
            options: DedupOptions(), textOptions: TextOptions(), producer: "test")
        _ = try StoryArchive.add(to: path, reading: [try write(records[250...], to: dir.appendingPathComponent("p1.jsonl"))], with: CorpusReader())
        let archive = try StoryArchive(path: path)
        var finder = RewriteFinder(options: archive.settings.options)
        finder.fixedCommon = archive.common
        var found = 0
        for i in stride(from: 0, to: records.count, by: 23) {
            let expected = finder.find(story: records[i], in: records, excluding: [i])
            let actual = try archive.find(story: archive.features(i), excluding: i)
            #expect(actual == expected, "story \(records[i].id)")
            found += actual.count
        }
        #expect(found > 5)
        // A story the archive does not hold.
        let story = CorpusRecord(id: "new", bytes: records[10].bytes + Array("\nOne more line of reporting about it here now.".utf8), source: "new")
        #expect(try archive.find(story: archive.features(of: story)) == finder.find(story: story, in: records))
    }

    @Test func aStockLineSharedByManyArticlesDoesNotMakeThemCandidates() throws {
        // 700 articles repeat one stock sentence, each beside a story of its own: each shares
        // the sentence's 8 keys with a story holding it, enough by count (--shared-keys 5), but
        // a key held by 700 articles weighs 300/700, and 8 of them 3.4. A rewrite that keeps
        // the line shares rare sentences too and is found, by the archive and over the corpus.
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stock = "The ministry said the figures would be published later this year."
        var random = SplitMix64(seed: 17)
        let syllables = ["ka", "lo", "mi", "ter", "san", "vo", "ri", "pen", "dul", "ho", "ze", "mar", "tin", "ba", "qua", "nel"]
        func word() -> String { (0..<3).map { _ in syllables[Int(random.next() % 16)] }.joined() }
        func sentence() -> String { "Officials in " + word().capitalized + " " + (0..<9).map { _ in word() }.joined(separator: " ") + "." }
        var records = (0..<700).map { k in
            CorpusRecord(id: "stock\(k)", bytes: Array([sentence(), stock, sentence(), sentence()].joined(separator: "\n").utf8), source: "stock\(k)")
        }
        let storyText = "Harbour pilots in Velmora halted work on Monday after the port authority cut their night crews by half.\n"
            + "The pilots' union said ships waiting to dock would be held outside the breakwater until the crews were restored.\n"
            + stock + "\n"
            + "Grain exporters warned that every day of delay would cost the region's farmers about 40,000 crowns.\n"
            + "Talks between the union and the authority are due to resume on Thursday in the old customs house."
        let rewriteText = "Ships bound for Velmora were kept outside the breakwater on Monday as harbour pilots stopped work over halved night crews.\n"
            + "The pilots' union said ships waiting to dock would be held outside the breakwater until the crews were restored.\n"
            + stock + "\n"
            + "Grain exporters warned that every day of delay would cost the region's farmers about 40,000 crowns."
        records.append(CorpusRecord(id: "rewrite", bytes: Array(rewriteText.utf8), source: "rewrite"))
        let path = dir.appendingPathComponent("a.wda").path
        _ = try StoryArchive.create(
            at: path, reading: [try write(records, to: dir.appendingPathComponent("c.jsonl"))], with: CorpusReader(),
            options: DedupOptions(), textOptions: TextOptions(), producer: "test")
        let archive = try StoryArchive(path: path)
        let storyRecord = CorpusRecord(id: "story", bytes: Array(storyText.utf8), source: "story")
        let story = archive.features(of: storyRecord)
        let options = archive.settings.options
        // By count, every article repeating the line would be a candidate.
        let storyKeys = Set(RewriteFinder.bucketKeys(of: story, options: options, common: archive.common, lsh: options.effectiveLSH))
        for i in [0, 350, 699] {
            let keys = RewriteFinder.bucketKeys(of: try archive.features(i), options: options, common: archive.common, lsh: options.effectiveLSH)
            #expect(keys.filter(storyKeys.contains).count >= options.minimumSharedKeys)
        }
        #expect(try archive.candidates(of: story, options: options) == [700])
        var finder = RewriteFinder(options: options)
        finder.fixedCommon = archive.common
        let found = try archive.find(story: story)
        #expect(found.map(\.index) == [700])
        #expect(found == finder.find(story: storyRecord, in: records))
        // --shared-keys 3 asks for less than the line's weight: they are verified, not found.
        var lower = options
        lower.minimumSharedKeys = 3
        #expect(try archive.candidates(of: story, options: lower).count == 701)
        #expect(RewriteFinder.StoryKeys.weight(holders: 300) == RewriteFinder.StoryKeys.unit)
        #expect(RewriteFinder.StoryKeys.weight(holders: 600) == RewriteFinder.StoryKeys.unit / 2)
    }

    @Test func aKeyEntryNamingNoArticleIsCorruptNotACrash() throws {
        // find sums key weights in arrays indexed by article: an entry naming an article past
        // the archive's (its block checksum made to match) is a corrupt archive, not a crash.
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try samplesArchive(in: dir)
        let table = try StoryArchive(path: path).manifest.runs[0].groups[0]
        let first = try StoryArchive(path: path).entries(of: table)[0]
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Entry 0's article bits all set: 2^articleBits - 1, past the six articles.
        #expect(1 << table.articleBits - 1 >= 6)
        for bit in table.remainderBits..<table.entryBits { bytes[table.entries.offset + bit / 8] |= 1 << UInt8(bit % 8) }
        reseal(&bytes, block: 0, of: table.entries)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let archive = try StoryArchive(path: path)
        let corrupt = ArchiveError.corrupt(path: path, what: "key entries", offset: table.entries.offset)
        var members: [Int] = []
        #expect(throws: corrupt) { try archive.appendMembers(ofBucket: first >> 24, group: 0, to: &members) }
        // A writer reads whole key tables (a run absorbing earlier ones): the same error.
        #expect(throws: corrupt) { try archive.entries(of: table) }
        #expect(throws: corrupt) { try archive.find(story: archive.features(Int(first & 0xFF_FFFF))) }
    }

    @Test func aCreatedArchiveFindsWhatFindFinds() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try samplesArchive(in: dir)
        let archive = try StoryArchive(path: path)
        let corpus = try CorpusReader().read(paths: [Self.samples])
        for (i, record) in corpus.enumerated() {
            let expected = RewriteFinder().find(story: record, in: corpus, excluding: [i])
            #expect(try archive.find(story: archive.features(i), excluding: i) == expected, "\(record.id)")
        }
    }

    @Test func removalGivesTheStoriesOfTheArticlesLeft() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = SyntheticCorpus.records(count: 400, seed: 5)
        let path = dir.appendingPathComponent("a.wda").path
        _ = try StoryArchive.create(
            at: path, reading: [try write(records, to: dir.appendingPathComponent("all.jsonl"))], with: CorpusReader(),
            options: DedupOptions(), textOptions: TextOptions(), producer: "test")
        let gone = Set(stride(from: 0, to: 400, by: 9))
        let commit = try StoryArchive.remove(from: path, ids: gone.map { records[$0].id })
        #expect(commit.removed == gone.count)
        try expectSameAsCorpusPipeline(try StoryArchive(path: path), records.indices.filter { !gone.contains($0) }.map { records[$0] })
        #expect(throws: ArchiveError.unknownID(path: path, id: "nope")) { try StoryArchive.remove(from: path, ids: ["nope"]) }
    }

    @Test func anAdditionAsLargeAsTheArchiveRewritesItTheSame() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = SyntheticCorpus.records(count: 300, seed: 9)
        let path = dir.appendingPathComponent("a.wda").path
        _ = try StoryArchive.create(
            at: path, reading: [try write(records[0..<100], to: dir.appendingPathComponent("p0.jsonl"))], with: CorpusReader(),
            options: DedupOptions(), textOptions: TextOptions(), producer: "test")
        let commit = try StoryArchive.add(to: path, reading: [try write(records[100...], to: dir.appendingPathComponent("p1.jsonl"))], with: CorpusReader())
        #expect(commit.rewrote)
        try expectSameAsCorpusPipeline(try StoryArchive(path: path), records)
    }

    @Test func anArticleAlreadyArchivedIsRefused() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try samplesArchive(in: dir)
        let again = try write([CorpusRecord(id: "wire.txt", bytes: Array("A new text under an archived id.".utf8), source: "x")], to: dir.appendingPathComponent("again.jsonl"))
        #expect(throws: ArchiveError.duplicateID(path: path, id: "wire.txt", source: again + ":1")) {
            try StoryArchive.add(to: path, reading: [again], with: CorpusReader())
        }
        #expect(throws: ArchiveError.exists(path: path)) {
            try StoryArchive.create(at: path, reading: [Self.samples], with: CorpusReader(), options: DedupOptions(), textOptions: TextOptions(), producer: "test")
        }
    }

    @Test func anArchiveOfAnotherDetectionPipelineIsRefused() throws {
        // An archive written by a wirediff that signs or decides differently: the same file
        // with another pipeline fingerprint in its manifest, every checksum valid.
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try samplesArchive(in: dir, name: "a.wda", producer: "wirediff 0.0.1")
        let archive = try StoryArchive(path: path)
        let manifest = archive.header.manifest
        var settings = ByteWriter()
        archive.settings.encode(into: &settings)
        // The settings end with the fingerprint (8 bytes) and the producer (a length byte, its bytes).
        let at = manifest.offset + settings.count - 8 - 1 - "wirediff 0.0.1".utf8.count
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes[at..<at + 8].withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) } == archive.settings.fingerprint)
        bytes[at] ^= 1
        reseal(&bytes, block: (at - manifest.offset) / ArchiveFormat.blockSize, of: manifest)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: ArchiveError.incompatiblePipeline(path: path, builtBy: "wirediff 0.0.1")) { try StoryArchive(path: path) }
        #expect(throws: ArchiveError.incompatiblePipeline(path: path, builtBy: "wirediff 0.0.1")) {
            try StoryArchive.add(to: path, reading: [Self.samples], with: CorpusReader())
        }
        #expect(ArchiveError.incompatiblePipeline(path: path, builtBy: "x").exitCode == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    }

    @Test func settingsKeepEveryDetectionOption() throws {
        // A new option must be written to the archive (ArchiveSettings.encode), or an archive
        // built with another value would answer as if built with this one.
        #expect(Mirror(reflecting: DedupOptions()).children.map(\.label) == [
            "shingleKind", "permutations", "seed", "lshParameters", "sentenceThreshold", "minimumSharedShingles",
            "minimumSharedNonNames", "minimumSentenceShingles", "minimumScore", "strict", "commonShare", "minimumSharedKeys",
            "maximumBucket", "threads",
        ])
        var options = DedupOptions()
        options.shingleKind = .words(2)
        options.permutations = 24
        options.seed = 9
        options.lshParameters = LSHParameters(bands: 6, rows: 4)
        options.sentenceThreshold = 0.4
        options.minimumSharedShingles = 4
        options.minimumSharedNonNames = 3
        options.minimumSentenceShingles = 2
        options.minimumScore = 0.7
        options.strict = true
        options.commonShare = 0.1
        options.minimumSharedKeys = 3
        options.maximumBucket = 50
        let settings = ArchiveSettings(options: options, textOptions: TextOptions(keepBoilerplate: true), bandsPerGroup: 3, producer: "test")
        var writer = ByteWriter()
        settings.encode(into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return try ArchiveSettings.decode(&reader)
        }
        #expect(decoded == settings)
    }

    @Test func featuresSurviveTheirBinaryForm() {
        let records = SyntheticCorpus.records(count: 50, seed: 1)
        let store = FeatureStore(records, kind: .contentWords(1), minimumShingles: 3, textOptions: TextOptions())
        for i in 0..<store.count {
            let bytes = store[i].encoded
            let decoded = bytes.withUnsafeBytes { try? StoryFeatures(decoding: $0) }
            #expect(decoded == store[i])
            // Every cut is refused, never read past.
            for cut in stride(from: 0, to: bytes.count, by: 17) {
                #expect(bytes[0..<cut].withUnsafeBytes { (try? StoryFeatures(decoding: $0)) == nil })
            }
        }
    }

    @Test func storyIDsFollowTheirArticles() {
        // Stories 0 {0,1,2} and 1 {3,4}; article 5 is new. Everything joins one story around 3.
        let merged = StoryNumbering.number(representatives: [3, 3, 3, 3, 3, 3], previous: { $0 < 5 ? [0, 0, 0, 1, 1][$0] : nil }, nextID: 2)
        #expect(merged.stories == [0, 0, 0, 0, 0, 0])
        #expect(merged.merges == [.init(from: 1, into: 0)])
        #expect(merged.nextID == 2)
        // A tie keeps the older id; the new story gets a fresh one.
        let split = StoryNumbering.number(representatives: [0, 0, 2, 2, 4], previous: { $0 < 4 ? [1, 1, 0, 0][$0] : nil }, nextID: 5)
        #expect(split.stories == [1, 1, 0, 0, 5])
        #expect(split.count == 3)
        // A story that splits: the larger part keeps the id.
        let parted = StoryNumbering.number(representatives: [0, 0, 0, 3, 3], previous: { _ in 7 }, nextID: 8)
        #expect(parted.stories == [7, 7, 7, 8, 8])
    }
}
