import Foundation
import Testing
@testable import WireDiff

/// The distributed stages (`Documentation/Distributed.md`), chained in-process the way
/// `Integrations/spark/wirediff_spark.py` chains them (records in, records out; grouping by
/// bucket, pair counting, components and the ask loop done here as the engine does them), give
/// exactly `dedup`'s answer: every article's representative and its evidence against it.
struct StageTests {
    /// Runs one stage over `lines` and returns its output records.
    func stage(_ lines: [String], _ run: (ByteStream, (String) -> Void) throws(InputError) -> Void) throws -> [JSONObject] {
        var out: [String] = []
        try run(ByteStream(bytes: Array(lines.joined(separator: "\n").utf8)), { out.append($0) })
        return try out.map { line in
            guard case .object(let fields) = try JSONParser().parse(Array(line.utf8)) else { throw InputError.missingFile(path: line) }
            return fields
        }
    }

    func string(_ o: JSONObject, _ k: String) -> String { if case .string(let s)? = o[k] { s } else { "" } }
    func int(_ o: JSONObject, _ k: String) -> Int { if case .number(let s)? = o[k] { Int(s)! } else { -1 } }

    /// The engine's part of the chain, from feature records (in input order, none failed).
    /// Returns each article's representative and evidence, and how many asks were verified.
    func chain(features: [JSONObject], options: DedupOptions) throws -> (assignments: [(Int, PairEvidence?)], asks: Int) {
        let n = features.count
        let blobs = features.map { string($0, "features") }
        // Plan: the sample's features and the corpus size.
        var sample: [Int: StoryFeatures] = [:]
        for i in CommonShingles.sample(count: n) {
            sample[i] = try StageRecord(path: "plan", line: 1, fields: ["features": .string(blobs[i])]).features("features")
        }
        let plan = StagePlan(
            articles: n, sentences: features.reduce(0) { $0 + int($1, "sentences") }, sample: sample, options: options, arguments: [])
        let candidates = try candidatePairs(blobs, plan: plan, options: options)
        // Verify every candidate pair; then cluster components of one-story pairs until no ask
        // across a component's border is one story.
        var known = try verify(candidates, blobs, options: options)
        let isCandidate = Set(candidates)
        var asked = 0
        while true {
            let lines = try componentRecords(features, blobs, known: known, candidates: isCandidate)
            let out = try stage(lines) { (input, emit) throws(InputError) in try ClusterStage(options: options).run(input, emit: emit) }
            var asks: [UInt64] = []
            var result = (0..<n).map { ($0, PairEvidence?.none) }
            for record in out {
                if case .array(let pair)? = record["ask"] {
                    let key = PackedPair.pack(Int(pair[0].serialized)!, Int(pair[1].serialized)!)
                    if known[key] == nil { asks.append(key) }
                } else if case .object(let e)? = record["evidence"] {
                    result[int(record, "index")] = (int(record, "representative"), try PairEvidence(record: StageRecord(path: "e", line: 1, fields: e)))
                } else {
                    result[int(record, "index")] = (int(record, "representative"), nil)
                }
            }
            let answers = try verify(Array(Set(asks)).sorted(), blobs, options: options)
            asked += answers.count
            known.merge(answers) { a, _ in a }
            if !answers.values.contains(where: { $0["same_story"] == .bool(true) }) { return (result, asked) }
        }
    }

    /// Sketches the articles, groups them by bucket and counts the buckets each pair shares
    /// (the star rule for big buckets), as the engine does: the pairs sharing enough, sorted.
    func candidatePairs(_ blobs: [String], plan: StagePlan, options: DedupOptions) throws -> [UInt64] {
        let sketches = try stage(blobs.indices.map { JSONValue.object(["index": .int($0), "features": .string(blobs[$0])]).serialized }) {
            (input, emit) throws(InputError) in try PairStage.sketch(input, plan: plan, options: options, emit: emit)
        }
        var buckets: [Int: [Int]] = [:]
        for s in sketches {
            guard case .array(let keys)? = s["buckets"] else { continue }
            for key in keys { buckets[Int(key.serialized)!, default: []].append(int(s, "index")) }
        }
        var shared: [UInt64: Int] = [:]
        for members in buckets.values where members.count > 1 {
            let m = members.sorted()
            if m.count > plan.maximumBucket {
                for y in m.dropFirst() { shared[PackedPair.pack(m[0], y), default: 0] += 1 }
            } else {
                for x in m.indices { for y in m[(x + 1)...] { shared[PackedPair.pack(m[x], y), default: 0] += 1 } }
            }
        }
        return shared.filter { $0.value >= plan.minimumSharedKeys }.keys.sorted()
    }

    /// The verify stage's records for `pairs`, by pair.
    func verify(_ pairs: [UInt64], _ blobs: [String], options: DedupOptions) throws -> [UInt64: JSONObject] {
        let out = try stage(pairs.map { p in
            let (a, b) = PackedPair.unpack(p)
            return JSONValue.object(["a": .int(a), "b": .int(b), "first": .string(blobs[a]), "second": .string(blobs[b])]).serialized
        }) { (input, emit) throws(InputError) in try PairStage.verify(input, options: options, emit: emit) }
        return Dictionary(uniqueKeysWithValues: out.map { (PackedPair.pack(int($0, "a"), int($0, "b")), $0) })
    }

