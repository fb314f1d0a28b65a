import WireDiffCLI

/// The options of the archive benchmark (``ArchiveBenchmark``).
enum ArchiveBenchmarkOptions {
    static let work = Option("--work", "dir", .text, help: "Directory for the split corpus and the archive (delete it afterwards).")
    static let add = Option("--add", "n", .integer(in: 1...100_000_000), default: 10_000, help: "Documents per addition.")
    static let adds = Option("--adds", "k", .integer(in: 0...10_000), default: 1, help: "Additions after the base.")
    static let queries = Option("--queries", "q", .integer(in: 0...1_000_000), default: 200, help: "Stories found in process, warm and cold.")
    static let cli = Option("--cli", "c", .integer(in: 0...10_000), default: 20, help: "Runs of the wirediff find --index command.")
    static let reuse = Flag(
        "--reuse", help: "Measure find on DIR/archive.wda and DIR/stories.jsonl of an earlier run; skip the split, create and add.")
    static let specs = [work.spec, add.spec, adds.spec, queries.spec, cli.spec, reuse.spec, DetectionOptions.threads.spec]
}
