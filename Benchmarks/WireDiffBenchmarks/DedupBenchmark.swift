import Foundation
import WireDiff
import WireDiffCLI

/// Resident memory per phase: sampled every 2 ms by a background thread, so each phase's
/// transient peak is seen, not only its end state.
final class PhaseMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var phasePeak = 0
    private var samples: [(String, Int)] = []
    private var running = true
    private var lastCPU = ProcessMemory.cpuSeconds()
    /// CPU seconds (all threads) per phase, summed over repeated steps, in first-seen order.
    private(set) var cpu: [(String, Double)] = []

    init() {
        Thread.detachNewThread { [self] in
            while true {
                let current = ProcessMemory.currentBytes()
                lock.lock()
                phasePeak = max(phasePeak, current)
                let go = running
                lock.unlock()
                if !go { return }
                usleep(2000)
            }
        }
    }

    /// Ends a phase: records its peak and starts the next one.
    func record(_ phase: String) {
        let current = ProcessMemory.currentBytes()
        let now = ProcessMemory.cpuSeconds()
        lock.lock()
        if let k = cpu.firstIndex(where: { $0.0 == phase }) { cpu[k].1 += now - lastCPU } else { cpu.append((phase, now - lastCPU)) }
        lastCPU = now
        samples.append((phase, max(phasePeak, current)))
        phasePeak = current
        lock.unlock()
    }

    /// "phase +bytes/doc at its peak" for each phase, relative to `baseline`.
    func summary(baseline: Int, documents: Int) -> String {
        lock.lock()
        running = false
        defer { lock.unlock() }
        var peaks: [(String, Int)] = []
        for (phase, bytes) in samples {
            if let k = peaks.firstIndex(where: { $0.0 == phase }) { peaks[k].1 = max(peaks[k].1, bytes) } else { peaks.append((phase, bytes)) }
        }
        return peaks.map { "\($0.0) \(max(0, $0.1 - baseline) / max(1, documents)) B/doc" }.joined(separator: ", ")
    }
}

/// `WireDiffBenchmarks dedup CORPUS.jsonl [--labels LABELS] [--out CLUSTERS.jsonl] [detection options]`:
/// runs the whole dedup pipeline in-process (read → shingle+sign → index → verify → cluster)
/// and reports per-phase seconds, MB/s, docs/s, peak memory per document beyond the input
/// buffer, and, with labels, pair precision / recall / F1. The detection options are
/// `wirediff dedup`'s, with `--common` and `--bucket` besides.
enum DedupBenchmark {
    static let labels = Option("--labels", "file", .text, help: "Labels TSV (WireDiffBenchmarks generate) for pair precision, recall and F1.")
    static let out = Option("--out", "file", .text, help: "Write the clusters (JSONL: id, cluster) to this file.")
    static let common = Option(
        "--common", "share", .number(in: 0...1), default: DedupOptions().commonShare,
        help: "Share of the articles a shingle must appear in to be left out of sketches.")
    static let bucket = Option(
        "--bucket", "n", .integer(in: 1...1_000_000), default: DedupOptions().maximumBucket,
        help: "Articles in a band bucket beyond which it is linked as a star.")

    static func run(_ arguments: ArraySlice<String>) -> Int32 {
        let (paths, labels, out, options) = BenchmarkArguments.parse(
            "dedup", usage: "<corpus>… [options]", options: [Self.labels.spec, Self.out.spec, Self.common.spec, Self.bucket.spec] + DetectionOptions.specs, arguments
        ) { (parsed) throws(UsageError) in
            var options = try DetectionOptions.parse(parsed)
            options.commonShare = try parsed.value(Self.common)
            options.maximumBucket = try parsed.value(Self.bucket)
            guard !parsed.positionals.isEmpty else { throw UsageError("give a corpus") }
            return (parsed.positionals, try parsed.value(Self.labels), try parsed.value(Self.out), options)
        }
        // The corpus is streamed (Deduplicator.run(reading:)): read and shingle alternate batch
        // by batch and are timed as phases of their own.
        let baseline = ProcessMemory.currentBytes()
        let records: [CorpusRecord]
        let result: Deduplicator.Result
        let rss = PhaseMemory()
        do {
            var deduplicator = Deduplicator(options: options)
            deduplicator.onPhase = { phase in rss.record(phase) }
            (records, result) = try deduplicator.run(reading: paths)
            print("memory peak per phase, above the baseline: " + rss.summary(baseline: baseline, documents: records.count))
        } catch {
            FileHandle.standardError.write(Data("dedup: \(error)\n".utf8))
            return 65
        }
        let peak = ProcessMemory.peakBytes()
        let stats = result.statistics
        let mb = Double(stats.bytes) / 1e6
        let total = stats.phases.reduce(0) { $0 + $1.seconds }
        print("documents \(stats.documents), \(String(format: "%.1f", mb)) MB, threads \(Parallel.threadCount(options.threads)), lsh \(options.effectiveLSH) over \(options.permutations) permutations per sentence")
        // Wall seconds, CPU seconds (all threads: the work, whatever else the machine runs),
        // and throughput on both.
        func cpuSeconds(_ phase: String) -> Double { rss.cpu.first { $0.0 == phase }?.1 ?? 0 }
        print(String(format: "%-15@ %8@ %8@ %10@ %10@ %10@", "phase" as NSString, "seconds" as NSString, "cpu s" as NSString,
                     "MB/s" as NSString, "MB/cpu-s" as NSString, "docs/s" as NSString))
        func row(_ name: String, _ seconds: Double, _ cpuSeconds: Double) {
            print(String(format: "%-15@ %8.3f %8.3f %10.1f %10.1f %10.0f", name as NSString, seconds, cpuSeconds,
                         mb / seconds, mb / cpuSeconds, Double(stats.documents) / seconds))
        }
        for (name, seconds) in stats.phases { row(name, seconds, cpuSeconds(name)) }
        let totalCPU = rss.cpu.reduce(0) { $0 + $1.1 }
        row("dedup (no read)", total - stats.seconds(of: "read"), totalCPU - cpuSeconds("read"))
        row("total", total, totalCPU)
        print("postings \(stats.postings) (\(stats.postings * 2 / max(1, stats.documents)) B/doc), band entries \(stats.bandEntries), candidate pairs \(stats.candidatePairs), verified \(stats.verifiedPairs), rewrites \(stats.rewritePairs), stories \(stats.clusters)")
        // The text is never all in memory: everything above the baseline is the run's own
        // (features, index, one batch of text).
        print(String(format: "memory: baseline %.0f MB, peak %.0f MB; %.0f bytes/document above the baseline, text included",
                     Double(baseline) / 1e6, Double(peak) / 1e6, Double(max(0, peak - baseline)) / Double(max(1, stats.documents))))
        if let out {
            var text = ""
            for (i, record) in records.enumerated() {
                let a = result.assignments[i]
                text += JSONValue.object(["id": .string(record.id), "cluster": .int(a.cluster), "representative": .string(records[a.representative].id)]).serialized + "\n"
            }
            try? text.write(toFile: out, atomically: true, encoding: .utf8)
        }
        if let labels, let out {
            return CorpusCommands.evaluate(["--labels", labels, "--clusters", out])
        }
        return 0
    }
}
