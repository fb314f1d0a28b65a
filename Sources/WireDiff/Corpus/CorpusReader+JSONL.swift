extension CorpusReader {
    /// Reads JSONL bytes: one JSON object per line, blank lines skipped, LF or CRLF line ends.
    ///
    /// Each record's line is checked for size (`maxRecordBytes`) and UTF-8, parsed with
    /// `JSONParser`, and its id, text and date fields extracted. A bad line throws, or, when
    /// `report` returns instead of rethrowing (the default rethrows), is skipped. An input with
    /// no non-blank line is `emptyFile`.
    ///
    /// - Complexity: O(n) in the input length.
    public func jsonlRecords(
        _ bytes: [UInt8], path: String, report: (InputError) throws(InputError) -> Void = { (error: InputError) throws(InputError) in throw error }
    ) throws(InputError) -> [CorpusRecord] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> [CorpusRecord] in
            try Self.checkTextual(buffer, path: path)
            var records: [CorpusRecord] = []
            var start = 0
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            var line = 0
            var sawRecord = false
            let parser = JSONParser()
            while start < buffer.count {
                line += 1
                let newline = UnsafeBufferPointer(rebasing: buffer[start...]).firstIndex(of: 0x0A)
                let next = newline.map { start + $0 + 1 } ?? buffer.count
                var end = newline.map { start + $0 } ?? buffer.count
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                defer { start = next }
                if Self.isBlank(buffer, start..<end) { continue }
                sawRecord = true
                do throws(InputError) {
                    records.append(try record(buffer, start..<end, path: path, line: line, parser: parser))
                } catch {
                    try report(error)
                }
            }
            if !sawRecord { throw .emptyFile(path: path) }
            return records
        }
    }

    /// One JSONL line to a record.
    func record(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, path: String, line: Int, parser: JSONParser
    ) throws(InputError) -> CorpusRecord {
        if range.count > options.maxRecordBytes {
            throw .recordTooLarge(path: path, line: line, bytes: range.count, limit: options.maxRecordBytes)
        }
        try Self.checkUTF8(buffer, range: range, path: path, line: line)
        let value: JSONValue
        do {
            value = try parser.parse(validated: UnsafeBufferPointer(rebasing: buffer[range]))
        } catch {
            throw .malformedJSON(path: path, line: line, column: error.byteOffset + 1, reason: error.reason)
        }
        guard case .object(let fields) = value else {
            throw .notAnObject(path: path, line: line, found: value.typeName)
        }
        let idField = options.idField, textField = options.textField
        guard let idValue = fields[idField] else { throw .missingField(path: path, line: line, field: idField) }
        let id: String
        switch idValue {
        case .string(let s) where !s.isEmpty: id = s
        case .string: throw .wrongFieldType(path: path, line: line, field: idField, expected: "a non-empty string or an integer", found: "an empty string")
        case .number(let literal) where idValue.isInteger: id = literal
        default: throw .wrongFieldType(path: path, line: line, field: idField, expected: "a string or an integer", found: Self.describe(idValue))
        }
        guard let textValue = fields[textField] else { throw .missingField(path: path, line: line, field: textField) }
        guard case .string(var text) = textValue else {
            throw .wrongFieldType(path: path, line: line, field: textField, expected: "a string", found: Self.describe(textValue))
        }
        let bytes = text.withUTF8 { utf8 in Self.articleBytes(utf8, 0..<utf8.count) }
        if bytes.withUnsafeBufferPointer({ Self.isBlank($0, 0..<$0.count) }) {
            throw .emptyText(path: path, line: line, field: textField)
        }
        var date: String?
        if let dateField = options.dateField, let dateValue = fields[dateField] {
            switch dateValue {
            case .string(let s): date = s
            case .number(let literal) where dateValue.isInteger: date = literal
            case .null: date = nil
            default: throw .wrongFieldType(path: path, line: line, field: dateField, expected: "a string or an integer", found: Self.describe(dateValue))
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
