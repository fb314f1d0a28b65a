import Foundation
import WireDiffCLI

/// The benchmarks' command lines, read with the `wirediff` tool's typed options and parser:
/// a bad value or an unknown option is a one-line error and exit 64 (never a silent default),
/// and `--help` lists the options with their defaults.
enum BenchmarkArguments {
    static let help = Flag("--help", short: "-h", help: "Show this help.")

    /// Parses the arguments of benchmark `name` against `options` and reads them with `read`.
    /// `--help` prints `usage`, `about` and the options, and exits 0; a usage error prints
    /// `WireDiffBenchmarks NAME: message` on stderr and exits 64.
    static func parse<T>(
        _ name: String, usage: String, about: String = "", options: [OptionSpec], _ arguments: some Sequence<String>,
        read: (ParsedArguments) throws(UsageError) -> T
    ) -> T {
        do {
            let parsed = try ArgumentParser(options: options + [help.spec]).parse(Array(arguments))
            if parsed.flag(help) {
                print("usage: WireDiffBenchmarks \(name) \(usage)" + (about.isEmpty ? "" : "\n" + about))
                print("\nOPTIONS:\n" + OptionSpec.helpLines(options + [help.spec]), terminator: "")
                exit(0)
            }
            return try read(parsed)
        } catch {
            FileHandle.standardError.write(Data("WireDiffBenchmarks \(name): \(error)\n".utf8))
            exit(64)
        }
    }
}
