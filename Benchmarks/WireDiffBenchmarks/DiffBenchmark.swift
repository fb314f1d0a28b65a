import Foundation
import WireDiff
import WireDiffCLI

/// The options of the `diff` benchmark (``runDiffBenchmark(arguments:)``).
enum DiffBenchmarkOptions {
    static let size = Option("--size", "bytes", .integer(in: 100...1_000_000_000), default: 10_000, help: "Size of each generated article.")
    static let versions = Option("--versions", "n", .integer(in: 2...1000), default: 10, help: "Versions in the fact table.")
    static let runs = Option("--runs", "n", .integer(in: 1...100_000), default: 30, help: "Timed runs (the median is reported).")
    static let seed = Option("--seed", "n", .unsigned, default: 42, help: "Seed of the generated articles.")
    static let write = Option("--write", "dir", .text, help: "Write the reference and one version as DIR/reference.txt and DIR/version.txt, and stop.")
    static let specs = [size.spec, versions.spec, runs.spec, seed.spec, write.spec]
}

/// `WireDiffBenchmarks diff [--size BYTES] [--versions N] [--runs N] [--seed N] [--write DIR]`: times
/// `Differ.compare` on a pair of synthetic articles of about `--size` bytes (default 10 KB) and
/// on a fact table of `--versions` versions (default 10), and reports alignment accuracy against
/// the generator's ground truth beside the times.
///
/// The articles are seeded synthetic news prose: sentences of 14–30 words drawn from a
/// pseudo-word vocabulary with stopwords, capitalized names and numbers. Each other version keeps
/// about 75% of the reference's sentences, rewrites about a quarter of each kept sentence's
/// words, swaps neighbouring words, reorders sentences locally and adds about 15% new ones.
/// With `--write DIR`, writes the reference and the first other version as `DIR/reference.txt`
/// and `DIR/version.txt` instead (to time the `wirediff diff` command on articles of any size).
/// Refuses to run in a debug build. Returns the exit code.
func runDiffBenchmark(arguments: [String]) -> Int32 {
    #if DEBUG
    FileHandle.standardError.write(Data("diff benchmark: build with `swift build -c release` (debug numbers mean nothing)\n".utf8))
    return 64
    #else
    let (size, versions, runs, seed, writeDirectory) = BenchmarkArguments.parse(
        "diff", usage: "[options]", options: DiffBenchmarkOptions.specs, arguments
    ) { (parsed) throws(UsageError) in
        guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument '\(parsed.positionals[0])'") }
        return (
            try parsed.value(DiffBenchmarkOptions.size), try parsed.value(DiffBenchmarkOptions.versions),
            try parsed.value(DiffBenchmarkOptions.runs), try parsed.value(DiffBenchmarkOptions.seed),
            try parsed.value(DiffBenchmarkOptions.write))
    }
    var generator = DiffBenchmarkGenerator(seed: seed)
    let reference = generator.article(bytes: size)
    var others: [(text: String, origin: [Int?])] = []
    if let writeDirectory { return writeVersions(reference, generator.rewrite(reference), to: writeDirectory, size: size, seed: seed) }
    for _ in 1..<versions { others.append(generator.rewrite(reference)) }
    let referenceDocument = Document(id: "reference", text: reference.joined(separator: " "))
    let otherDocuments = others.enumerated().map { Document(id: "v\($0.offset + 1)", text: $0.element.text) }
    let differ = Differ()

    func median(_ body: () -> Void) -> (wall: Double, cpu: Double) { medianMilliseconds(runs: runs, body) }
    var pair: PairReport? = nil
    let pairTimes = median { pair = differ.compare(referenceDocument, otherDocuments[0]) }
    var table: FactTable? = nil
    let tableTimes = median { table = differ.compare([referenceDocument] + otherDocuments) }
    let pairTime = pairTimes.cpu, tableTime = tableTimes.cpu

    let (correct, kept, addedRight, addedTotal) = alignmentAccuracy(table?.reports ?? [], others: others, documents: otherDocuments)
    let bytes = referenceDocument.bytes.count
    print("diff benchmark (release, median of \(runs) runs, seed \(seed))")
    print(String(format: "  pair:  %d-byte reference (%d sentences) vs %d-byte version: %.2f ms CPU, %.2f ms wall (%d alignments)",
                 bytes, referenceDocument.sentences.count, otherDocuments[0].bytes.count, pairTime, pairTimes.wall, pair?.alignments.count ?? 0))
    print(String(format: "  table: %d versions of ~%d bytes: %.2f ms CPU, %.2f ms wall (%d rows)", versions, size, tableTime, tableTimes.wall, table?.rows.count ?? 0))
    if kept > 0 {
        print(String(format: "  accuracy: %.1f%% of kept sentences aligned to their source (%d/%d), %.1f%% of new sentences reported added (%d/%d)",
                     100 * Double(correct) / Double(kept), correct, kept,
                     addedTotal > 0 ? 100 * Double(addedRight) / Double(addedTotal) : 100, addedRight, addedTotal))
    }
    print("  targets (CPU time): pair < 10 ms, table of 10 < 100 ms: \(pairTime < 10 ? "met" : "NOT met"), \(versions == 10 ? (tableTime < 100 ? "met" : "NOT met") : "n/a")")
    return 0
    #endif
}

