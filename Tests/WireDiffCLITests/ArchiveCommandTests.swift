import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

/// `wirediff index`, `find --index` and `dedup --index` as a user runs them: the same answers
/// as the corpus commands, stable story ids, crash safety under SIGKILL and truncation, and
/// one-line errors for every bad archive, with nothing overwritten.
@Suite struct ArchiveCommandTests {
    let samples = Paths.samples.path

    /// Articles made of the samples' sentences, several per article, drawn with a seeded
    /// generator: overlapping passages, reprints and different stories, with ids `a0`, `a1`, …
    /// and dates.
    static func mixedArticles(_ count: Int, seed: UInt64, from first: Int = 0) throws -> String {
        var sentences: [String] = []
        for name in ["wire", "rewrite-paraphrase", "rewrite-condensed", "rewrite-expanded", "different-story"] {
            let text = try String(contentsOfFile: Paths.samples.appendingPathComponent(name + ".txt").path, encoding: .utf8)
            sentences += text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: ". ").filter { $0.count > 40 }
        }
        var random = SplitMix64(seed: seed)
        var lines: [String] = []
        for k in first..<first + count {
            let start = Int(random.next() % UInt64(sentences.count))
            let length = 6 + Int(random.next() % 10)
            let text = (0..<length).map { sentences[(start + $0 * (1 + Int(random.next() % 3))) % sentences.count] }.joined(separator: ". ") + "."
            let date = "2025-03-\(10 + Int(random.next() % 18))"
            lines.append(JSONValue.object(["id": .string("a\(k)"), "date": .string(date), "text": .string(text)]).serialized)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The items of a JSON array (none for anything else).
    static func items(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { return items }
        return []
    }

    // MARK: - The same answers

    @Test func findThroughAnArchiveOfTheSamplesIsFind() throws {
        let directory = try scratchDirectory("archive-find")
        let archive = directory.appendingPathComponent("samples.wda").path
        let created = runTool(["index", "create", archive, samples])
        #expect(created.code == 0)
        #expect(created.stdout.isEmpty)
        #expect(created.stderr.contains("created with 6 documents; 6 documents, 2 stories"))
        for id in ["wire.txt", "rewrite-paraphrase.txt", "rewrite-condensed.txt", "rewrite-expanded.txt", "syndicated-copy.txt", "different-story.txt"] {
            for format in ["jsonl", "text", "csv"] {
                let corpus = runTool(["find", "-f", format, id, samples])
                let indexed = runTool(["find", "-f", format, "--index", archive, id])
                #expect(indexed.code == corpus.code)
                #expect(indexed.stdout == corpus.stdout, "\(id) \(format)")
                #expect(indexed.stderr == corpus.stderr)
            }
        }
        // A story that is not archived, as a file; several stories at once, JSONL in and out.
        let story = runTool(["find", "--index", archive, "-f", "jsonl", samples + "/corpus.jsonl"])
        #expect(story.code == 0)
        #expect(story.stdout.contains("\"story\":\"wire\""))
        #expect(story.stdout.contains("\"story\":\"rewrite-condensed\""))
        let csv = runTool(["find", "--index", archive, "-f", "csv", samples + "/corpus.jsonl"])
        #expect(csv.code == 64)
    }

    @Test(.enabled(if: Paths.seedsAvailable, "needs ../shared/seeds"))
    func findAndDedupThroughAnArchiveOfTheSeedsAreFindAndDedup() throws {
        let directory = try scratchDirectory("archive-seeds")
        let archive = directory.appendingPathComponent("seeds.wda").path
        #expect(runTool(["index", "create", archive, Paths.seeds.path]).code == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 5)
        for name in names {
            let corpus = runTool(["find", "-f", "jsonl", name, Paths.seeds.path])
            let indexed = runTool(["find", "-f", "jsonl", "--index", archive, name])
            #expect(indexed.stdout == corpus.stdout, "\(name)")
            #expect(indexed.code == corpus.code)
        }
        #expect(runTool(["dedup", "--index", archive]).stdout == runTool(["dedup", Paths.seeds.path]).stdout)
    }

    @Test func dedupInTwoHalvesGivesTheStoriesOfOneDedupAndKeepsTheirIDs() throws {
        let directory = try scratchDirectory("archive-halves")
        let all = try Self.mixedArticles(160, seed: 4)
        let lines = all.split(separator: "\n").map(String.init)
        let first = try write(lines[0..<90].joined(separator: "\n") + "\n", "first.jsonl", in: directory)
        let second = try write(lines[90...].joined(separator: "\n") + "\n", "second.jsonl", in: directory)
        let archive = directory.appendingPathComponent("a.wda").path
        let one = runTool(["dedup", first, second])
        let half = runTool(["dedup", "--index", archive, first])
        #expect(half.code == 0)
        // The first half's records are those of dedup over the first half.
        #expect(half.stdout == runTool(["dedup", first]).stdout)
        let rest = runTool(["dedup", "--index", archive, second])
        #expect(rest.code == 0)
        #expect(try records(rest.stdout).count == 70)
        let both = try records(runTool(["dedup", "--index", archive]).stdout)
        let reference = try records(one.stdout)
        #expect(both.count == 160)
        // The same stories (partition) and representatives as one dedup over both halves.
        func partition(_ r: [String: JSONValue]) -> Set<Set<String>> {
            Set(Dictionary(grouping: r.keys, by: { "\(r[$0]!["cluster"]!)" }).values.map(Set.init))
        }
        #expect(partition(both) == partition(reference))
        for (id, record) in reference { #expect(both[id]?["representative"] == record["representative"], "\(id)") }
        // Stories that existed after the first half kept their ids, unless merged into another
        // (then the archive's history records the merge into the story that now holds them).
        let info = try JSONParser().parse(runTool(["index", "info", "-f", "json", archive]).stdout)
        var merges: Set<String> = []
        for commit in Self.items(info["history"]) {
            for merge in Self.items(commit["merges"]) { merges.insert("\(merge["from"]!) → \(merge["into"]!)") }
        }
        let firstStories = try records(half.stdout)
        var kept = 0
        for (id, record) in firstStories where record["is_representative"] == .bool(true) {
            let members = firstStories.filter { $0.value["cluster"] == record["cluster"] }.map(\.key)
            let now = Dictionary(grouping: members, by: { "\(both[$0]!["cluster"]!)" })
            let most = now.max { $0.value.count < $1.value.count }!.key
            let old = "\(record["cluster"]!)"
            if most == old { kept += 1 }
            #expect(most == old || merges.contains("\(old) → \(most)"), "story \(old) of \(id) is now \(most); merges \(merges)")
        }
        #expect(kept > 0)
    }

    @Test func infoDescribesTheArchiveInItsDocumentedShape() throws {
        let directory = try scratchDirectory("archive-info")
        let archive = directory.appendingPathComponent("a.wda").path
        #expect(runTool(["index", "create", archive, samples]).code == 0)
        let result = runTool(["index", "info", "-f", "json", archive])
        #expect(result.code == 0)
        let info = try JSONParser().parse(result.stdout)
        guard case .object(let object) = info else { Issue.record("not an object: \(result.stdout)"); return }
        #expect(object.members.map(\.key) == [
            "schema_version", "archive", "format_version", "created_by", "commit", "documents", "stories", "file_bytes", "live_bytes",
            "live_bytes_by_part", "runs", "settings", "common_shingles", "common_sampled", "sections_verified", "recovery", "history",
        ])
        #expect(info["schema_version"] == .int(1))
        #expect(info["format_version"] == .int(2))
        #expect(info["documents"] == .int(6))
        #expect(info["stories"] == .int(2))
        #expect(info["recovery"] == .null)
        // The parts add up to the live bytes.
        let parts = try #require(info["live_bytes_by_part"])
        let names = ["key_tables", "features", "articles", "stories", "overhead"]
        guard case .object(let partObject) = parts else { Issue.record("not an object: \(parts)"); return }
        #expect(partObject.members.map(\.key) == names)
        let sizes = names.map { name -> Int in
            if let value = parts[name], case .number(let text) = value, let n = Int(text) { return n }
            Issue.record("\(name) is not an int")
            return 0
        }
        #expect(sizes.allSatisfy { $0 > 0 })
        #expect(info["live_bytes"] == .int(sizes.reduce(0, +)))
        let settings = try #require(info["settings"])
        #expect(settings["shingles"] == .string("content"))
        #expect(settings["shingle_size"] == .int(1))
        #expect(settings["seed"] == .string("1"))
        #expect(settings["strict"] == .bool(false))
        let history = Self.items(info["history"])
        #expect(history.count == 1)
        #expect(history.first?["kind"] == .string("create"))
        let text = runTool(["index", "info", archive]).stdout
        #expect(text.contains("documents  6\n"))
        #expect(text.contains("--shingles content --shingle-size 1, 16 permutations"))
        #expect(text.contains("per doc    key tables "))
    }

