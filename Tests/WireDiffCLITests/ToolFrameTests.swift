import Foundation
import Testing
@testable import WireDiffCLI

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
        let parser = ArgumentParser(options: [
            .value("--format", short: "-f", "f", help: ""), .flag("--skip-bad", help: ""),
        ])
        let parsed = try parser.parse(["a", "--format=json", "-", "--skip-bad", "--", "--b"])
        #expect(parsed.value("--format") == "json")
        #expect(parsed.flag("--skip-bad"))
        #expect(parsed.positionals == ["a", "-", "--b"])
        #expect(try parser.parse(["-f", "text"]).value("--format") == "text")
        #expect(throws: UsageError.self) { try parser.parse(["--format"]) }
        #expect(throws: UsageError.self) { try parser.parse(["--skip-bad=1"]) }
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
