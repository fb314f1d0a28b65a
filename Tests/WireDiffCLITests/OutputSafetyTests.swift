import Foundation
import Testing
@testable import WireDiffCLI

/// Results are never lost or written over something they should not be: the `--output` file,
/// standard output's failures, and interrupted runs (issue 15).
@Suite struct OutputSafetyTests {
    let samples = Paths.samples.path

    func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    // MARK: - The output file

    @Test func plantedLinkAtTheOldTemporaryNameIsNotFollowed() throws {
        let directory = try scratchDirectory("plant")
        let victim = directory.appendingPathComponent("victim.txt").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        // The name the temporary file used to have (`.<name>.tmp-<pid>`), planted as a link.
        let output = directory.appendingPathComponent("out.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(".out.jsonl.tmp-\(getpid())").path, withDestinationPath: victim)
        for temporary in [AtomicFile.Temporary.unnamed, .named] {
            let file = try AtomicFile(path: output, temporary: temporary)
            file.line("result")
            try file.finish()
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
            #expect(try String(contentsOfFile: output, encoding: .utf8) == "result\n")
        }
        let result = runTool(["dedup", "-o", output, samples])
        #expect(result.code == 0)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test func namedTemporaryFileIsPrivateAndFresh() throws {
        let directory = try scratchDirectory("named")
        let output = directory.appendingPathComponent("out.txt").path
        let file = try AtomicFile(path: output, temporary: .named)
        let name = try #require(file.temporaryName)
        #expect(name.hasPrefix(directory.path + "/.out.txt.wirediff-"))
        #expect(try mode(name) == 0o600)
        #expect(TemporaryFiles.registered.contains(name))
        let second = try AtomicFile(path: output, temporary: .named)
        #expect(second.temporaryName != name)
        try file.finish()
        #expect(!FileManager.default.fileExists(atPath: name))
        #expect(!TemporaryFiles.registered.contains(name))
    }

    @Test func unfinishedOutputLeavesNothingBehind() throws {
        let directory = try scratchDirectory("unfinished")
        let output = directory.appendingPathComponent("out.txt").path
        try "earlier\n".write(toFile: output, atomically: false, encoding: .utf8)
        for temporary in [AtomicFile.Temporary.unnamed, .named] {
            do {
                let file = try AtomicFile(path: output, temporary: temporary)
                file.line("half a result")
            }
            #expect(try names(in: directory) == ["out.txt"])
            #expect(try String(contentsOfFile: output, encoding: .utf8) == "earlier\n")
        }
        // A command that fails after opening its output: the earlier result stays.
        let result = runTool(["dedup", "-o", output, directory.appendingPathComponent("missing").path])
        #expect(result.code == 66)
        #expect(try names(in: directory) == ["out.txt"])
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "earlier\n")
    }

