import Foundation
@testable import WireDiffCLI
import WireDiff

/// The outcome of one run of the tool.
struct ToolResult {
    var code: Int32
    var stdout: String
    var stderr: String
}

/// Runs the tool in-process with captured outputs.
func runTool(_ arguments: [String], stdin: String = "") -> ToolResult {
    let out = CapturedOutput(), err = CapturedOutput()
    let context = ToolContext(stdout: out, stderr: err, standardInput: ByteStream(bytes: Array(stdin.utf8)))
    let code = WireDiffTool.run(arguments: arguments, context: context)
    return ToolResult(code: code, stdout: out.text, stderr: err.text)
}

/// Paths of the repository, its samples and the built binary.
enum Paths {
    /// The repository root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")
    static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var seedsAvailable: Bool { FileManager.default.fileExists(atPath: seeds.path) }

    /// The seed file whose name starts with `prefix` ("001").
    static func seed(_ prefix: String) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        let name = names.sorted().first { $0.hasPrefix(prefix) } ?? prefix
        return seeds.appendingPathComponent(name).path
    }

    /// The `wirediff` executable built beside the test bundle.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("wirediff")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/wirediff")
    }
}

/// Runs the real `wirediff` binary as a user would.
func runBinary(_ arguments: [String], stdin: String? = nil, currentDirectory: URL = Paths.root) throws -> ToolResult {
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = arguments
    process.currentDirectoryURL = currentDirectory
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so neither fills up and blocks the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ToolResult(
        code: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}
