import Foundation

/// A run of the real `wirediff` binary with its standard streams chosen by the test (a file, a
/// pipe without a reader, a pipe held open), so that output failures and signals are what a
/// user would see.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let errorPipe = Pipe()
    private var errorData = Data()
    private let errorRead = DispatchGroup()

    /// Starts `wirediff arguments` with standard output written to `stdout`, standard input read
    /// from `stdin` (`nil`: an empty input), standard error captured, and `environment` added.
    init(_ arguments: [String], stdout: FileHandle, stdin: FileHandle? = nil, environment: [String: String] = [:]) throws {
        process.executableURL = Paths.binary
        process.arguments = arguments
        process.currentDirectoryURL = Paths.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = stdout
        process.standardError = errorPipe
        process.standardInput = stdin ?? FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        errorRead.enter()
        let handle = errorPipe.fileHandleForReading
        DispatchQueue.global().async { [self] in
            errorData = handle.readDataToEndOfFile()
            errorRead.leave()
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits for the end; returns how it ended and its standard error.
    func wait() -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
        process.waitUntilExit()
        errorRead.wait()
        return (process.terminationReason, process.terminationStatus, String(decoding: errorData, as: UTF8.self))
    }

    /// Waits (up to 20 s) until the process holds an open file in `directory`: its output file,
    /// created before any input is read.
    func waitForOpenFile(in directory: String) -> Bool {
        for _ in 0..<400 {
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
            for fd in fds {
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"),
                   target.hasPrefix(directory + "/")
                {
                    return true
                }
            }
            usleep(50_000)
        }
        return false
    }
}

/// A pipe whose read end is closed: every write to it fails with EPIPE (or SIGPIPE).
func pipeWithoutReader() -> FileHandle {
    var fds: [Int32] = [0, 0]
    _ = pipe(&fds)
    close(fds[0])
    return FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
}

/// A fresh empty directory for one test.
func scratchDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