    /// The cluster stage's input: per component of one-story pairs (of more than one article),
    /// its articles, then every known or candidate pair touching it with its evidence.
    func componentRecords(
        _ features: [JSONObject], _ blobs: [String], known: [UInt64: JSONObject], candidates isCandidate: Set<UInt64>
    ) throws -> [String] {
        let n = features.count
        var parent = Array(0..<n)
        func root(_ x: Int) -> Int { parent[x] == x ? x : root(parent[x]) }
        for (p, e) in known where e["same_story"] == .bool(true) {
            let x = root(PackedPair.high(p)), y = root(PackedPair.low(p))
            parent[max(x, y)] = min(x, y)
        }
        let component = (0..<n).map(root)
        let sizes = Dictionary(grouping: 0..<n, by: { component[$0] })
        var lines: [String] = []
        for (c, members) in sizes.sorted(by: { $0.key < $1.key }) where members.count > 1 {
            for i in members {
                lines.append(JSONValue.object([
                    "component": .int(c), "index": .int(i), "date": features[i]["date"] ?? .null, "features": .string(blobs[i]),
                ]).serialized)
            }
            let inside = Set(members)
            for p in Set(known.keys).union(isCandidate).sorted() where inside.contains(PackedPair.high(p)) || inside.contains(PackedPair.low(p)) {
                var fields: [(key: String, value: JSONValue)] = [
                    ("component", .int(c)), ("a", .int(PackedPair.high(p))), ("b", .int(PackedPair.low(p))), ("candidate", .bool(isCandidate.contains(p))),
                ]
                if let e = known[p] { fields += try PairEvidence(record: StageRecord(path: "e", line: 1, fields: e)).recordMembers }
                lines.append(JSONValue.object(JSONObject(fields)).serialized)
            }
        }
        return lines
    }

    /// Checks the chain against `dedup` over the corpus at `paths`, handing the articles to
    /// the features stage as `located` records.
    func expectDedupAnswer(paths: [String], located: [String], options: DedupOptions = DedupOptions()) throws -> Int {
        let (records, expected) = try Deduplicator(options: options).run(reading: paths)
        let features = try stage(located) { (input, emit) throws(InputError) in
            try FeatureStage(reading: CorpusReader.Options(), detection: options, textOptions: TextOptions(), batchBytes: 1 << 16)
                .run(input, emit: emit)
        }
        #expect(features.count == records.count)
        #expect(features.map { $0["id"] } == records.map { .string($0.id) })
        let (assignments, asks) = try chain(features: features, options: options)
        #expect(assignments.count == records.count)
        for i in records.indices {
            #expect(assignments[i].0 == expected.assignments[i].representative, "article \(records[i].id)")
            #expect(assignments[i].1 == expected.assignments[i].evidence, "article \(records[i].id)")
        }
        return asks
    }

    @Test func stagesGiveDedupsStoriesOnSamples() throws {
        let records = try CorpusReader().read(paths: [Repository.samples.path])
        let located = try records.map { record in
            let raw = try Data(contentsOf: URL(fileURLWithPath: record.source))
            return JSONValue.object(["source": .string(record.source), "id": .string(record.id), "text": .string(raw.base64EncodedString())]).serialized
        }
        _ = try expectDedupAnswer(paths: [Repository.samples.path], located: located)
    }

    @Test func stagesGiveDedupsStoriesOnAGeneratedCorpus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-stages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = SyntheticCorpus.records(count: 600, seed: 11).map { r in
            JSONValue.object(["id": .string(r.id), "text": .string(String(decoding: r.bytes, as: UTF8.self)), "date": .optional(r.date)]).serialized
        }
        let path = dir.appendingPathComponent("corpus.jsonl").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        var offset = 0
        let located = lines.enumerated().map { k, line -> String in
            defer { offset += line.utf8.count + 1 }
            return JSONValue.object([
                "source": .string(path), "line": .int(k + 1), "offset": .int(offset), "jsonl": .string(Data(line.utf8).base64EncodedString()),
            ]).serialized
        }
        _ = try expectDedupAnswer(paths: [path], located: located)
        // With a low star limit, big buckets become stars and clustering reaches two hops
        // out, across components: the asks are verified and the answer is still dedup's.
        var options = DedupOptions()
        options.maximumBucket = 3
        options.minimumSharedKeys = 1
        let asks = try expectDedupAnswer(paths: [path], located: located, options: options)
        #expect(asks > 0)
    }

    @Test func sketchBucketsGiveDedupsCandidatePairs() throws {
        let records = SyntheticCorpus.records(count: 500, seed: 9)
        let deduplicator = Deduplicator()
        let (store, expected) = deduplicator.candidatePairs(of: records)
        var sample: [Int: StoryFeatures] = [:]
        for i in CommonShingles.sample(count: records.count) { sample[i] = store[i] }
        let options = deduplicator.options
        let plan = StagePlan(articles: records.count, sentences: store.sentenceCount, sample: sample, options: options, arguments: [])
        var sketcher = PassageSketcher(options: options, common: plan.commonShingles)
        var buckets: [UInt64: [Int]] = [:]
        for i in records.indices {
            for key in sketcher.bucketKeys(of: store[i], bandsPerGroup: plan.bandsPerGroup) { buckets[key, default: []].append(i) }
        }
        var shared: [UInt64: Int] = [:]
        for m in buckets.values where m.count > 1 {
            let pairs = m.count > plan.maximumBucket
                ? m.dropFirst().map { UInt64(m[0]) << 32 | UInt64($0) }
                : m.indices.flatMap { x in m[(x + 1)...].map { UInt64(m[x]) << 32 | UInt64($0) } }
            for p in pairs { shared[p, default: 0] += 1 }
        }
        #expect(shared.filter { $0.value >= plan.minimumSharedKeys }.keys.sorted() == expected)
    }
}