    // MARK: - Crash safety

    /// Builds `base` (an archive of 200 mixed articles) and a batch of `batch` more: smaller
    /// than the archive, an addition is appended; as large, the file is rewritten.
    func crashFixture(_ directory: URL, batch size: Int) throws -> (base: String, batch: String) {
        let base = directory.appendingPathComponent("base.wda").path
        let corpus = try write(try Self.mixedArticles(200, seed: 11), "base.jsonl", in: directory)
        #expect(runTool(["index", "create", base, corpus]).code == 0)
        let batch = try write(try Self.mixedArticles(size, seed: 12, from: 200), "batch.jsonl", in: directory)
        return (base, batch)
    }

    /// The archive's state as a user sees it: every story record.
    func state(_ archive: String) throws -> ToolResult { try runBinary(["dedup", "--index", archive]) }

    @Test(arguments: [120, 260])
    func killingAnAdditionLeavesTheArchiveBeforeOrAfterIt(batch size: Int) throws {
        let directory = try scratchDirectory("archive-kill")
        let (base, batch) = try crashFixture(directory, batch: size)
        let before = try state(base)
        #expect(before.code == 0)
        // An uninterrupted addition: the "after" state and how long it takes.
        let whole = directory.appendingPathComponent("whole.wda").path
        try FileManager.default.copyItem(atPath: base, toPath: whole)
        let started = Date()
        #expect(try runBinary(["index", "add", whole, batch]).code == 0)
        let duration = Date().timeIntervalSince(started)
        let after = try state(whole)
        #expect(after.stdout != before.stdout)
        var random = SplitMix64(seed: UInt64(size))
        var outcomes: [String: Int] = [:]
        for round in 0..<6 {
            let copy = directory.appendingPathComponent("kill-\(round).wda").path
            try FileManager.default.copyItem(atPath: base, toPath: copy)
            let child = try ChildProcess(["index", "add", copy, batch], stdout: FileHandle(forWritingAtPath: "/dev/null")!)
            // A random instant of the run (a few rounds past its end).
            usleep(UInt32(Double(random.next() % 1000) / 1000 * duration * 1.1 * 1e6))
            kill(child.pid, SIGKILL)
            _ = child.wait()
            let seen = try state(copy)
            #expect(seen.code == 0, "round \(round): \(seen.stderr)")
            let outcome = seen.stdout == before.stdout ? "before" : seen.stdout == after.stdout ? "after" : "between"
            #expect(outcome != "between", "round \(round)")
            outcomes[outcome, default: 0] += 1
            // The next writer discards what the killed one left and adds cleanly.
            if outcome == "before" {
                #expect(try runBinary(["index", "add", copy, batch]).code == 0)
                #expect(try state(copy).stdout == after.stdout)
            }
        }
        #expect(outcomes["between"] == nil)
    }

