import Foundation
import WireDiff

/// What the distributed stages (`features`, `plan`, `sketch`, `verify`, `cluster`, `stories`)
/// share: they read records on standard input and write records on standard output, and the
/// stages after `plan` take their detection options from the plan, so that every partition of
/// a run uses the same ones (`Documentation/Distributed.md`).
enum StageOptions {
    static let planSpec = OptionSpec.value("--plan", "file", help: "The plan `wirediff plan` wrote (its common shingles, band grouping and options).")
    static let threadsSpec = OptionSpec.value("--threads", "n", help: "Worker threads (0 = all cores; an engine runs one per task).", default: "0")

    /// Refuses path arguments: a stage reads standard input.
    static func requireStandardInput(_ arguments: ParsedArguments, stage: String) throws(UsageError) {
        guard arguments.positionals.isEmpty || arguments.positionals == ["-"] else {
            throw UsageError("\(stage) reads its records on standard input, not from '\(arguments.positionals[0])'", hint: "pipe them in, e.g. < records.jsonl")
        }
    }

    /// The plan named by `--plan`, and the detection options it holds (with `--threads`).
    static func plan(_ arguments: ParsedArguments) throws -> (plan: StagePlan, options: DedupOptions) {
        guard let path = arguments.value("--plan") else { throw UsageError("--plan is required", hint: "write one with wirediff plan") }
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw FileManager.default.fileExists(atPath: path)
                ? InputError.notReadable(path: path, reason: "cannot read the plan") : InputError.missingFile(path: path)
        }
        let plan = try StagePlan(json: bytes, path: path)
        var options = try DetectionOptions.parse(try ArgumentParser(options: DetectionOptions.specs).parse(plan.arguments))
        options.threads = try arguments.integer("--threads", default: 0, in: 0...256)
        return (plan, options)
    }

    /// The detection options given on the command line, as arguments (without `--threads`),
    /// for the plan to hand on.
    static func detectionArguments(_ arguments: ParsedArguments) -> [String] {
        DetectionOptions.specs.flatMap { spec -> [String] in
            guard spec.name != "--threads" else { return [] }
            switch spec.arity {
            case .flag: return arguments.flag(spec.name) ? [spec.name] : []
            case .value: return arguments.value(spec.name).map { [spec.name, $0] } ?? []
            }
        }
    }
}