    @Test func outputIsStreamedToTheTemporaryFile() throws {
        let directory = try scratchDirectory("stream")
        let output = directory.appendingPathComponent("out.txt").path
        let file = try AtomicFile(path: output)
        let line = String(repeating: "x", count: 1023)
        for _ in 0..<200 { file.line(line) }
        // 200 KiB written: all but the last partial block is already in the file, not in memory.
        let fd = try #require(FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap { name -> Int32? in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)") else { return nil }
            return target.hasPrefix(directory.path + "/") ? Int32(name) : nil
        }.first)
        var info = stat()
        #expect(fstat(fd, &info) == 0)
        #expect(info.st_size >= 3 * 65_536)
        try file.finish()
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)).count == 200 * 1024)
    }

    @Test func existingPermissionsAreKept() throws {
        let directory = try scratchDirectory("mode")
        let output = directory.appendingPathComponent("out.jsonl").path
        try "old\n".write(toFile: output, atomically: false, encoding: .utf8)
        chmod(output, 0o600)
        #expect(runTool(["dedup", "-o", output, samples]).code == 0)
        #expect(try mode(output) == 0o600)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("{\"schema_version\""))
        let fresh = directory.appendingPathComponent("new.jsonl").path
        #expect(runTool(["dedup", "-o", fresh, samples]).code == 0)
        #expect(try mode(fresh) == 0o666 & ~Int(AtomicFile.umaskValue()))
    }

    @Test func symbolicLinkOutputIsFollowed() throws {
        let directory = try scratchDirectory("link")
        let real = directory.appendingPathComponent("real.jsonl").path
        try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
        let link = directory.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.jsonl")
        #expect(runTool(["dedup", "-o", link, samples]).code == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.jsonl")
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("{\"schema_version\""))
        #expect(try names(in: directory) == ["link.jsonl", "real.jsonl"])

        let dangling = directory.appendingPathComponent("dangling.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nowhere/x.jsonl")
        let refused = runTool(["dedup", "-o", dangling, samples])
        #expect(refused.code == 73)
        #expect(refused.stderr.contains("a symbolic link to a missing file"))
    }

    @Test func outputThatIsNotARegularFileIsRefused() throws {
        let directory = try scratchDirectory("special")
        for path in ["/dev/null", "/dev/full", directory.path] where FileManager.default.fileExists(atPath: path) {
            let result = runTool(["dedup", "-o", path, samples])
            #expect(result.code == 73, "\(path)")
            #expect(result.stderr.contains("cannot create '\(path)'"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let missingDirectory = runTool(["diff", "-o", directory.appendingPathComponent("no/such/dir/report.txt").path, "\(samples)/wire.txt", "\(samples)/rewrite-condensed.txt"])
        #expect(missingDirectory.code == 73)
        #expect(missingDirectory.stderr.contains("no such directory"))
    }

    @Test func outputThatIsAnInputIsRefusedBeforeReading() throws {
        let directory = try scratchDirectory("same")
        let corpus = directory.appendingPathComponent("corpus.jsonl").path
        try FileManager.default.copyItem(atPath: "\(samples)/corpus.jsonl", toPath: corpus)
        let before = try Data(contentsOf: URL(fileURLWithPath: corpus))
        let link = directory.appendingPathComponent("alias.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: corpus)
        for (output, arguments) in [(corpus, ["dedup", corpus]), (link, ["dedup", corpus]), (corpus, ["find", "wire", corpus])] {
            let result = runTool(arguments.prefix(1) + ["-o", output] + arguments.dropFirst())
            #expect(result.code == 64, "\(arguments)")
            #expect(result.stderr.contains("writing it would destroy it"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: corpus)) == before)
        }
        // An article a directory argument reads.
        let articles = directory.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        let wire = articles.appendingPathComponent("wire.txt").path
        try FileManager.default.copyItem(atPath: "\(samples)/wire.txt", toPath: wire)
        let inside = runTool(["diff", "-o", wire, articles.path, "\(samples)/rewrite-condensed.txt"])
        #expect(inside.code == 64)
        #expect(try String(contentsOfFile: wire, encoding: .utf8) == String(contentsOfFile: "\(samples)/wire.txt", encoding: .utf8))
        // Standard input redirected from the output file.
        let child = try ChildProcess(["dedup", "--stdin-format", "jsonl", "-o", corpus, "-"],
                                     stdout: FileHandle(forWritingAtPath: "/dev/null")!, stdin: FileHandle(forReadingAtPath: corpus))
        let ended = child.wait()
        #expect(ended.status == 64)
        #expect(ended.stderr.contains("is standard input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: corpus)) == before)
    }

    // MARK: - Standard output

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func fullStandardOutputIsAnError() throws {
        for arguments in [["dedup", samples], ["sentences", "\(samples)/wire.txt"], ["--help"],
                          ["diff", "\(samples)/wire.txt", "\(samples)/rewrite-condensed.txt"]] {
            let child = try ChildProcess(arguments, stdout: FileHandle(forWritingAtPath: "/dev/full")!)
            let ended = child.wait()
            #expect(ended.reason == .exit && ended.status == 74, "\(arguments)")
            #expect(ended.stderr.contains("cannot write standard output: No space left on device"), "\(arguments)")
        }
    }

    @Test func closedStandardOutputIsAnError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec 1>&-; exec \"$0\" dedup \"$1\"", Paths.binary.path, samples]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(stderr.contains("cannot write standard output: it is closed"))
    }

    @Test func readerLeavingEndsTheRunQuietly() throws {
        let child = try ChildProcess(["dedup", samples], stdout: pipeWithoutReader())
        let ended = child.wait()
        #expect(ended.reason == .uncaughtSignal && ended.status == SIGPIPE)
        #expect(ended.stderr.isEmpty)
    }

    @Test func failedWritesAreKept() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let fd = open("/dev/full", O_WRONLY)
        defer { close(fd) }
        let output = FileDescriptorOutput(descriptor: fd, name: "'/dev/full'")
        output.write("some text")
        #expect(output.failure == nil)  // still buffered
        #expect(throws: OutputError.writeFailed(target: "'/dev/full'", reason: "No space left on device")) { try output.finish() }
    }

    // MARK: - Interrupted runs

    /// Starts `dedup -o out.jsonl -` reading a pipe held open (so it waits with its output
    /// open), kills it with `signal`, and checks that only the earlier result is left.
    func interrupt(with signal: Int32, temporary: String) throws {
        let directory = try scratchDirectory("kill")
        let output = directory.appendingPathComponent("out.jsonl").path
        if temporary == "unnamed", signal == SIGKILL, try AtomicFile(path: output, temporary: .unnamed).temporaryName != nil {
            return  // no O_TMPFILE on this file system: the file is named, and SIGKILL cannot be caught
        }
        try "earlier result\n".write(toFile: output, atomically: false, encoding: .utf8)
        let input = Pipe()
        let child = try ChildProcess(["dedup", "-o", output, "-"], stdout: FileHandle(forWritingAtPath: "/dev/null")!,
                                     stdin: input.fileHandleForReading, environment: ["WIREDIFF_TEMPORARY_FILES": temporary])
        #expect(child.waitForOpenFile(in: directory.path))
        if temporary == "named" { #expect(try names(in: directory).count == 2) }
        kill(child.pid, signal)
        let ended = child.wait()
        try input.fileHandleForWriting.close()
        #expect(ended.reason == .uncaughtSignal && ended.status == signal)
        #expect(try names(in: directory) == ["out.jsonl"], "signal \(signal), \(temporary)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "earlier result\n")
    }

    @Test(arguments: [SIGKILL, SIGTERM, SIGINT, SIGHUP])
    func killedRunLeavesNoTemporaryFile(signal: Int32) throws {
        try interrupt(with: signal, temporary: "unnamed")
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func interruptedRunRemovesItsNamedTemporaryFile(signal: Int32) throws {
        try interrupt(with: signal, temporary: "named")
    }
}