    @Test(.enabled(if: killHookBuilt, "WIREDIFF_ARCHIVE_KILL works in debug builds only"), arguments: [120, 260])
    func killedAtEachStepOfACommitTheArchiveIsAsBefore(batch size: Int) throws {
        let directory = try scratchDirectory("archive-steps")
        let (base, batch) = try crashFixture(directory, batch: size)
        let before = try state(base).stdout
        let original = try bytes(base)
        for point in ["sections", "manifest", "header"] {
            let copy = directory.appendingPathComponent("\(point).wda").path
            try FileManager.default.copyItem(atPath: base, toPath: copy)
            let child = try ChildProcess(
                ["index", "add", copy, batch], stdout: FileHandle(forWritingAtPath: "/dev/null")!, environment: ["WIREDIFF_ARCHIVE_KILL": point])
            let (reason, status, _) = child.wait()
            #expect(reason == .uncaughtSignal && status == SIGKILL, "\(point)")
            let seen = try state(copy)
            #expect(seen.code == 0)
            #expect(seen.stdout == before, "\(point)")
            // The next open says what it found: bytes past the commit, or the torn header. A
            // rewrite was never given the archive's name: nothing is left of it.
            let info = runTool(["index", "info", copy])
            #expect(info.code == 0)
            if size < 200 {
                #expect(info.stdout.contains(point == "header" ? "header slot is damaged" : "past commit 1"), "\(point): \(info.stdout)")
                #expect(try runBinary(["index", "add", copy, batch]).code == 0)
                #expect(!runTool(["index", "info", copy]).stdout.contains("state"))
            } else {
                #expect(try bytes(copy) == original)
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.hasPrefix(".") })
            }
        }
    }

    /// The crash fixture's archive, the size and state of its first commit, and the bytes of
    /// the archive once a batch of 120 was appended as commit 2 (the first commit's bytes
    /// unchanged).
    func grownFixture(_ directory: URL) throws -> (baseSize: Int, before: String, full: Data) {
        let (base, batch) = try crashFixture(directory, batch: 120)
        let baseSize = try bytes(base).count
        let grown = directory.appendingPathComponent("grown.wda").path
        try FileManager.default.copyItem(atPath: base, toPath: grown)
        #expect(runTool(["index", "add", grown, batch]).code == 0)
        let full = try bytes(grown)
        #expect(full.prefix(baseSize).dropFirst(8192) == (try bytes(base)).dropFirst(8192))
        return (baseSize, try state(base).stdout, full)
    }

    @Test func aTruncatedArchiveIsAsBeforeTheLostCommitOrRefused() throws {
        let directory = try scratchDirectory("archive-truncate")
        let (baseSize, before, full) = try grownFixture(directory)
        var random = SplitMix64(seed: 7)
        for round in 0..<10 {
            // Power lost while the last commit was being written: the file ends anywhere.
            let cut = round < 6 ? baseSize + Int(random.next() % UInt64(full.count - baseSize)) : Int(random.next() % UInt64(baseSize))
            let copy = directory.appendingPathComponent("cut-\(round).wda").path
            try full.prefix(cut).write(to: URL(fileURLWithPath: copy))
            let seen = try state(copy)
            if cut >= baseSize {
                #expect(seen.code == 0, "cut at \(cut)")
                #expect(seen.stdout == before, "cut at \(cut)")
                #expect(runTool(["index", "info", copy]).stdout.contains("commit 2 is incomplete"))
            } else {
                #expect(seen.code == 65, "cut at \(cut): \(seen.stderr)")
                #expect(seen.stderr.split(separator: "\n").count == 1)
            }
            #expect(try bytes(copy) == full.prefix(cut))
        }
    }

    @Test(.enabled(if: killHookBuilt, "WIREDIFF_ARCHIVE_KILL works in debug builds only"))
    func aWriterAfterALostCommitNeverRevivesItsHeader() throws {
        // Commit 2 is lost to a truncation; its header stays in slot 0. A writer that appends
        // past the old commit 2's length and is killed before its own header must leave the
        // archive as of commit 1, not let the stale header name bytes written since.
        let directory = try scratchDirectory("archive-stale-header")
        let (baseSize, before, full) = try grownFixture(directory)
        let larger = try write(try Self.mixedArticles(160, seed: 13, from: 400), "larger.jsonl", in: directory)
        for point in ["manifest", "header"] {
            let copy = directory.appendingPathComponent("lost-\(point).wda").path
            try full.prefix(baseSize + (full.count - baseSize) / 3).write(to: URL(fileURLWithPath: copy))
            #expect(runTool(["index", "info", copy]).stdout.contains("commit 2 is incomplete"))
            let child = try ChildProcess(
                ["index", "add", copy, larger], stdout: FileHandle(forWritingAtPath: "/dev/null")!, environment: ["WIREDIFF_ARCHIVE_KILL": point])
            let (reason, status, _) = child.wait()
            #expect(reason == .uncaughtSignal && status == SIGKILL, "\(point)")
            #expect(try bytes(copy).count > full.count, "\(point): the killed writer wrote past the lost commit")
            let seen = try state(copy)
            #expect(seen.code == 0, "\(point): \(seen.stderr)")
            #expect(seen.stdout == before, "\(point)")
            #expect(try runBinary(["index", "add", copy, larger]).code == 0)
            #expect(try records(state(copy).stdout).count == 360)
        }
    }

    // MARK: - Bad archives

    @Test func everyBadArchiveIsOneLineAndChangesNothing() throws {
        let directory = try scratchDirectory("archive-bad")
        let archive = directory.appendingPathComponent("a.wda").path
        #expect(runTool(["index", "create", archive, samples]).code == 0)
        let good = try bytes(archive)

        func expectRefused(_ path: String, code: Int32, _ message: String, _ arguments: [[String]]? = nil) throws {
            let original = try? bytes(path)
            for args in arguments ?? [["index", "info", path], ["find", "--index", path, "wire.txt"], ["index", "add", path, samples + "/corpus.jsonl"], ["dedup", "--index", path]] {
                let result = runTool(args)
                #expect(result.code == code, "\(args): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(args): \(result.stderr)")
                #expect(result.stderr.contains(message), "\(args): \(result.stderr)")
                #expect((try? bytes(path)) == original)
            }
        }
        // Missing, not an archive, empty.
        try expectRefused(directory.appendingPathComponent("missing.wda").path, code: 66, "no such archive",
                          [["index", "info", directory.appendingPathComponent("missing.wda").path], ["find", "--index", directory.appendingPathComponent("missing.wda").path, "x"]])
        try expectRefused(samples + "/wire.txt", code: 65, "not a wirediff archive", [["index", "info", samples + "/wire.txt"], ["find", "--index", samples + "/wire.txt", "x"]])
        let empty = try write("", "empty.wda", in: directory)
        try expectRefused(empty, code: 65, "not a wirediff archive")
        // A newer format version in both header slots.
        var newer = good
        for slot in [0, 4096] where newer[slot] == UInt8(ascii: "w") { newer[slot + 16] = 9 }
        let newerPath = directory.appendingPathComponent("newer.wda").path
        try newer.write(to: URL(fileURLWithPath: newerPath))
        try expectRefused(newerPath, code: 65, "format version 9 is newer")
        // An archive of format version 1 (whole-byte key tables): refused with the remedy,
        // whatever its checksum says (version 1 headers are not read).
        var older = good
        for slot in [0, 4096] where older[slot] == UInt8(ascii: "w") { older[slot + 16] = 1 }
        let olderPath = directory.appendingPathComponent("older.wda").path
        try older.write(to: URL(fileURLWithPath: olderPath))
        try expectRefused(olderPath, code: 65, "format version 1 is older than this wirediff reads (2); rebuild it with 'wirediff index create'")
        // A corrupted byte in any section (each starts on a 4 KiB block): refused by what reads
        // it, and by info, which reads everything.
        var random = SplitMix64(seed: 5)
        for round in 0..<8 {
            var damaged = good
            let at = round == 0 ? good.count - 20 : 8192 + 4096 * Int(random.next() % UInt64((good.count - 8192) / 4096)) + Int(random.next() % 8)
            damaged[at] ^= 0x5A
            let path = directory.appendingPathComponent("damaged-\(round).wda").path
            try damaged.write(to: URL(fileURLWithPath: path))
            try expectRefused(path, code: 65, "corrupt archive", [["index", "info", path]])
        }
        // The features of the articles a query reads.
        var features = good
        features[8192 + 4096 + 100] ^= 0x5A  // the features section follows the ids
        let featuresPath = directory.appendingPathComponent("features.wda").path
        try features.write(to: URL(fileURLWithPath: featuresPath))
        try expectRefused(featuresPath, code: 65, "checksum mismatch in features", [["find", "--index", featuresPath, "wire.txt"], ["dedup", "--index", featuresPath]])
        // The only header slot in use, damaged (a new archive's commit is in slot 1).
        var header = good
        header[4096 + 40] ^= 1
        let headerPath = directory.appendingPathComponent("header.wda").path
        try header.write(to: URL(fileURLWithPath: headerPath))
        try expectRefused(headerPath, code: 65, "no readable header", [["index", "info", headerPath]])
        // Settings the archive was not built with.
        let seed = runTool(["find", "--index", archive, "--seed", "2", "wire.txt"])
        #expect(seed.code == 64)
        #expect(seed.stderr.contains("built with --seed 1, not 2"))
        #expect(runTool(["index", "add", archive, "--shingles", "words", samples + "/corpus.jsonl"]).code == 64)
        #expect(runTool(["find", "--index", archive, "--shared-keys", "1", "wire.txt"]).code == 0)
        // An existing file is never overwritten by create; an unknown id is not removed.
        let exists = runTool(["index", "create", archive, samples])
        #expect(exists.code == 73)
        #expect(exists.stderr.contains("already exists; nothing was overwritten"))
        let unknown = runTool(["index", "remove", archive, "nope"])
        #expect(unknown.code == 65)
        #expect(unknown.stderr.contains("no article with id \"nope\""))
        #expect(try bytes(archive) == good)
    }

    @Test func aSecondWriterIsRefusedWhileReadersGoOn() throws {
        let directory = try scratchDirectory("archive-lock")
        let archive = directory.appendingPathComponent("a.wda").path
        #expect(runTool(["index", "create", archive, samples]).code == 0)
        let before = try bytes(archive)
        // This process holds the writer's lock.
        let fd = open(archive, O_RDWR)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        for args in [["index", "add", archive, samples + "/corpus.jsonl"], ["index", "remove", archive, "wire.txt"]] {
            let second = try runBinary(args)
            #expect(second.code == 75)
            #expect(second.stderr.contains("another wirediff is writing this archive"))
        }
        #expect(try bytes(archive) == before)
        // Readers are not blocked.
        #expect(try runBinary(["find", "--index", archive, "wire.txt"]).code == 0)
        #expect(try runBinary(["index", "info", archive]).code == 0)
    }

    @Test func removingAnArticleKeepsTheOtherStoriesAndIDs() throws {
        let directory = try scratchDirectory("archive-remove")
        let archive = directory.appendingPathComponent("a.wda").path
        #expect(runTool(["index", "create", archive, samples]).code == 0)
        let removed = runTool(["index", "remove", archive, "syndicated-copy.txt"])
        #expect(removed.code == 0)
        #expect(removed.stderr.contains("removed 1 document; 5 documents, 2 stories"))
        let left = try records(runTool(["dedup", "--index", archive]).stdout)
        #expect(left.count == 5 && left["syndicated-copy.txt"] == nil)
        #expect(clusterOf(left, "wire") == clusterOf(try records(runTool(["dedup", samples]).stdout), "wire"))
        #expect(runTool(["find", "--index", archive, "syndicated-copy.txt"]).code == 64)
    }
}

/// Whether this build's writer honours `WIREDIFF_ARCHIVE_KILL` (debug builds; the tests and
/// the binary they run are built together).
#if DEBUG
let killHookBuilt = true
#else
let killHookBuilt = false
#endif
