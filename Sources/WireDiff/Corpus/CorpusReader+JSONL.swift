import Dispatch
import Foundation

extension CorpusReader {
    /// Inputs at least this large are parsed in parallel chunks.
    static let parallelJSONLBytes = 4 << 20

    /// Reads JSONL bytes: one JSON object per line, blank lines skipped, LF or CRLF line ends.
    ///
    /// Each record's line is checked for size (`maxRecordBytes`) and UTF-8, parsed with
    /// `JSONParser`, and its id, text and date fields extracted. A bad line throws, or, when
    /// `report` returns instead of rethrowing (the default rethrows), is skipped. An input with
    /// no non-blank line is `emptyFile`.
    ///
    /// The bytes are one block for the same parser that streams JSONL files
    /// (`jsonlFileRecords(path:blockBytes:report:)`): inputs of 4 MiB or more are cut at line
    /// boundaries into chunks parsed on all cores; outcomes are then replayed in line order, so
    /// records, reports and the error thrown are exactly those of a sequential read.
    ///
    /// - Complexity: O(n) in the input length.
    package func jsonlRecords(
        _ bytes: [UInt8], path: String, report: (InputError) throws(InputError) -> Void = { (error: InputError) throws(InputError) in throw error }
    ) throws(InputError) -> [CorpusRecord] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> [CorpusRecord] in
            try Self.checkTextual(buffer, path: path)
            var start = 0
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            var progress = JSONLProgress()
            try appendJSONLLines(buffer, from: start, fileOffset: 0, path: path, progress: &progress, report: report)
            if !progress.sawRecord { throw .emptyFile(path: path) }
            return Array(progress.records.joined())
        }
    }

    /// Parses the lines of `buffer[start...]` (one block: whole lines, the last one possibly
    /// without its newline) and replays their outcomes in line order into `progress`: each
    /// chunk's failures passed to `report`, then its records appended as one array, `nextLine`
    /// advanced past the block's lines.
    ///
    /// `buffer[0]` is at byte `fileOffset` of the file (for `invalidUTF8` offsets). A block of
    /// 4 MiB or more is cut at line boundaries into chunks parsed on all cores; line numbers
    /// come from a parallel newline count and a prefix sum.
    ///
    /// - Complexity: O(n) in the block length.
    func appendJSONLLines(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, fileOffset: Int, path: String,
        progress: inout JSONLProgress, report: (InputError) throws(InputError) -> Void
    ) throws(InputError) {
        let chunks = Self.lineAlignedChunks(buffer, from: start)
        let firstLine = progress.nextLine
        var outcomes = [LineOutcomes](repeating: LineOutcomes(), count: chunks.count)
        var lines = 0
        if chunks.count == 1 {
            (outcomes[0], lines) = lineOutcomes(buffer, chunks[0], firstLine: firstLine, fileOffset: fileOffset, path: path)
        } else {
            // Line numbers: count newlines per chunk, in parallel, then a prefix sum. The
            // workers only read the block, which outlives them.
            nonisolated(unsafe) let buffer = buffer
            let newlines = Parallel.map(count: chunks.count) { k in Self.countNewlinesFast(buffer, in: chunks[k]) }
            var firstLines = [Int](repeating: firstLine, count: chunks.count)
            for k in 1..<chunks.count { firstLines[k] = firstLines[k - 1] + newlines[k - 1] }
            let starts = firstLines
            let parsed = Parallel.map(count: chunks.count) { k in
                lineOutcomes(buffer, chunks[k], firstLine: starts[k], fileOffset: fileOffset, path: path)
            }
            outcomes = parsed.map(\.0)
            let walked = parsed.map(\.1)
            lines = walked.reduce(0, +)
        }
        progress.nextLine += lines
        // Each chunk's records are kept as they are (no copy, which would touch every record
        // on this one thread); a chunk's failures are reported before its records are kept.
        for chunk in outcomes {
            if !chunk.records.isEmpty || !chunk.failures.isEmpty { progress.sawRecord = true }
            for error in chunk.failures { try report(error) }
            if !chunk.records.isEmpty { progress.records.append(chunk.records) }
        }
    }

    /// `buffer[from...]` cut into about 1 MiB+ pieces (at most 4 per core) that end just
    /// after a newline; a single piece below `parallelJSONLBytes`.
    static func lineAlignedChunks(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> [Range<Int>] {
        let length = buffer.count - start
        guard length >= parallelJSONLBytes else { return [start..<buffer.count] }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let wanted = max(1, min(cores * 4, length / (1 << 20)))
        var chunks: [Range<Int>] = []
        var lower = start
        for k in 1...wanted {
            guard lower < buffer.count else { break }
            var upper = buffer.count
            if k < wanted {
                let target = max(lower, start + length / wanted * k)
                upper = firstIndex(of: 0x0A, in: buffer, from: target).map { $0 + 1 } ?? buffer.count
            }
            chunks.append(lower..<upper)
            lower = upper
        }
        return chunks
    }

    /// Newlines in `buffer[range]`, counted with `memchr`.
    static func countNewlinesFast(_ buffer: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        var count = 0
        var i = range.lowerBound
        let bounded = UnsafeBufferPointer(rebasing: buffer[..<range.upperBound])
        while let hit = firstIndex(of: 0x0A, in: bounded, from: i) {
            count += 1
            i = hit + 1
        }
        return count
    }

    /// What the non-blank lines of a chunk gave, each in line order: records, and errors.
    struct LineOutcomes: Sendable {
        var records: [CorpusRecord] = []
        var failures: [InputError] = []
    }

    /// The outcome of every non-blank line of `buffer[range]` (whole lines), numbering lines
    /// from `firstLine`, and how many lines (blank ones included) the range holds.
    /// `buffer[0]` is at byte `fileOffset` of the file.
    func lineOutcomes(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firstLine: Int, fileOffset: Int, path: String
    ) -> (outcomes: LineOutcomes, lines: Int) {
        var outcomes = LineOutcomes()
        let bounded = UnsafeBufferPointer(rebasing: buffer[..<range.upperBound])
        let parser = JSONParser()
        var start = range.lowerBound
        var line = firstLine - 1
        while start < range.upperBound {
            line += 1
            let newline = Self.firstIndex(of: 0x0A, in: bounded, from: start)
            let next = newline.map { $0 + 1 } ?? range.upperBound
            var end = newline ?? range.upperBound
            if end > start, buffer[end - 1] == 0x0D { end -= 1 }
            defer { start = next }
            if Self.isBlank(buffer, start..<end) { continue }
            do throws(InputError) {
                outcomes.records.append(try record(buffer, start..<end, fileOffset: fileOffset, path: path, line: line, parser: parser))
            } catch {
                outcomes.failures.append(error)
            }
        }
        return (outcomes, line - firstLine + 1)
    }

    /// One JSONL line to a record; `buffer[0]` is at byte `fileOffset` of the file.
    func record(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fileOffset: Int, path: String, line: Int, parser: JSONParser
    ) throws(InputError) -> CorpusRecord {
        if range.count > options.maxRecordBytes {
            throw .recordTooLarge(path: path, line: line, bytes: range.count, limit: options.maxRecordBytes)
        }
        try Self.checkUTF8(buffer, range: range, path: path, line: line, offsetBase: fileOffset)
        let idField = options.idField, textField = options.textField
        var names = [idField, textField]
        if let dateField = options.dateField { names.append(dateField) }
        let parsed: JSONParser.Fields
        do {
            parsed = try parser.fields(of: UnsafeBufferPointer(rebasing: buffer[range]), named: names)
        } catch {
            throw .malformedJSON(path: path, line: line, column: error.byteOffset + 1, reason: error.reason)
        }
        guard case .object(let fields) = parsed else {
            if case .notObject(let type) = parsed { throw .notAnObject(path: path, line: line, found: type) }
            preconditionFailure("unreachable")
        }
        let id: String
        switch fields[0] {
        case nil: throw .missingField(path: path, line: line, field: idField)
        case .bytes(let b) where !b.isEmpty: id = String(decoding: b, as: UTF8.self)
        case .bytes: throw .wrongFieldType(path: path, line: line, field: idField, expected: "a non-empty string or an integer", found: "an empty string")
        case .value(.number(let literal)) where JSONValue.number(literal).isInteger: id = literal
        case .value(let other): throw .wrongFieldType(path: path, line: line, field: idField, expected: "a string or an integer", found: Self.describe(other))
        }
        let bytes: [UInt8]
        switch fields[1] {
        case nil: throw .missingField(path: path, line: line, field: textField)
        case .bytes(let b): bytes = Self.articleBytes(b)
        case .value(let other): throw .wrongFieldType(path: path, line: line, field: textField, expected: "a string", found: Self.describe(other))
        }
        if bytes.withUnsafeBufferPointer({ Self.isBlank($0, 0..<$0.count) }) {
            throw .emptyText(path: path, line: line, field: textField)
        }
        var date: String?
        if let dateField = options.dateField {
            switch fields[2] {
            case nil, .value(.null): date = nil
            case .bytes(let b): date = String(decoding: b, as: UTF8.self)
            case .value(.number(let literal)) where JSONValue.number(literal).isInteger: date = literal
            case .value(let other): throw .wrongFieldType(path: path, line: line, field: dateField, expected: "a string or an integer", found: Self.describe(other))
            }
        }
        return CorpusRecord(id: id, bytes: bytes, date: date, source: "\(path):\(line)")
    }

    /// A JSON value's type for messages ("a number with a fraction", "an array", …).
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: value.isInteger ? "an integer" : "a number with a fraction or exponent"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
