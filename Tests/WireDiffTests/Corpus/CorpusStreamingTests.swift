import Foundation
import Testing
@testable import WireDiff

/// JSONL files are streamed in blocks (`CorpusReader.jsonlFileRecords`); these tests use tiny
/// blocks so records, CRLFs and long lines straddle block boundaries, and check that the
/// result is what the whole-buffer parse (`jsonlRecords(_:path:report:)`) gives.
@Suite struct CorpusStreamingTests {
    /// Records and reports of a read that skips bad lines, or the error of one that stops.
    enum Outcome: Equatable {
        case read(records: [CorpusRecord], reported: [InputError])
        case failed(InputError)
    }

    static func streamed(_ path: String, blockBytes: Int, options: CorpusReader.Options = .init(), skipping: Bool = true) -> Outcome {
        let reader = CorpusReader(options: options)
        var reported: [InputError] = []
        do throws(InputError) {
            let records = skipping
                ? try reader.jsonlFileRecords(path: path, blockBytes: blockBytes) { reported.append($0) }
                : try reader.jsonlFileRecords(path: path, blockBytes: blockBytes)
            return .read(records: records, reported: reported)
        } catch {
            return .failed(error)
        }
    }

    static func whole(_ bytes: [UInt8], path: String, options: CorpusReader.Options = .init(), skipping: Bool = true) -> Outcome {
        let reader = CorpusReader(options: options)
        var reported: [InputError] = []
        do throws(InputError) {
            let records = skipping
                ? try reader.jsonlRecords(bytes, path: path) { reported.append($0) }
                : try reader.jsonlRecords(bytes, path: path)
            return .read(records: records, reported: reported)
        } catch {
            return .failed(error)
        }
    }

    static func line(_ id: String, _ text: String) -> String { #"{"id":"\#(id)","text":"\#(text)"}"# }

    /// A file with every awkward case: BOM, CRLF, blank and whitespace lines, a line over the
    /// limit (LF, CRLF and at the end of the file), a long line under it, a blank line over it,
    /// bad UTF-8, malformed JSON, a mid-file BOM, no final newline.
    static func trickyFile() -> [UInt8] {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        func add(_ s: String) { bytes += Array(s.utf8) }
        add(line("a", "first") + "\r\n")
        add("\n   \t\n\r\n")
        add(line("b", String(repeating: "long ", count: 30)) + "\n")          // 170 bytes: under 200
        add(line("c", String(repeating: "x", count: 300)) + "\r\n")          // over the limit
        add(line("d", "after the long one") + "\n")
        add(String(repeating: " ", count: 500) + "\r\n")                       // blank, over the limit
        add(#"{"id":"e","text":"bad "#)
        bytes += [0xC0, 0xAF]
        add("\"}\n")
        add(#"{"id":"f","text":"unterminated}"# + "\r\n")
        bytes += [0xEF, 0xBB, 0xBF]
        add(line("g", "mid-file BOM") + "\n")
        for k in 0..<12 { add(line("h\(k)", String(repeating: "é", count: (k + 1) * 7)) + (k % 3 == 0 ? "\r\n" : "\n")) }
        add(line("i", String(repeating: "y", count: 180)) + "\r\n")            // exactly at the limit, plus its CR
        add(line("j", String(repeating: "z", count: 250)) + "\r")              // over the limit at the end, CR last
        return bytes
    }

    static var limit200: CorpusReader.Options {
        var options = CorpusReader.Options()
        options.maxRecordBytes = 200
        return options
    }

    @Test(arguments: [16, 17, 31, 64, 100, 127, 199, 200, 201, 202, 257, 1000, 1 << 20])
    func streamingMatchesTheWholeBufferParse(blockBytes: Int) throws {
        let dir = try CorpusTempDir()
        let bytes = Self.trickyFile()
        let path = try dir.write("t.jsonl", bytes)
        let expected = Self.whole(bytes, path: path, options: Self.limit200)
        #expect(Self.streamed(path, blockBytes: blockBytes, options: Self.limit200) == expected)
        #expect(Self.streamed(path, blockBytes: blockBytes, options: Self.limit200, skipping: false)
            == Self.whole(bytes, path: path, options: Self.limit200, skipping: false))
        // And what that is, spelled out.
        guard case .read(let records, let reported) = expected else { Issue.record("expected records"); return }
        #expect(records.map(\.id) == ["a", "b", "d"] + (0..<12).map { "h\($0)" } + ["i"])
        #expect(records.map(\.source) == [1, 5, 7].map { "\(path):\($0)" } + (0..<12).map { "\(path):\(12 + $0)" } + ["\(path):24"])
        let eOffset = bytes.count - bytes.drop { $0 != 0xC0 }.count
        #expect(reported == [
            .recordTooLarge(path: path, line: 6, bytes: 300 + 20, limit: 200),
            .invalidUTF8(path: path, line: 9, byteOffset: eOffset),
            .malformedJSON(path: path, line: 10, column: 18, reason: "unterminated string"),
            .malformedJSON(path: path, line: 11, column: 1, reason: "expected a value, found byte 0xEF"),
            .recordTooLarge(path: path, line: 25, bytes: 250 + 20, limit: 200),
        ])
    }

