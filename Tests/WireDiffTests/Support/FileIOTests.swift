import Foundation
import Testing
@testable import WireDiff

/// ``FileIO``: whole writes and reads, at an offset and at the position, through short
/// transfers and signals, and the `errno` of a failure.
@Suite struct FileIOTests {
    /// A temporary file's descriptor, opened for reading and writing, removed afterwards.
    func withTemporaryFile(_ body: (Int32) throws -> Void) rethrows {
        let path = NSTemporaryDirectory() + "fileio-\(UUID().uuidString)"
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        precondition(fd >= 0, "cannot create \(path)")
        defer { close(fd); unlink(path) }
        try body(fd)
    }

    @Test func writesAndReadsEverythingAtOffsetsAndAtThePosition() {
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        withTemporaryFile { fd in
            #expect(bytes.withUnsafeBytes { FileIO.writeAll(fd, $0) } == nil)
            #expect(bytes.withUnsafeBytes { FileIO.writeAll(fd, UnsafeRawBufferPointer(rebasing: $0[0..<10]), at: 1_000) } == nil)
            var expected = bytes
            expected.replaceSubrange(1_000..<1_010, with: bytes[0..<10])
            var read = [UInt8](repeating: 0, count: bytes.count + 50)
            let atOffset = read.withUnsafeMutableBytes { FileIO.readAll(fd, into: $0, at: 0) }
            #expect(atOffset.count == bytes.count && atOffset.error == nil)  // fewer than asked: the end
            #expect(Array(read[0..<bytes.count]) == expected)
            lseek(fd, 299_990, SEEK_SET)
            let atPosition = read.withUnsafeMutableBytes { FileIO.readAll(fd, into: $0) }
            #expect(atPosition.count == 10 && Array(read[0..<10]) == Array(expected[299_990...]))
            #expect([UInt8]().withUnsafeBytes { FileIO.writeAll(fd, $0) } == nil)
        }
    }

    @Test func reportsTheErrnoOfAFailure() {
        let bytes: [UInt8] = [1, 2, 3]
        #expect(bytes.withUnsafeBytes { FileIO.writeAll(-1, $0) } == EBADF)
        var buffer = [UInt8](repeating: 0, count: 4)
        let read = buffer.withUnsafeMutableBytes { FileIO.readAll(-1, into: $0, at: 0) }
        #expect(read.count == 0 && read.error == EBADF)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        #expect(bytes.withUnsafeBytes { FileIO.writeAll(ends[1], $0) } == EPIPE)  // the reader went away
        close(ends[1])
    }

    #if canImport(Glibc)
    /// A read that a signal interrupts (`EINTR`, no `SA_RESTART`) goes on, and a pipe's bytes
    /// arriving in pieces are read until the buffer is full.
    @Test func goesOnAfterASignalAndShortReads() {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        var action = sigaction(), previous = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns EINTR
        sigaction(SIGUSR2, &action, &previous)
        defer { sigaction(SIGUSR2, &previous, nil) }
        let reader = pthread_self()
        let writer = ends[1]
        let thread = Thread {
            usleep(50_000)
            pthread_kill(reader, SIGUSR2)
            for piece: UInt8 in 1...4 {
                usleep(20_000)
                _ = [piece, piece].withUnsafeBytes { FileIO.writeAll(writer, $0) }
            }
            close(writer)
        }
        thread.start()
        var buffer = [UInt8](repeating: 0, count: 8)
        let read = buffer.withUnsafeMutableBytes { FileIO.readAll(ends[0], into: $0) }
        #expect(read.error == nil && read.count == 8)
        #expect(buffer == [1, 1, 2, 2, 3, 3, 4, 4])
    }
    #endif
}
