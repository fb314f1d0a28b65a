import Foundation
import Testing
@testable import WireDiff

/// Standard input is read under the same limits as a file, checked as it streams: binary data
/// after its first 8 KiB, an oversized article as soon as it passes the limit, JSONL a line at
/// a time (issue 15).
@Suite struct CorpusInputLimitTests {
    /// How many bytes of `stream` were never read (all of them read now).
    func unread(_ stream: ByteStream) throws -> Int {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let got = try buffer.withUnsafeMutableBytes { raw in try stream.fill(raw) }
            total += got
            if got < buffer.count { return total }
        }
    }

    static let tenMB = 10 << 20

    @Test func endlessTextOnStandardInputStopsAtTheLimit() throws {
        var options = CorpusReader.Options()
        options.maxRecordBytes = 1000
        let stream = ByteStream(bytes: Array(String(repeating: "word ", count: Self.tenMB / 5).utf8))
        let reader = CorpusReader(options: options, standardInput: stream)
        #expect(throws: InputError.recordTooLarge(path: "<stdin>", line: nil, bytes: nil, limit: 1000)) { try reader.read(paths: ["-"]) }
        #expect(try unread(stream) >= Self.tenMB - 16 << 10)
        #expect(InputError.recordTooLarge(path: "<stdin>", line: nil, bytes: nil, limit: 1000).description
                == "<stdin>: record of more than 1000 bytes exceeds the limit of 1000 bytes")
    }

    @Test(arguments: [CorpusReader.StdinFormat.text, .jsonl])
    func binaryStandardInputIsRefusedAfterItsFirstBlock(format: CorpusReader.StdinFormat) throws {
        var options = CorpusReader.Options()
        options.stdinFormat = format
        let stream = ByteStream(bytes: [UInt8](repeating: 0, count: Self.tenMB))
        let reader = CorpusReader(options: options, standardInput: stream)
        #expect(throws: InputError.binaryFile(path: "<stdin>", byteOffset: 0)) { try reader.read(paths: ["-"]) }
        #expect(try unread(stream) >= Self.tenMB - 8 << 10)
    }

    @Test func jsonlStandardInputIsStreamedLikeAFile() throws {
        let dir = try CorpusTempDir()
        var options = CorpusReader.Options()
        options.maxRecordBytes = 200
        options.stdinFormat = .jsonl
        let lines = [
            #"{"id":"a","text":"first"}"#,
            #"{"id":"b","text":""# + String(repeating: "x", count: 300) + #""}"#,
            "",
            #"{"id":"c","text":"third"}"#,
        ].joined(separator: "\r\n")
        let path = try dir.write("c.jsonl", lines)
        var fromFile: [InputError] = [], fromStdin: [InputError] = []
        options.skipBad = true
        let file = try CorpusReader(options: options).read(paths: [path]) { fromFile.append($0) }
        let stdin = try CorpusReader(options: options, standardInput: ByteStream(bytes: Array(lines.utf8))).read(paths: ["-"]) { fromStdin.append($0) }
        #expect(file.map(\.id) == ["a", "c"])
        #expect(stdin.map(\.id) == file.map(\.id))
        #expect(stdin.map(\.bytes) == file.map(\.bytes))
        #expect(fromStdin == [.recordTooLarge(path: "<stdin>", line: 2, bytes: 320, limit: 200)])
        #expect(fromFile == [.recordTooLarge(path: path, line: 2, bytes: 320, limit: 200)])
    }

    @Test func aTextFieldThatIsTheIDFieldIsRead() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.jsonl", #"{"id":"Crews repaired the bridge on Sunday.","text":"other"}"# + "\n" + #"{"id":7,"text":"x"}"# + "\n")
        var options = CorpusReader.Options()
        options.textField = "id"
        options.skipBad = true
        var reported: [InputError] = []
        let records = try CorpusReader(options: options).read(paths: [path]) { reported.append($0) }
        #expect(records.map(\.text) == ["Crews repaired the bridge on Sunday."])
        #expect(reported == [.wrongFieldType(path: path, line: 2, field: "id", expected: "a string", found: "an integer")])
    }

    @Test func lineReaderRefusesLongLinesInsideABlockToo() throws {
        let text = "short\r\n" + String(repeating: "x", count: 50) + "\n\nok"
        var lines: [(Int, String)] = []
        var reported: [InputError] = []
        try LineReader.forEachLine(of: ByteStream(bytes: Array(text.utf8)), lineLimit: 10, report: { reported.append($0) }) { number, line in
            lines.append((number, String(decoding: line, as: UTF8.self)))
        }
        #expect(lines.map(\.0) == [1, 3, 4])
        #expect(lines.map(\.1) == ["short", "", "ok"])
        #expect(reported == [.recordTooLarge(path: "<stdin>", line: 2, bytes: 50, limit: 10)])
    }
}