    static func reason(_ error: InputError) -> String {
        if case .malformedJSON(_, _, _, let reason) = error { return reason }
        return ""
    }

    @Test func recordsSpanningBlockBoundariesKeepTheirLineNumbers() throws {
        let dir = try CorpusTempDir()
        let lines = (0..<50).map { Self.line("doc\($0)", "Text number \($0), of some length.") }
        let path = try dir.write("c.jsonl", lines.joined(separator: "\n") + "\n")
        guard case .read(let records, let reported) = Self.streamed(path, blockBytes: 64) else {
            Issue.record("expected records"); return
        }
        #expect(reported.isEmpty)
        #expect(records.map(\.id) == (0..<50).map { "doc\($0)" })
        #expect(records.map(\.text) == (0..<50).map { "Text number \($0), of some length." })
        #expect(records.map(\.source) == (1...50).map { "\(path):\($0)" })
    }

    @Test func errorsAfterSeveralBlocksNameTheirLineAndFileOffset() throws {
        let dir = try CorpusTempDir()
        var text = ""
        for k in 0..<30 { text += Self.line("d\(k)", "Some text \(k).") + "\n" }
        let malformedLine = 31
        let badLine = #"{"id":"bad","text":}"#
        text += badLine + "\n"
        let path = try dir.write("c.jsonl", text)
        #expect(Self.streamed(path, blockBytes: 64, skipping: false)
            == .failed(.malformedJSON(path: path, line: malformedLine, column: 20, reason: Self.reasonFor(badLine))))
        // Bad UTF-8 in a later block: the offset is the offset in the file.
        let prefix = Array(text.utf8.prefix(text.utf8.count - badLine.utf8.count - 1))   // lines 1-30
        let bad = try dir.write("u.jsonl", prefix + Array(#"{"id":"u","text":"ab"#.utf8) + [0xFF] + Array("\"}\n".utf8))
        #expect(Self.streamed(bad, blockBytes: 64, skipping: false)
            == .failed(.invalidUTF8(path: bad, line: 31, byteOffset: prefix.count + 20)))
    }

    static func reasonFor(_ line: String) -> String {
        do {
            _ = try CorpusReader().jsonlRecords(Array(line.utf8), path: "x")
        } catch {
            return reason(error)
        }
        return ""
    }

