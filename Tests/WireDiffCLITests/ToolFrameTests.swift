import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

@Suite struct ToolFrameTests {
    @Test func helpListsSubcommands() {
        let result = runTool(["--help"])
        #expect(result.code == 0)
        #expect(result.stdout.contains("OVERVIEW:"))
        #expect(result.stdout.contains("USAGE: wirediff <subcommand>"))
        #expect(result.stdout.contains("sentences"))
    }

    @Test func noArgumentsIsAUsageError() {
        let result = runTool([])
        #expect(result.code == 64)
        #expect(result.stderr.contains("USAGE"))
    }

    @Test func versionPrintsVersion() {
        let result = runTool(["--version"])
        #expect(result.code == 0)
        #expect(result.stdout == "wirediff \(WireDiffTool.version)\n")
    }

    @Test func unknownCommandSuggestsClosest() {
        let result = runTool(["sentence", "x"])
        #expect(result.code == 64)
        #expect(result.stderr.contains("unknown command 'sentence'"))
        #expect(result.stderr.contains("did you mean 'sentences'"))
    }

    @Test func unknownOptionIsRejectedWithHint() {
        let result = runTool(["sentences", "--fromat", "json", "x.txt"])
        #expect(result.code == 64)
        #expect(result.stderr.contains("unknown option '--fromat'"))
        #expect(result.stderr.contains("did you mean '--format'"))
        #expect(result.stderr.split(separator: "\n").count == 2)  // message + usage line
    }

    @Test func badOptionValueIsAUsageError() {
        let result = runTool(["sentences", "--format", "yaml", "x.txt"])
        #expect(result.code == 64)
        #expect(result.stderr.contains("--format must be one of text, json"))
    }

    @Test func subcommandHelp() {
        let result = runTool(["sentences", "--help"])
        #expect(result.code == 0)
        #expect(result.stdout.contains("USAGE: wirediff sentences"))
        #expect(result.stdout.contains("--format <format>"))
        #expect(runTool(["help", "sentences"]).stdout == result.stdout)
    }

    @Test func helpForAnUnknownCommandIsAUsageError() {
        let result = runTool(["help", "sentence"])
        #expect(result.code == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown command 'sentence'"))
        #expect(result.stderr.contains("did you mean 'sentences'"))
        #expect(runTool(["help", "sentences", "extra"]).code == 64)
    }

    @Test func helpAfterDoubleDashIsAFileName() {
        // "--" ends the options: a file named "--help" is read, not the help printed.
        let result = runTool(["sentences", "--", "--help"])
        #expect(result.code == 66)
        #expect(!result.stdout.contains("USAGE"))
        #expect(result.stderr.contains("--help"))
        #expect(runTool(["sentences", "-h"]).stdout.contains("USAGE: wirediff sentences"))
    }

    @Test func argumentParserForms() throws {
        let format = Option("--format", short: "-f", "f", .choice(["text", "json"]), default: "text", help: "")
        let skipBad = Flag("--skip-bad", help: "")
        let parser = ArgumentParser(options: [format.spec, skipBad.spec])
        let parsed = try parser.parse(["a", "--format=json", "-", "--skip-bad", "--", "--b"])
        #expect(try parsed.value(format) == "json")
        #expect(parsed.flag(skipBad))
        #expect(parsed.positionals == ["a", "-", "--b"])
        #expect(try parser.parse(["-f", "json"]).value(format) == "json")
        #expect(try parser.parse([]).value(format) == "text")
        #expect(!(try parser.parse([]).flag(skipBad)))
        #expect(throws: UsageError.self) { try parser.parse(["--format"]) }
        #expect(throws: UsageError.self) { try parser.parse(["--skip-bad=1"]) }
    }

