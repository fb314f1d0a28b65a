import Foundation
import WireDiff

/// What the distributed stages (`features`, `plan`, `sketch`, `verify`, `cluster`, `stories`)
/// share: they read records on standard input and write records on standard output, and the
/// stages after `plan` take their detection options from the plan, so that every partition of
/// a run uses the same ones (`Documentation/Distributed.md`).
enum StageOptions {
    static let plan = Option("--plan", "file", .text, help: "The plan `wirediff plan` wrote (its common shingles, band grouping and options).")
    static let threads = Option(
        "--threads", "n", .integer(in: 0...256), default: DetectionOptions.defaults.threads,
        help: "Worker threads (0 = all cores; an engine runs one per task).")
    /// The options of the stages after `plan`.
    static let specs = [plan.spec, threads.spec]

    /// Refuses path arguments: a stage reads standard input.
    static func requireStandardInput(_ arguments: ParsedArguments, stage: String) throws(UsageError) {
        guard arguments.positionals.isEmpty || arguments.positionals == ["-"] else {
            throw UsageError("\(stage) reads its records on standard input, not from '\(arguments.positionals[0])'", hint: "pipe them in, e.g. < records.jsonl")
        }
    }

    /// The plan named by `--plan`, and the detection options it holds (with `--threads`).
    static func read(_ arguments: ParsedArguments) throws -> (plan: StagePlan, options: DedupOptions) {
        guard let path = try arguments.value(Self.plan) else { throw UsageError("--plan is required", hint: "write one with wirediff plan") }
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw FileManager.default.fileExists(atPath: path)
                ? InputError.notReadable(path: path, reason: "cannot read the plan") : InputError.missingFile(path: path)
        }
        let stagePlan = try StagePlan(json: bytes, path: path)
        var options = try DetectionOptions.parse(try ArgumentParser(options: DetectionOptions.specs).parse(stagePlan.arguments))
        options.threads = try arguments.value(Self.threads)
        return (stagePlan, options)
    }

    /// The detection options given on the command line, as arguments (without `--threads`),
    /// for the plan to hand on.
    static func detectionArguments(_ arguments: ParsedArguments) -> [String] {
        DetectionOptions.specs.flatMap { spec -> [String] in
            guard spec != DetectionOptions.threads.spec, arguments.isGiven(spec) else { return [] }
            return arguments.text(spec).map { [spec.name, $0] } ?? [spec.name]
        }
    }
}
