import Foundation
import Testing
@testable import WireDiff

/// A temporary directory removed when the test ends.
final class CorpusTempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "wirediff-corpus-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` at `relative` (creating folders) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }
}

@Suite struct CorpusReaderTests {
    func read(_ paths: [String], options: CorpusReader.Options = .init()) throws(InputError) -> [CorpusRecord] {
        try CorpusReader(options: options).read(paths: paths)
    }

    func expectError(_ expected: InputError, _ paths: [String], options: CorpusReader.Options = .init(),
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: expected, sourceLocation: sourceLocation) { try read(paths, options: options) }
    }

    // MARK: Text files

    @Test func readsATextFileWithItsPathAsID() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("story.md", "Headline\n\nA sentence — with “quotes”.\n")
        let records = try read([path])
        #expect(records == [CorpusRecord(id: path, bytes: Array("Headline\n\nA sentence — with “quotes”.\n".utf8), source: path)])
    }

    @Test func stripsTheBOMAndConvertsCRLFAndCR() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("a.txt", [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthree\r\n\r\nfour".utf8))
        let record = try #require(try read([path]).first)
        #expect(record.text == "one\ntwo\nthree\n\nfour")
    }

    @Test func emptyAndBlankFilesAreErrors() throws {
        let dir = try CorpusTempDir()
        let empty = try dir.write("empty.txt", [])
        let blank = try dir.write("blank.txt", [0xEF, 0xBB, 0xBF] + Array(" \r\n\t\n".utf8))
        expectError(.emptyFile(path: empty), [empty])
        expectError(.emptyFile(path: blank), [blank])
        #expect(InputError.emptyFile(path: empty).exitCode == 65)
    }

    @Test func binaryFilesAreErrorsAtTheFirstControlByte() throws {
        let dir = try CorpusTempDir()
        let withNUL = try dir.write("image.txt", Array("GIF89a".utf8) + [0x01, 0x00, 0x02])
        expectError(.binaryFile(path: withNUL, byteOffset: 7), [withNUL])
        let controls = try dir.write("controls.txt", Array("ab".utf8) + [UInt8](repeating: 0x01, count: 10) + Array("text".utf8))
        expectError(.binaryFile(path: controls, byteOffset: 2), [controls])
        // A stray control byte in real text is not "binary".
        let stray = try dir.write("stray.txt", Array(String(repeating: "A real sentence. ", count: 10).utf8) + [0x07])
        #expect(try read([stray]).count == 1)
    }

    @Test func utf16IsNamedAsSuch() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("u16.txt", [0xFF, 0xFE, 0x41, 0x00])
        expectError(.unsupportedEncoding(path: path, encoding: "UTF-16LE"), [path])
    }

    @Test func invalidUTF8NamesLineAndByteOffset() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("bad.txt", Array("first line\nsecond ".utf8) + [0xE2, 0x28, 0xA1] + Array(" line\n".utf8))
        expectError(.invalidUTF8(path: path, line: 2, byteOffset: 18), [path])
        let error = InputError.invalidUTF8(path: "bad.txt", line: 2, byteOffset: 18)
        #expect(error.description == "bad.txt:2: invalid UTF-8 at byte offset 18")
    }

    @Test func invalidUTF8OffsetCountsTheBOM() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("bom.txt", [0xEF, 0xBB, 0xBF, 0x41, 0xFF])
        expectError(.invalidUTF8(path: path, line: 1, byteOffset: 4), [path])
    }

    @Test func oversizedTextFileIsRefused() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("big.txt", String(repeating: "word ", count: 100))
        var options = CorpusReader.Options()
        options.maxRecordBytes = 64
        expectError(.recordTooLarge(path: path, line: nil, bytes: 500, limit: 64), [path], options: options)
    }

    @Test func missingPathIsAnError() {
        expectError(.missingFile(path: "/nonexistent/wirediff/x.txt"), ["/nonexistent/wirediff/x.txt"])
        #expect(InputError.missingFile(path: "x").exitCode == 66)
        #expect(InputError.missingFile(path: "x").description == "x: no such file or directory")
    }

    @Test func devicesAreNotReadAsArticles() {
        expectError(.notReadable(path: "/dev/null", reason: "not a regular file or directory"), ["/dev/null"])
    }

    @Test(arguments: [
        InputError.missingFile(path: "a.txt"), .notReadable(path: "a.txt", reason: "Permission denied"),
        .emptyFile(path: "a.txt"), .noArticles(path: "dir", extensions: ["txt"]), .binaryFile(path: "a.txt", byteOffset: 3),
        .unsupportedEncoding(path: "a.txt", encoding: "UTF-16LE"), .invalidUTF8(path: "a.txt", line: 2, byteOffset: 9),
        .malformedJSON(path: "c.jsonl", line: 3, column: 4, reason: "r"), .notAnObject(path: "c.jsonl", line: 3, found: "array"),
        .missingField(path: "c.jsonl", line: 3, field: "text"),
        .wrongFieldType(path: "c.jsonl", line: 3, field: "id", expected: "a string", found: "an array"),
        .emptyText(path: "c.jsonl", line: 3, field: "text"), .recordTooLarge(path: "c.jsonl", line: 3, bytes: 9, limit: 8),
        .recordTooLarge(path: "a.txt", line: nil, bytes: 9, limit: 8),
    ])
    func messagesAreOneLineStartingWithTheLocation(error: InputError) {
        #expect(!error.description.contains("\n"))
        #expect(error.description.hasPrefix(error.location + ": "))
        #expect(error.exitCode == 65 || error.exitCode == 66)
    }

    // MARK: Directories

    @Test func directoriesAreRecursiveSortedBytewiseAndSkipHiddenAndOtherFiles() throws {
        let dir = try CorpusTempDir()
        try dir.write("b.txt", "B")
        try dir.write("a/z.txt", "AZ")
        try dir.write("a.txt", "A")
        try dir.write("B.txt", "upper B")
        try dir.write("a/sub/y.TXT", "ASY")
        try dir.write(".hidden.txt", "hidden")
        try dir.write(".git/c.txt", "in a dot directory")
        try dir.write("README.md", "not an article")
        try dir.write("corpus.jsonl", #"{"id":"x","text":"not read from a directory by default"}"#)
        let records = try read([dir.path + "/"])
        #expect(records.map(\.id) == ["B.txt", "a.txt", "a/sub/y.TXT", "a/z.txt", "b.txt"])
        #expect(records.map(\.text) == ["upper B", "A", "ASY", "AZ", "B"])
        #expect(records[2].source == dir.path + "/a/sub/y.TXT")
    }

    @Test func directoryExtensionsCanIncludeJSONL() throws {
        let dir = try CorpusTempDir()
        try dir.write("a.txt", "A")
        try dir.write("more/corpus.jsonl", #"{"id":"x","text":"X"}"#)
        var options = CorpusReader.Options()
        options.directoryExtensions = ["txt", "jsonl"]
        #expect(try read([dir.path], options: options).map(\.id) == ["a.txt", "x"])
    }

    @Test func directoryWithoutArticlesIsAnError() throws {
        let dir = try CorpusTempDir()
        try dir.write("notes.md", "x")
        expectError(.noArticles(path: dir.path, extensions: ["txt"]), [dir.path])
    }

    @Test func symlinkedFilesAreReadAndSymlinkedDirectoriesSkipped() throws {
        let dir = try CorpusTempDir()
        let target = try dir.write("real/a.txt", "A")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/real/link.txt", withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/real/loop", withDestinationPath: dir.path + "/real")
        #expect(try read([dir.path + "/real"]).map(\.id) == ["a.txt", "link.txt"])
    }

    // MARK: JSONL

    @Test func readsJSONLWithIDsTextDatesAndBlankLines() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.jsonl", """
            {"id": "wire", "text": "Line one.\\r\\nLine two.", "date": "2025-03-04T14:05:00Z"}

            {"id": 42, "text": "\\ufeffInteger id, no date."}\r
               \t
            {"id": "n", "text": "Null date.", "date": null, "extra": [1, {"deep": true}]}
            """)
        let records = try read([path])
        #expect(records == [
            CorpusRecord(id: "wire", bytes: Array("Line one.\nLine two.".utf8), date: "2025-03-04T14:05:00Z", source: path + ":1"),
            CorpusRecord(id: "42", bytes: Array("Integer id, no date.".utf8), source: path + ":3"),
            CorpusRecord(id: "n", bytes: Array("Null date.".utf8), source: path + ":5"),
        ])
    }

    @Test func jsonlWithBOMAndEscapedKeys() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.jsonl", [0xEF, 0xBB, 0xBF] + Array(#"{"t\u0065xt": "Esc\u00e9 key", "id": "k", "text2": 1}"#.utf8))
        #expect(try read([path]) == [CorpusRecord(id: "k", bytes: Array("Escé key".utf8), source: path + ":1")])
        let malformed = try dir.write("d.jsonl", #"{"id": "k", "text": "x"} trailing"#)
        expectError(.malformedJSON(path: malformed, line: 1, column: 26, reason: "unexpected 't' after the JSON value"), [malformed])
        let scalar = try dir.write("e.jsonl", #""just a string""#)
        expectError(.notAnObject(path: scalar, line: 1, found: "string"), [scalar])
    }

    @Test func customFieldNames() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.ndjson", #"{"url": "u1", "body": "Body.", "published": 1741096800}"# + "\n")
        var options = CorpusReader.Options()
        options.idField = "url"
        options.textField = "body"
        options.dateField = "published"
        #expect(try read([path], options: options) == [CorpusRecord(id: "u1", bytes: Array("Body.".utf8), date: "1741096800", source: path + ":1")])
        options.dateField = nil
        #expect(try read([path], options: options).first?.date == nil)
    }

    @Test func malformedLineNamesLineAndColumn() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.jsonl", "{\"id\":\"a\",\"text\":\"ok\"}\n\n{\"id\":\"b\",\"text\":\"unterminated}\n")
        expectError(.malformedJSON(path: path, line: 3, column: 18, reason: "unterminated string"), [path])
        let message = InputError.malformedJSON(path: "c.jsonl", line: 3, column: 18, reason: "unterminated string").description
        #expect(message == "c.jsonl:3:18: malformed JSON: unterminated string")
    }

    @Test(arguments: [
        (#"{"text": "no id"}"#, InputError.missingField(path: "P", line: 1, field: "id")),
        (#"{"id": "a"}"#, .missingField(path: "P", line: 1, field: "text")),
        (#"{"id": 1.5, "text": "t"}"#, .wrongFieldType(path: "P", line: 1, field: "id", expected: "a string or an integer", found: "a number with a fraction or exponent")),
        (#"{"id": "", "text": "t"}"#, .wrongFieldType(path: "P", line: 1, field: "id", expected: "a non-empty string or an integer", found: "an empty string")),
        (#"{"id": "a", "text": ["t"]}"#, .wrongFieldType(path: "P", line: 1, field: "text", expected: "a string", found: "an array")),
        (#"{"id": "a", "text": " \n "}"#, .emptyText(path: "P", line: 1, field: "text")),
        (#"{"id": "a", "text": "t", "date": {"y": 2025}}"#, .wrongFieldType(path: "P", line: 1, field: "date", expected: "a string or an integer", found: "an object")),
        (#"["id", "text"]"#, .notAnObject(path: "P", line: 1, found: "array")),
    ])
    func recordErrors(line: String, expected: InputError) throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.jsonl", line + "\n")
        #expect(throws: Self.replacingPath(expected, with: path)) { try read([path]) }
    }

    static func replacingPath(_ error: InputError, with path: String) -> InputError {
        switch error {
        case .missingField(_, let line, let field): .missingField(path: path, line: line, field: field)
        case .wrongFieldType(_, let line, let field, let expected, let found):
            .wrongFieldType(path: path, line: line, field: field, expected: expected, found: found)
        case .emptyText(_, let line, let field): .emptyText(path: path, line: line, field: field)
        case .notAnObject(_, let line, let found): .notAnObject(path: path, line: line, found: found)
        default: error
        }
    }

    @Test func invalidUTF8InJSONLNamesLineAndFileOffset() throws {
        let dir = try CorpusTempDir()
        let first = #"{"id":"a","text":"ok"}"# + "\n"
        let path = try dir.write("c.jsonl", Array(first.utf8) + Array(#"{"id":"b","text":"x"#.utf8) + [0xC0, 0xAF] + Array("\"}\n".utf8))
        expectError(.invalidUTF8(path: path, line: 2, byteOffset: first.utf8.count + 19), [path])
    }

    @Test func hugeLineIsRefused() throws {
        let dir = try CorpusTempDir()
        let big = #"{"id":"big","text":""# + String(repeating: "x", count: 200) + "\"}"
        let path = try dir.write("c.jsonl", #"{"id":"a","text":"ok"}"# + "\n" + big + "\n")
        var options = CorpusReader.Options()
        options.maxRecordBytes = 100
        expectError(.recordTooLarge(path: path, line: 2, bytes: big.utf8.count, limit: 100), [path], options: options)
    }

    @Test func emptyJSONLIsAnError() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.jsonl", "\n  \n\r\n")
        expectError(.emptyFile(path: path), [path])
    }

    // MARK: Large JSONL (parallel chunks)

    /// About 6 MiB of JSONL with bad lines at known places; blank lines in between.
    static func largeJSONL() -> (bytes: [UInt8], badLines: [(line: Int, column: Int)], goodIDs: [String]) {
        var lines: [String] = []
        var bad: [(line: Int, column: Int)] = []
        var good: [String] = []
        let body = String(repeating: "Officials said the reservoir rose — “fast”. ", count: 25)
        for k in 0..<5_600 {
            let lineNumber = lines.count + 1
            if k % 1_000 == 999 {
                lines.append(#"{"id":"bad\#(k)","text":"#)
                bad.append((lineNumber, lines[lines.count - 1].utf8.count + 1))
            } else {
                lines.append(#"{"id":"doc\#(k)","text":"\#(body)\#(k)"}"#)
                good.append("doc\(k)")
            }
            if k % 700 == 0 { lines.append("") }
        }
        return (Array(lines.joined(separator: "\n").utf8), bad, good)
    }

    @Test func largeJSONLGivesTheSameRecordsAndReportsAsASequentialRead() throws {
        let (bytes, badLines, goodIDs) = Self.largeJSONL()
        #expect(bytes.count > CorpusReader.parallelJSONLBytes)
        var reported: [InputError] = []
        let records = try CorpusReader().jsonlRecords(bytes, path: "big.jsonl") { reported.append($0) }
        #expect(records.map(\.id) == goodIDs)
        #expect(reported.map(\.location) == badLines.map { "big.jsonl:\($0.line):\($0.column)" })
        // Line numbers of records count every line, blank ones included.
        let last = try #require(records.last)
        let lineCount = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        #expect(last.source == "big.jsonl:\(lineCount)")
        // Without a reporter, the first bad line in file order is the error.
        #expect(throws: InputError.malformedJSON(path: "big.jsonl", line: badLines[0].line, column: badLines[0].column, reason: "expected a value, found end of input")) {
            try CorpusReader().jsonlRecords(bytes, path: "big.jsonl")
        }
    }

    // MARK: Ids

    @Test func duplicateIDsNameBothSources() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.jsonl", #"{"id":"a","text":"one"}"# + "\n" + #"{"id":"b","text":"two"}"# + "\n" + #"{"id":"a","text":"three"}"# + "\n")
        expectError(.duplicateID(id: "a", first: path + ":1", second: path + ":3"), [path])
        #expect(InputError.duplicateID(id: "a", first: "c.jsonl:1", second: "c.jsonl:3").description
            == #"duplicate id "a": c.jsonl:1 and c.jsonl:3"#)
    }

    @Test func duplicateIDsAcrossDirectories() throws {
        let one = try CorpusTempDir(), two = try CorpusTempDir()
        try one.write("same.txt", "one")
        try two.write("same.txt", "two")
        expectError(.duplicateID(id: "same.txt", first: one.path + "/same.txt", second: two.path + "/same.txt"), [one.path, two.path])
    }

    @Test func idRegistryKeepsTheFirstSourceThroughGrowth() {
        var registry = IDRegistry()
        // Enough ids to grow the table several times; ids that differ in one byte.
        for k in 0..<5000 { #expect(registry.register("id\(k)", source: "s\(k)") == nil) }
        #expect(registry.count == 5000)
        for k in stride(from: 0, to: 5000, by: 7) { #expect(registry.register("id\(k)", source: "again") == "s\(k)") }
        #expect(registry.count == 5000)
        #expect(registry.register("", source: "empty") == nil)
        #expect(registry.register("id5000", source: "new") == nil)
        // Different ids with one hash are kept apart; equal ones are still caught.
        var colliding = IDRegistry()
        for id in ["a", "b", "c"] { #expect(colliding.register(id, source: "s" + id, hash: 7) == nil) }
        for id in ["a", "b", "c"] { #expect(colliding.register(id, source: "again", hash: 7) == "s" + id) }
        #expect(colliding.count == 3)
    }

    // MARK: Skipping bad records

    @Test func skipBadReportsEachBadRecordAndKeepsTheRest() throws {
        let dir = try CorpusTempDir()
        try dir.write("docs/a.txt", "Good.")
        try dir.write("docs/b.txt", [])
        try dir.write("docs/c.txt", [0x41, 0x00])
        let jsonl = try dir.write("c.jsonl", [
            #"{"id":"j1","text":"ok"}"#, #"{"id":"j2","text":"#, #"{"id":"j3"}"#, #"{"id":"j1","text":"again"}"#, #"{"id":"j4","text":"fine"}"#,
        ].joined(separator: "\n"))
        var options = CorpusReader.Options()
        options.skipBad = true
        var skipped: [InputError] = []
        let records = try CorpusReader(options: options).read(paths: [dir.path + "/docs", jsonl]) { skipped.append($0) }
        #expect(records.map(\.id) == ["a.txt", "j1", "j4"])
        #expect(skipped == [
            .emptyFile(path: dir.path + "/docs/b.txt"),
            .binaryFile(path: dir.path + "/docs/c.txt", byteOffset: 1),
            .malformedJSON(path: jsonl, line: 2, column: 19, reason: "expected a value, found end of input"),
            .missingField(path: jsonl, line: 3, field: "text"),
            .duplicateID(id: "j1", first: jsonl + ":1", second: jsonl + ":4"),
        ])
    }

    @Test func skipBadStillStopsOnAMissingPath() throws {
        var options = CorpusReader.Options()
        options.skipBad = true
        #expect(throws: InputError.missingFile(path: "/nonexistent/x")) {
            try CorpusReader(options: options).read(paths: ["/nonexistent/x"]) { _ in }
        }
    }

    @Test func withoutSkipBadTheFirstErrorStops() throws {
        let dir = try CorpusTempDir()
        let path = try dir.write("c.jsonl", "{\n" + #"{"id":"a"}"#)
        var skipped = 0
        #expect(throws: InputError.malformedJSON(path: path, line: 1, column: 2, reason: "expected a string key in an object, found end of input")) {
            try CorpusReader().read(paths: [path]) { _ in skipped += 1 }
        }
        #expect(skipped == 0)
    }

    @Test func manyFilesAreReadInParallelButReportedInOrder() throws {
        let dir = try CorpusTempDir()
        var expectedIDs: [String] = []
        var expectedSkips: [InputError] = []
        for k in 0..<40 {
            let name = String(format: "f%02d.txt", k)
            if k % 9 == 4 {
                try dir.write(name, [])
                expectedSkips.append(.emptyFile(path: dir.path + "/" + name))
            } else {
                try dir.write(name, "Article \(k).")
                expectedIDs.append(name)
            }
        }
        var options = CorpusReader.Options()
        options.skipBad = true
        var skipped: [InputError] = []
        let records = try CorpusReader(options: options).read(paths: [dir.path]) { skipped.append($0) }
        #expect(records.map(\.id) == expectedIDs)
        #expect(records.first?.text == "Article 0.")
        #expect(skipped == expectedSkips)
        // Without skipping, the first bad file in order is the error.
        #expect(throws: expectedSkips[0]) { try CorpusReader().read(paths: [dir.path]) }
    }

    @Test func errorsFollowArgumentOrder() throws {
        let dir = try CorpusTempDir()
        let empty = try dir.write("empty.txt", [])
        expectError(.emptyFile(path: empty), [empty, "/nonexistent/later.txt"])
        expectError(.missingFile(path: "/nonexistent/first.txt"), ["/nonexistent/first.txt", empty])
    }

    // MARK: Standard input

    @Test func stdinAsOneArticle() throws {
        let reader = CorpusReader(standardInput: ByteStream(bytes: Array("\u{FEFF}Piped\r\ntext".utf8)))
        #expect(try reader.read(paths: ["-"]) == [CorpusRecord(id: "<stdin>", bytes: Array("Piped\ntext".utf8), source: "<stdin>")])
    }

    @Test func stdinAsJSONL() throws {
        var options = CorpusReader.Options()
        options.stdinFormat = .jsonl
        let reader = CorpusReader(options: options, standardInput: ByteStream(bytes: Array((#"{"id":"p","text":"T"}"# + "\n" + #"{"id":"q"}"#).utf8)))
        #expect(throws: InputError.missingField(path: "<stdin>", line: 2, field: "text")) { try reader.read(paths: ["-"]) }
    }

    @Test func emptyStdinIsAnError() {
        let reader = CorpusReader(standardInput: ByteStream(bytes: []))
        #expect(throws: InputError.emptyFile(path: "<stdin>")) { try reader.read(paths: ["-"]) }
    }
}
