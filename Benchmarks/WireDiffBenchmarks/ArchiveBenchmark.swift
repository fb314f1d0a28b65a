import Foundation
import WireDiff
import WireDiffCLI

/// `WireDiffBenchmarks archive CORPUS.jsonl --work DIR [--add N] [--adds K] [--queries Q] [--cli C] [--reuse] [--threads T]`:
/// the archive (`wirediff index`) at the corpus's size. Splits the corpus into a base (all but
/// the last K × N documents) and K additions of N; then
/// 1. `index create` of the base: wall and CPU seconds, MB/s and documents/s, peak resident
///    memory, bytes per document of the archive;
/// 2. K × `index add` of N documents: the same;
/// 3. `find` of Q stories (texts from the corpus, each leaving its own archived copy out), in
///    process, warm (the archive's pages cached) and cold (its pages dropped from the cache
///    with `posix_fadvise` before each query, and the archive opened again): p50, p99, max;
/// 4. C runs of the `wirediff find --index` command on an archived id, as a user runs it:
///    wall p50/p99 and peak resident memory of the process.
/// Writes `DIR/base.jsonl`, `DIR/add-K.jsonl`, `DIR/archive.wda`; delete DIR afterwards.
/// `--reuse` skips 1 and 2 and measures the archive and stories an earlier run left in DIR
/// (a quieter moment for latency than the minutes after a create).
enum ArchiveBenchmark {
    static func run(_ arguments: ArraySlice<String>) -> Int32 {
        let (corpus, work, addSize, adds, queries, cliRuns, reuse, threads) = BenchmarkArguments.parse(
            "archive", usage: "CORPUS.jsonl --work DIR [options]", options: ArchiveBenchmarkOptions.specs, arguments
        ) { (parsed) throws(UsageError) in
            let o = ArchiveBenchmarkOptions.self
            guard parsed.positionals.count == 1, let work = try parsed.value(o.work) else { throw UsageError("give a corpus and --work DIR") }
            return (parsed.positionals[0], work, try parsed.value(o.add), try parsed.value(o.adds), try parsed.value(o.queries),
                    try parsed.value(o.cli), parsed.flag(o.reuse), try parsed.value(DetectionOptions.threads))
        }
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let archive = work + "/archive.wda"
            if reuse {
                let records = try CorpusReader().read(paths: [work + "/stories.jsonl"])
                print("reusing \(archive): \(try StoryArchive(path: archive).count) documents")
                try measureFind(archive, records, threads: threads)
                try measureCommand(archive, records, runs: cliRuns, work: work)
                return 0
            }
            try? FileManager.default.removeItem(atPath: archive)
            // Split the corpus: the base, then the additions; and pick the query stories.
            let (base, additions, stories, documents) = try split(corpus, into: work, adds: adds, of: addSize, queries: queries)
            print("corpus \(corpus): \(documents) documents; base \(documents - adds * addSize), \(adds) addition(s) of \(addSize)")
            var options = DedupOptions()
            options.threads = threads

            var (commit, seconds, cpu) = try measure {
                try StoryArchive.create(at: archive, reading: [base], with: CorpusReader(), options: options, textOptions: TextOptions(), producer: "benchmark")
            }
            report("create", commit, seconds: seconds, cpu: cpu)
            for (k, path) in additions.enumerated() {
                (commit, seconds, cpu) = try measure { try StoryArchive.add(to: archive, reading: [path], with: CorpusReader(), threads: threads) }
                report("add \(k + 1)", commit, seconds: seconds, cpu: cpu)
            }
            print(String(format: "peak resident memory of this process so far: %.0f MB", Double(ProcessMemory.peakBytes()) / 1e6))

            // Find, in process.
            let records = try CorpusReader().read(paths: [stories])

            try measureFind(archive, records, threads: threads)
            try measureCommand(archive, records, runs: cliRuns, work: work)
        } catch {
            FileHandle.standardError.write(Data("archive: \(error)\n".utf8))
            return 65
        }
        return 0
    }

    /// `find` in this process: candidates per story, warm latency (wall and CPU), and cold
    /// latency with the archive's pages dropped.
    private static func measureFind(_ archive: String, _ records: [CorpusRecord], threads: Int) throws {
        let before = ProcessMemory.currentBytes()
        let opened = try StoryArchive(path: archive)
        var query = opened.settings.options
        query.threads = threads
        var found = 0
        var candidates: [Double] = []
        for record in records {
            candidates.append(Double(try opened.candidates(of: opened.features(of: record), excluding: try opened.article(withID: record.id), options: query).count))
        }
        print(String(format: "find candidates (articles whose shared bucket keys, weighed by rarity, reach --shared-keys; all verified): p50 %.0f, p99 %.0f, max %.0f",
                     percentile(candidates, 0.5), percentile(candidates, 0.99), candidates.max() ?? 0))
        var warm: [Double] = [], warmCPU: [Double] = []
        for _ in 0..<2 {  // the first pass warms the cache; the second is measured
            warm = []
            warmCPU = []
            for record in records {
                let (matches, seconds, cpu) = try measure {
                    try opened.find(story: opened.features(of: record), excluding: try opened.article(withID: record.id), options: query)
                }
                warm.append(seconds * 1e3)
                warmCPU.append(cpu * 1e3)
                found += matches.count
            }
        }
        print(String(format: "find warm: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d stories (%.1f rewrites each); resident memory +%.0f MB",
                     percentile(warm, 0.5), percentile(warm, 0.99), warm.max() ?? 0, records.count, Double(found) / Double(2 * records.count),
                     Double(ProcessMemory.currentBytes() - before) / 1e6))
        print(String(format: "find warm, CPU time (all threads): p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                     percentile(warmCPU, 0.5), percentile(warmCPU, 0.99), warmCPU.max() ?? 0))
        var cold: [Double] = []
        for record in records.prefix(max(1, records.count / 4)) {
            drop(archive)
            let start = DispatchTime.now().uptimeNanoseconds
            let fresh = try StoryArchive(path: archive)
            _ = try fresh.find(story: fresh.features(of: record), excluding: try fresh.article(withID: record.id), options: query)
            cold.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print(String(format: "find cold (archive pages dropped, opened again): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d stories",
                     percentile(cold, 0.5), percentile(cold, 0.99), cold.max() ?? 0, cold.count))
    }

    /// `wirediff find --index` as a user runs it: wall time and peak resident memory.
    private static func measureCommand(_ archive: String, _ records: [CorpusRecord], runs: Int, work: String) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wirediff").path
        guard runs > 0 else { return }
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            FileHandle.standardError.write(Data("archive: no wirediff beside the benchmark (\(binary)): the command is not measured\n".utf8))
            return
        }
        var walls: [Double] = [], peaks: [Int] = []
        for record in records.prefix(runs) {
            let (wall, peak) = try spawn(binary, ["find", "--index", archive, "--format", "jsonl", record.id], work: work)
            walls.append(wall)
            peaks.append(peak)
        }
        print(String(format: "wirediff find --index (process, warm): p50 %.1f ms, p99 %.1f ms; peak resident memory p50 %.0f MB, max %.0f MB over %d runs",
                     percentile(walls, 0.5), percentile(walls, 0.99), Double(peaks.sorted()[peaks.count / 2]) / 1e6,
                     Double(peaks.max() ?? 0) / 1e6, walls.count))
    }

    /// Runs `body`; its result, wall seconds and CPU seconds (all threads).
    static func measure<T>(_ body: () throws -> T) throws -> (T, Double, Double) {
        let cpu = ProcessMemory.cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, ProcessMemory.cpuSeconds() - cpu)
    }

    static func report(_ what: String, _ commit: ArchiveCommit, seconds: Double, cpu: Double) {
        let mb = Double(commit.bytesRead) / 1e6
        print(String(format: "%@: %d documents, %.1f MB in %.2f s (%.2f CPU s): %.1f MB/s, %.0f documents/s; archive %d documents, %d stories, %.1f MB = %d bytes/document%@",
                     what, commit.added, mb, seconds, cpu, mb / seconds, Double(commit.added) / seconds, commit.articles, commit.stories,
                     Double(commit.fileBytes) / 1e6, commit.fileBytes / max(1, commit.articles), commit.rewrote ? " (file rewritten)" : ""))
        if commit.kind == .add {
            // How much an addition clustered again (ArchiveRegion), and whether it fell back to
            // the whole archive.
            print(commit.clustered == commit.articles
                ? "  clustered the whole archive again (\(commit.articles) articles\(commit.rewrote ? "" : "; the region grew past half of it"))"
                : "  clustered a region of \(commit.clustered) articles again in \(commit.rounds) round(s), \(commit.borderMeasurements) pairs measured across its border")
        }
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    /// Drops the file's pages from the page cache.
    static func drop(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
        close(fd)
    }

    /// Splits a JSONL corpus into a base and `adds` additions of `size` lines, and writes every
    /// (documents / queries)th base line as a query story; returns the paths and the count.
    static func split(_ corpus: String, into work: String, adds: Int, of size: Int, queries: Int) throws -> (String, [String], String, Int) {
        var lines = 0
        try forEachLine(corpus) { _ in lines += 1 }
        let baseCount = lines - adds * size
        guard baseCount > 0 else { throw CocoaError(.fileReadCorruptFile) }
        let base = work + "/base.jsonl", stories = work + "/stories.jsonl"
        let additions = (0..<adds).map { work + "/add-\($0 + 1).jsonl" }
        let outputs = try ([base] + additions + [stories]).map { path throws -> FileHandle in
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw UsageError("cannot write \(path)")
            }
            return handle
        }
        var k = 0
        let stride = max(1, baseCount / max(1, queries))
        try forEachLine(corpus) { line in
            let target = k < baseCount ? 0 : 1 + (k - baseCount) / size
            outputs[target].write(line)
            if k < baseCount && k % stride == stride / 2 { outputs[outputs.count - 1].write(line) }
            k += 1
        }
        for output in outputs { try output.close() }
        return (base, additions, stories, lines)
    }

    /// Calls `body` with each line of a file (newline included), read in blocks.
    static func forEachLine(_ path: String, _ body: (Data) -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        var pending = Data()
        while let block = try handle.read(upToCount: 8 << 20), !block.isEmpty {
            pending.append(block)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 10) {
                body(pending[start...newline])
                start = newline + 1
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { body(pending + Data([10])) }
    }

    /// Runs a program to its end; its wall milliseconds and peak resident bytes.
    ///
    /// The peak is measured by `/usr/bin/time -f %M` around the program when it exists (0
    /// otherwise): `wait4`'s `ru_maxrss` of a child spawned from this process starts at this
    /// process's own peak on Linux (`posix_spawn` shares the address space until `exec`), so it
    /// would report this benchmark's memory, not the command's.
    static func spawn(_ program: String, _ arguments: [String], work: String) throws -> (Double, Int) {
        let timer = "/usr/bin/time", report = work + "/time.txt"
        let measured = FileManager.default.isExecutableFile(atPath: timer)
        let command = measured ? [timer, "-f", "%M", program] + arguments : [program] + arguments
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, measured ? report : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = command.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let kilobytes = measured
            ? (try? String(contentsOfFile: report, encoding: .utf8)).flatMap { $0.split(separator: "\n").last.flatMap { Int($0) } } ?? 0 : 0
        return (wall, kilobytes * 1024)
    }
}