/// Writes the reference and one version as `directory/reference.txt` and `version.txt`;
/// returns the exit code (73 when they cannot be written).
private func writeVersions(_ reference: [String], _ version: (text: String, origin: [Int?]), to directory: String, size: Int, seed: UInt64) -> Int32 {
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try (reference.joined(separator: " ") + "\n").write(toFile: directory + "/reference.txt", atomically: true, encoding: .utf8)
        try (version.text + "\n").write(toFile: directory + "/version.txt", atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("diff benchmark: cannot write \(directory): \(error)\n".utf8))
        return 73
    }
    print("wrote \(directory)/reference.txt and \(directory)/version.txt (~\(size) bytes each, seed \(seed))")
    return 0
}

/// This thread's CPU time in milliseconds (unaffected by other processes on a shared box).
private func cpuMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

/// Median wall-clock and CPU milliseconds of `runs` calls of `body`.
private func medianMilliseconds(runs: Int, _ body: () -> Void) -> (wall: Double, cpu: Double) {
    var wall: [Double] = [], cpu: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuMilliseconds()
        body()
        cpu.append(cpuMilliseconds() - cpuStart)
        wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    wall.sort(); cpu.sort()
    return (wall[wall.count / 2], cpu[cpu.count / 2])
}

/// Accuracy against the ground truth (which reference sentence each other sentence came
/// from): kept sentences aligned to their source, and new sentences reported added.
private func alignmentAccuracy(
    _ reports: [PairReport], others: [(text: String, origin: [Int?])], documents: [Document]
) -> (correct: Int, kept: Int, addedRight: Int, addedTotal: Int) {
    var correct = 0, kept = 0, addedRight = 0, addedTotal = 0
    for (v, report) in reports.enumerated() {
        let origin = others[v].origin
        // The generator emits one sentence per line-free sentence; map by order of sentences.
        guard documents[v].sentences.count == origin.count else { continue }
        for (b, source) in origin.enumerated() {
            if let source {
                kept += 1
                if report.alignment(ofOther: b)?.a.contains(source) == true { correct += 1 }
            } else {
                addedTotal += 1
                if report.added.contains(b) { addedRight += 1 }
            }
        }
    }
    return (correct, kept, addedRight, addedTotal)
}

/// Seeded synthetic articles and rewrites for the diff benchmark.
struct DiffBenchmarkGenerator {
    var rng: SplitMix64
    let vocabulary: [String]
    let names: [String]
    static let stopwords = ["the", "of", "and", "in", "to", "a", "on", "for", "that", "with", "said", "was", "by", "from", "its"]

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        let syllables = ["ka", "ro", "mi", "ten", "sa", "lo", "ver", "an", "du", "ish", "por", "el", "ta", "gon", "ri", "us", "ma", "nel", "o", "be"]
        var words: Set<String> = []
        var r = SplitMix64(seed: seed ^ 0x5eed)
        while words.count < 3000 {
            let n = Int(r.next() % 3) + 2
            words.insert((0..<n).map { _ in syllables[Int(r.next() % UInt64(syllables.count))] }.joined())
        }
        vocabulary = words.sorted()
        names = vocabulary.prefix(200).map { $0.prefix(1).uppercased() + $0.dropFirst() }
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() % 10_000) / 10_000 < p }

    /// One sentence of synthetic news prose.
    mutating func sentence() -> [String] {
        let length = Int(rng.next() % 17) + 14
        var words: [String] = []
        for k in 0..<length {
            if k > 0 && chance(0.12) { words.append(pick(names)) }
            else if chance(0.05) { words.append(String(rng.next() % 5000 + 2)) }
            else if chance(0.35) { words.append(pick(Self.stopwords)) }
            else { words.append(pick(vocabulary)) }
        }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        return words
    }

    func render(_ words: [String]) -> String { words.joined(separator: " ") + "." }

    /// Sentences (rendered) of an article of about `bytes` bytes.
    mutating func article(bytes: Int) -> [String] {
        var sentences: [String] = []
        var total = 0
        while total < bytes {
            let s = render(sentence())
            total += s.utf8.count + 1
            sentences.append(s)
        }
        return sentences
    }

    /// A rewrite of `reference` and, for each of its sentences, the reference sentence it came
    /// from (`nil` for new material).
    mutating func rewrite(_ reference: [String]) -> (text: String, origin: [Int?]) {
        var out: [(String, Int?)] = []
        for (i, s) in reference.enumerated() {
            if chance(0.15) { out.append((render(sentence()), nil)) }
            guard chance(0.75) else { continue }
            var words = String(s.dropLast()).split(separator: " ").map(String.init)
            for k in words.indices where chance(0.25) { words[k] = pick(vocabulary) }
            if words.count > 3 { for _ in 0..<2 { let k = Int(rng.next() % UInt64(words.count - 2)) + 1; words.swapAt(k, k + 1) } }
            words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
            out.append((render(words), i))
        }
        // Local reordering.
        if out.count > 3 {
            for _ in 0..<(out.count / 5) {
                let k = Int(rng.next() % UInt64(out.count - 1))
                out.swapAt(k, k + 1)
            }
        }
        return (out.map(\.0).joined(separator: " "), out.map(\.1))
    }
}
