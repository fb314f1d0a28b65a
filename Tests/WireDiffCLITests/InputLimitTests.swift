import Foundation
import Testing
@testable import WireDiffCLI

/// The small input findings of issue 15, through the real binary or the in-process tool.
@Suite struct InputLimitTests {
    @Test func zerosOnStandardInputAreBinary() throws {
        for arguments in [["sentences", "-"], ["dedup", "--stdin-format", "jsonl", "-"], ["pairs", "-"]] {
            let child = try ChildProcess(arguments, stdout: FileHandle(forWritingAtPath: "/dev/null")!, stdin: FileHandle(forReadingAtPath: "/dev/zero"))
            let ended = child.wait()
            #expect(ended.reason == .exit && ended.status == 65, "\(arguments)")
            #expect(ended.stderr.contains("<stdin>: binary file, not text (control byte at byte offset 0)"), "\(arguments)")
        }
    }

    @Test func pairsOnEmptyInputIsAnError() throws {
        for input in ["", "\n  \n\t\n"] {
            let result = runTool(["pairs", "-"], stdin: input)
            #expect(result.code == 65)
            #expect(result.stderr == "wirediff pairs: <stdin>: empty file, no text to read\n")
        }
    }

    @Test func pairsOnADirectorySaysSo() throws {
        let directory = try scratchDirectory("pairs-dir")
        let result = runTool(["pairs", directory.path])
        #expect(result.code == 66)
        #expect(result.stderr == "wirediff pairs: \(directory.path): cannot read: is a directory\n")
    }

    @Test func textFieldNamedLikeTheIDFieldIsNotMissing() throws {
        let directory = try scratchDirectory("textfield")
        let corpus = directory.appendingPathComponent("c.jsonl").path
        try #"{"id":12,"text":"The council approved the budget on Monday."}"#.appending("\n").write(toFile: corpus, atomically: false, encoding: .utf8)
        let result = runTool(["sentences", "--text-field", "id", corpus])
        #expect(result.code == 65)
        #expect(result.stderr.contains("field \"id\" must be a string, found an integer"))
        #expect(!result.stderr.contains("missing field"))
    }
}

/// `find` with a story file: only that file is the story itself (issue 15).
@Suite struct FindStoryTests {
    @Test func byteIdenticalCopyUnderAnotherNameIsFound() throws {
        let directory = try scratchDirectory("find-copy")
        for name in ["wire.txt", "different-story.txt"] {
            try FileManager.default.copyItem(atPath: sample(name), toPath: directory.appendingPathComponent(name).path)
        }
        try FileManager.default.copyItem(atPath: sample("wire.txt"), toPath: directory.appendingPathComponent("copy-of-wire.txt").path)
        let story = directory.appendingPathComponent("wire.txt").path
        let result = runTool(["find", "--format", "jsonl", story, directory.path])
        #expect(result.code == 0)
        #expect(result.stdout.contains("\"id\":\"copy-of-wire.txt\""))
        #expect(!result.stdout.contains("\"id\":\"wire.txt\""))
        #expect(result.stderr == "wirediff find: 1 rewrite of \(story) among 2 documents\n")
    }

    @Test func countsOnStdoutAndStderrAgree() throws {
        let result = runTool(["find", sample("different-story.txt"), Paths.samples.path])
        #expect(result.code == 1)
        #expect(result.stdout.contains("found among 5 documents"))
        #expect(result.stderr.contains("among 5 documents"))
    }
}

/// `pairs` refuses a line that would cost minutes to score (issue 15).
@Suite struct PairsLineLimitTests {
    @Test func aLineOver64KiBIsRefused() {
        let long = (0..<7_000).map { "w\($0)" }.joined(separator: " ")
        let input = "a dam leaks\tthe dam leaks\t1\n\(long)\t\(long)\t0\n"
        let result = runTool(["pairs", "-"], stdin: input)
        #expect(result.code == 65)
        #expect(result.stderr.contains("<stdin>:2: record of \(long.utf8.count * 2 + 3) bytes exceeds the limit of 65536 bytes"))
        let skipped = runTool(["pairs", "--skip-bad", "-"], stdin: input)
        #expect(skipped.code == 0)
        #expect(skipped.stdout.split(separator: "\n").count == 1)
    }
}
