import Foundation

/// One record of a distributed stage's input: a JSON object on one line, with the line it was
/// read from, so that a bad record is reported as `<stdin>:LINE: …` (``InputError/badRecord(path:line:reason:)``,
/// exit 65) whatever field is wrong. The formats are in `Documentation/Distributed.md`.
package struct StageRecord {
    /// Where the record was read: the stream's name and its 1-based line.
    package let path: String
    package let line: Int
    package let fields: JSONObject

    package init(path: String, line: Int, fields: JSONObject) {
        self.path = path
        self.line = line
        self.fields = fields
    }

    /// The longest stage record read: a located article of the longest accepted record
    /// (``CorpusReader/Options/maxRecordBytes``, 64 MiB) in base64, with room to spare.
    package static let maximumLineBytes = 96 << 20

    /// Calls `body` with every non-blank line of `stream` as a record, in order.
    ///
    /// - Throws: ``InputError/badRecord(path:line:reason:)`` for a line that is not a JSON
    ///   object (or invalid UTF-8), `recordTooLarge` for one over ``maximumLineBytes``, and
    ///   whatever `body` throws.
    package static func forEach(in stream: ByteStream, _ body: (StageRecord) throws(InputError) -> Void) throws(InputError) {
        let parser = JSONParser()
        try LineReader.forEachLine(of: stream, lineLimit: maximumLineBytes) { (number, line) throws(InputError) in
            if CorpusReader.isBlank(line, 0..<line.count) { return }
            if UTF8Validator.firstInvalidOffset(in: line) != nil {
                throw .badRecord(path: stream.path, line: number, reason: "invalid UTF-8 in a stage record")
            }
            let value: JSONValue
            do throws(JSONParseError) { value = try parser.parse(line) } catch {
                throw .badRecord(path: stream.path, line: number, reason: "malformed JSON at column \(error.byteOffset + 1): \(error.reason)")
            }
            guard case .object(let fields) = value else {
                throw .badRecord(path: stream.path, line: number, reason: "a stage record must be an object, found \(value.typeName)")
            }
            try body(StageRecord(path: stream.path, line: number, fields: fields))
        }
    }

    /// The error for this record: `reason` after its place.
    package func bad(_ reason: String) -> InputError {
        .badRecord(path: path, line: line, reason: reason)
    }

    /// Whether the record has a member `name` (`null` included).
    package func has(_ name: String) -> Bool { fields[name] != nil }

    /// A whole-number member (at most 2⁶³ − 1, at least 0).
    package func integer(_ name: String) throws(InputError) -> Int {
        guard let value = fields[name] else { throw bad("missing field \"\(name)\"") }
        guard value.isInteger, case .number(let text) = value, let n = Int(text), n >= 0 else {
            throw bad("field \"\(name)\" must be a whole number ≥ 0, found \(value.typeName)")
        }
        return n
    }

    /// A number member, read exactly (the shortest form a ``JSONValue/double(_:)`` wrote reads
    /// back as the same `Double`).
    package func number(_ name: String) throws(InputError) -> Double {
        guard let value = fields[name] else { throw bad("missing field \"\(name)\"") }
        guard let x = value.doubleValue, x.isFinite else { throw bad("field \"\(name)\" must be a number, found \(value.typeName)") }
        return x
    }

    /// A boolean member.
    package func boolean(_ name: String) throws(InputError) -> Bool {
        guard let value = fields[name] else { throw bad("missing field \"\(name)\"") }
        guard case .bool(let b) = value else { throw bad("field \"\(name)\" must be true or false, found \(value.typeName)") }
        return b
    }

    /// A string member.
    package func string(_ name: String) throws(InputError) -> String {
        guard let value = fields[name] else { throw bad("missing field \"\(name)\"") }
        guard case .string(let s) = value else { throw bad("field \"\(name)\" must be a string, found \(value.typeName)") }
        return s
    }

    /// A string member that may be absent or `null`.
    package func optionalString(_ name: String) throws(InputError) -> String? {
        guard let value = fields[name], value != .null else { return nil }
        guard case .string(let s) = value else { throw bad("field \"\(name)\" must be a string or null, found \(value.typeName)") }
        return s
    }

    /// The bytes of a base64 string member.
    package func base64(_ name: String) throws(InputError) -> [UInt8] {
        guard let bytes = Data(base64Encoded: try string(name)) else { throw bad("field \"\(name)\" is not base64") }
        return [UInt8](bytes)
    }

    /// An article's features, from a base64 member in ``StoryFeatures``' binary form,
    /// appended to `part`.
    func features(_ name: String, appendingTo part: inout FeatureStore.Part) throws(InputError) {
        let bytes = try base64(name)
        let decoded: Result<Int, StoryFeatures.DecodingError> = bytes.withUnsafeBytes { raw in
            do throws(StoryFeatures.DecodingError) { return .success(try StoryFeatures.decode(raw, appendingTo: &part)) } catch {
                return .failure(error)
            }
        }
        let read: Int
        switch decoded {
        case .success(let n): read = n
        case .failure(let error): throw bad("field \"\(name)\" holds no features (malformed at byte \(error.offset))")
        }
        guard read == bytes.count else { throw bad("field \"\(name)\" holds bytes after its features") }
    }

    /// An article's features, from a base64 member in ``StoryFeatures``' binary form.
    package func features(_ name: String) throws(InputError) -> StoryFeatures {
        var part = FeatureStore.Part()
        try features(name, appendingTo: &part)
        return part[0]
    }
}