    @Test func aLineLongerThanTheBlockButUnderTheLimitIsRead() throws {
        let dir = try CorpusTempDir()
        let long = String(repeating: "word ", count: 2_000)
        let path = try dir.write("c.jsonl", Self.line("s", "short") + "\n" + Self.line("l", long) + "\n" + Self.line("t", "tail"))
        #expect(Self.streamed(path, blockBytes: 64) == .read(records: [
            CorpusRecord(id: "s", bytes: Array("short".utf8), source: path + ":1"),
            CorpusRecord(id: "l", bytes: Array(long.utf8), source: path + ":2"),
            CorpusRecord(id: "t", bytes: Array("tail".utf8), source: path + ":3"),
        ], reported: []))
    }

    @Test func aLineOverTheLimitIsRecordTooLargeWithItsFullLength() throws {
        let dir = try CorpusTempDir()
        let huge = Self.line("h", String(repeating: "x", count: 5_000))
        let path = try dir.write("c.jsonl", Self.line("a", "ok") + "\n" + huge + "\r\n" + Self.line("b", "after") + "\n")
        var options = CorpusReader.Options()
        options.maxRecordBytes = 100
        let tooLarge = InputError.recordTooLarge(path: path, line: 2, bytes: huge.utf8.count, limit: 100)
        #expect(Self.streamed(path, blockBytes: 64, options: options, skipping: false) == .failed(tooLarge))
        #expect(Self.streamed(path, blockBytes: 64, options: options) == .read(records: [
            CorpusRecord(id: "a", bytes: Array("ok".utf8), source: path + ":1"),
            CorpusRecord(id: "b", bytes: Array("after".utf8), source: path + ":3"),
        ], reported: [tooLarge]))
    }

    @Test(arguments: 16...80)
    func crlfSplitAcrossBlocks(blockBytes: Int) throws {
        // A line of exactly the limit plus CRLF is accepted wherever the block boundary falls
        // (the CR is not part of the record); one byte more is refused, naming its length.
        let dir = try CorpusTempDir()
        let first = Self.line("a", "x")
        let atLimit = Self.line("b", String(repeating: "y", count: 40))
        let over = Self.line("c", String(repeating: "z", count: 41))
        let path = try dir.write("c.jsonl", first + "\r\n" + atLimit + "\r\n" + over + "\r\n")
        var options = CorpusReader.Options()
        options.maxRecordBytes = atLimit.utf8.count
        #expect(Self.streamed(path, blockBytes: blockBytes, options: options) == .read(records: [
            CorpusRecord(id: "a", bytes: Array("x".utf8), source: path + ":1"),
            CorpusRecord(id: "b", bytes: Array(String(repeating: "y", count: 40).utf8), source: path + ":2"),
        ], reported: [.recordTooLarge(path: path, line: 3, bytes: over.utf8.count, limit: atLimit.utf8.count)]))
    }

    @Test func bomIsSkippedAtTheFileStartOnly() throws {
        let dir = try CorpusTempDir()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let path = try dir.write("c.jsonl", bom + Array((Self.line("a", "first") + "\n").utf8) + bom + Array(Self.line("b", "second").utf8))
        let outcome = Self.streamed(path, blockBytes: 16)
        guard case .read(let records, let reported) = outcome else { Issue.record("expected records"); return }
        #expect(records == [CorpusRecord(id: "a", bytes: Array("first".utf8), source: path + ":1")])
        #expect(reported.map(\.location) == [path + ":2:1"])
        #expect(outcome == Self.whole(try Array(Data(contentsOf: URL(fileURLWithPath: path))), path: path))
    }

    @Test func emptyBinaryAndUTF16FilesAreRecognizedBeyondTheFirstBlock() throws {
        let dir = try CorpusTempDir()
        let empty = try dir.write("e.jsonl", [0xEF, 0xBB, 0xBF] + Array("\n  \r\n\t\n".utf8) + Array(repeating: 0x20, count: 300))
        #expect(Self.streamed(empty, blockBytes: 16) == .failed(.emptyFile(path: empty)))
        let nothing = try dir.write("n.jsonl", [])
        #expect(Self.streamed(nothing, blockBytes: 16) == .failed(.emptyFile(path: nothing)))
        // The binary check looks at the first 8 KiB, not at the first block.
        let binary = try dir.write("b.jsonl", Array((Self.line("a", "ok") + "\n").utf8) + Array(repeating: 0x41, count: 80) + [0])
        #expect(Self.streamed(binary, blockBytes: 16) == .failed(.binaryFile(path: binary, byteOffset: 103)))
        let utf16 = try dir.write("w.jsonl", [0xFF, 0xFE] + Array("{\0}\0".utf8))
        #expect(Self.streamed(utf16, blockBytes: 16) == .failed(.unsupportedEncoding(path: utf16, encoding: "UTF-16LE")))
    }

    @Test func largeFileInBigBlocksMatchesTheWholeBufferParse() throws {
        // Blocks of 5 MiB: the first is parsed in parallel chunks, the rest sequentially.
        let dir = try CorpusTempDir()
        let (bytes, _, _) = CorpusReaderTests.largeJSONL()
        let path = try dir.write("big.jsonl", bytes)
        let expected = Self.whole(bytes, path: path)
        #expect(Self.streamed(path, blockBytes: 5 << 20) == expected)
        #expect(Self.streamed(path, blockBytes: 1 << 20) == expected)
        #expect(Self.streamed(path, blockBytes: 5 << 20, skipping: false) == Self.whole(bytes, path: path, skipping: false))
    }
}

/// `CorpusReader.read(paths:batchBytes:onSkip:batch:)`: batches in input order that add up to
/// what a whole read gives, across text-file windows and JSONL blocks.
@Suite struct CorpusBatchTests {
    static func directory(files: Int) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-batch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for k in 0..<files {
            try "Article \(k) says the port reopened on Monday.\n".write(toFile: "\(dir)/\(String(format: "%05d", k)).txt", atomically: false, encoding: .utf8)
        }
        return dir
    }

    @Test func batchesAddUpToTheWholeReadInOrder() throws {
        // More files than one window of text files, then a JSONL file of many blocks.
        let dir = try Self.directory(files: CorpusReader.textFileWindow + 100)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let jsonl = dir + "/../" + UUID().uuidString + ".jsonl"
        try (0..<500).map { #"{"id":"j\#($0)","text":"Line \#($0) of the feed."}"# }.joined(separator: "\n").write(toFile: jsonl, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: jsonl) }
        let whole = try CorpusReader().read(paths: [dir, jsonl])
        var batches: [[CorpusRecord]] = []
        try CorpusReader().read(paths: [dir, jsonl], batchBytes: 4096, onSkip: { _ in }) { batches.append($0) }
        #expect(batches.joined().map(\.id) == whole.map(\.id))
        #expect(Array(batches.joined()) == whole)
        // Every batch but the last holds at least batchBytes of text.
        for batch in batches.dropLast() { #expect(batch.reduce(0) { $0 + $1.bytes.count } >= 4096) }
        #expect(batches.count > 10)
    }

    @Test func aDuplicateIdInALaterBatchIsStillCaught() throws {
        let dir = try Self.directory(files: 50)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let jsonl = dir + "/../" + UUID().uuidString + ".jsonl"
        try #"{"id":"00003.txt","text":"A repeat of a file's id."}"#.write(toFile: jsonl, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: jsonl) }
        #expect(throws: InputError.self) {
            try CorpusReader().read(paths: [dir, jsonl], batchBytes: 100, onSkip: { _ in }) { _ in }
        }
    }
}