    @Test func typedOptionsParseValidateAndNameTheBadValue() throws {
        let count = Option("--count", "n", .integer(in: 1...9), default: 3, help: "")
        let limit = Option("--limit", "x", .number(in: 0...1), help: "")
        let seed = Option("--seed", "n", .unsigned, default: 1, help: "")
        let stdin = Option("--stdin-format", "format", .choice, default: CorpusReader.StdinFormat.text, help: "")
        let parser = ArgumentParser(options: [count.spec, limit.spec, seed.spec, stdin.spec])
        let none = try parser.parse([])
        #expect(try none.value(count) == 3)
        #expect(try none.value(limit) == nil)
        #expect(try none.value(count, else: 7) == 7)
        let given = try parser.parse(["--count", "9", "--limit=0.5", "--seed", "18446744073709551615", "--stdin-format", "jsonl"])
        #expect(try given.value(count) == 9)
        #expect(try given.value(limit) == 0.5)
        #expect(try given.value(seed) == .max)
        #expect(try given.value(stdin) == .jsonl)
        #expect(given.isGiven(count.spec) && !none.isGiven(count.spec))
        let bad: [([String], String)] = [
            (["--count", "10"], "--count takes a whole number from 1 to 9, got '10'"),
            (["--count", "x"], "--count takes a whole number from 1 to 9, got 'x'"),
            (["--limit", "nan"], "--limit takes a number from 0.0 to 1.0, got 'nan'"),
            (["--seed", "-1"], "--seed takes a whole number ≥ 0, got '-1'"),
            (["--stdin-format", "csv"], "--stdin-format must be one of text, jsonl, got 'csv'"),
        ]
        for (arguments, message) in bad {
            let parsed = try parser.parse(arguments)
            #expect(throws: UsageError(message)) {
                _ = try parsed.value(count)
                _ = try parsed.value(limit)
                _ = try parsed.value(seed)
                _ = try parsed.value(stdin)
            }
        }
    }

    /// The defaults in `--help` are the library's option structs' (a default changed there
    /// shows in the help with no edit to the CLI).
    @Test func helpShowsTheLibrarysDefaults() {
        func defaults(_ command: String) -> [String: String] {
            var found: [String: String] = [:]
            for line in runTool([command, "--help"]).stdout.split(separator: "\n") {
                guard let name = line.split(separator: " ").first(where: { $0.hasPrefix("--") }),
                      let open = line.range(of: "(default: ", options: .backwards) else { continue }
                found[String(name)] = String(line[open.upperBound...].dropLast())
            }
            return found
        }
        let detection = DedupOptions(), reader = CorpusReader.Options()
        for command in ["dedup", "find", "explain", "index", "features", "plan"] {
            let shown = defaults(command)
            #expect(shown["--min-score"] == "\(detection.minimumScore)", "\(command)")
            #expect(shown["--threshold"] == "\(detection.sentenceThreshold)", "\(command)")
            #expect(shown["--shingles"] == DetectionOptions.shingleName(detection.shingleKind).name, "\(command)")
            #expect(shown["--shingle-size"]?.hasPrefix("\(detection.shingleKind.k) for content") == true, "\(command)")
            #expect(shown["--permutations"] == "\(detection.permutations)", "\(command)")
            #expect(shown["--shared-keys"] == "\(detection.minimumSharedKeys)", "\(command)")
            #expect(shown["--seed"] == "\(detection.seed)", "\(command)")
            #expect(shown["--threads"] == "\(detection.threads)", "\(command)")
            #expect(shown["--id-field"] == (command == "plan" ? nil : reader.idField), "\(command)")
            #expect(shown["--text-field"] == (command == "plan" ? nil : reader.textField), "\(command)")
            #expect(shown["--date-field"] == (command == "plan" ? nil : reader.dateField), "\(command)")
        }
        for command in ["sentences", "dedup", "find", "explain", "index", "diff"] {
            #expect(defaults(command)["--stdin-format"] == reader.stdinFormat.rawValue, "\(command)")
        }
        let diff = defaults("diff")
        #expect(diff["--threshold"] == "\(AlignmentOptions().linkThreshold)")
        #expect(diff["--max-sentence-pairs"] == "\(Differ.defaultMaximumSentencePairs)")
        #expect(diff["--max-word-pairs"] == "\(Differ.defaultMaximumWordPairs)")
        for command in ["sketch", "verify", "cluster"] {
            #expect(defaults(command)["--threads"] == "\(detection.threads)", "\(command)")
        }
    }

    @Test func binaryRunsAndExitCodes() throws {
        let version = try runBinary(["--version"])
        #expect(version.code == 0)
        #expect(version.stdout.hasPrefix("wirediff "))
        let bad = try runBinary(["sentences", "--nope"])
        #expect(bad.code == 64)
        #expect(bad.stdout.isEmpty)
        #expect(!bad.stderr.contains("Fatal error"))
    }
}
