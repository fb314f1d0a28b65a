/// Why an input could not be read as articles, with where: file, line, byte offset.
///
/// Every case has a one-line `description` that starts with the place, compiler style
/// (`corpus.jsonl:3:17: malformed JSON: …`), so a user can jump to it. Lines and columns are
/// 1-based; byte offsets are 0-based offsets into the file as it is on disk (before BOM removal
/// and line-ending conversion). The path is the path as given or as found under a directory
/// argument; standard input is `<stdin>`.
///
/// Exit codes follow sysexits(3): `missingFile` and `notReadable` are `EX_NOINPUT` (66), every
/// problem with the data itself is `EX_DATAERR` (65).
public enum InputError: Error, Equatable, Sendable {
    /// A path argument that does not exist.
    case missingFile(path: String)
    /// A file or directory that exists but could not be read (permissions, I/O error, …).
    case notReadable(path: String, reason: String)
    /// A text file with no text (zero bytes, or only whitespace and a BOM), or a JSONL file
    /// with no records.
    case emptyFile(path: String)
    /// A directory argument that holds no article files.
    case noArticles(path: String, extensions: [String])
    /// A file that looks binary: a NUL byte, or mostly control bytes, in its first 8 KiB.
    /// `byteOffset` is the first NUL or control byte.
    case binaryFile(path: String, byteOffset: Int)
    /// A file in UTF-16 or UTF-32 (recognized by its byte order mark); only UTF-8 is read.
    case unsupportedEncoding(path: String, encoding: String)
    /// An ill-formed UTF-8 sequence starting at `byteOffset` (in the file), on `line`.
    case invalidUTF8(path: String, line: Int, byteOffset: Int)
    /// A JSONL line that is not one JSON value; `column` is the 1-based byte column.
    case malformedJSON(path: String, line: Int, column: Int, reason: String)
    /// A JSONL line whose value is not an object (`found` is its JSON type).
    case notAnObject(path: String, line: Int, found: String)
    /// A JSONL record without a required field.
    case missingField(path: String, line: Int, field: String)
    /// A JSONL field of the wrong type: `expected` describes what is accepted, `found` is the
    /// JSON type seen.
    case wrongFieldType(path: String, line: Int, field: String, expected: String, found: String)
    /// A JSONL record whose text field is empty or only whitespace.
    case emptyText(path: String, line: Int, field: String)
    /// A record (a text file, or one JSONL line) longer than the limit. `line` is `nil` for a
    /// whole text file; `bytes` is `nil` when the input was not read to its end (a stream that
    /// passed the limit).
    case recordTooLarge(path: String, line: Int?, bytes: Int?, limit: Int)
    /// A line that is not what its format asks (a `pairs` line without two texts, a bad
    /// label); `reason` says what.
    case badRecord(path: String, line: Int, reason: String)
    /// Two records with the same id; `first` and `second` are their sources (`path` or
    /// `path:line`).
    case duplicateID(id: String, first: String, second: String)

    /// The process exit status for this error: 66 (`EX_NOINPUT`) when an input is missing or
    /// unreadable, 65 (`EX_DATAERR`) for bad data.
    public var exitCode: Int32 {
        switch self {
        case .missingFile, .notReadable: 66
        default: 65
        }
    }

    /// Whether `CorpusReader.Options.skipBad` may skip this error and go on. A missing path
    /// argument is never skipped: it is almost always a typo.
    public var isSkippable: Bool {
        switch self {
        case .missingFile, .noArticles: false
        default: true
        }
    }

    /// Where the problem is: `path`, `path:line` or `path:line:column`.
    public var location: String {
        switch self {
        case .missingFile(let path), .notReadable(let path, _), .emptyFile(let path),
             .noArticles(let path, _), .binaryFile(let path, _), .unsupportedEncoding(let path, _):
            path
        case .invalidUTF8(let path, let line, _), .notAnObject(let path, let line, _),
             .missingField(let path, let line, _), .wrongFieldType(let path, let line, _, _, _),
             .emptyText(let path, let line, _), .badRecord(let path, let line, _):
            "\(path):\(line)"
        case .malformedJSON(let path, let line, let column, _):
            "\(path):\(line):\(column)"
        case .recordTooLarge(let path, let line, _, _):
            line.map { "\(path):\($0)" } ?? path
        case .duplicateID(_, _, let second):
            second
        }
    }
}

extension InputError: CustomStringConvertible {
    /// A one-line message naming the file and line or byte offset.
    public var description: String {
        switch self {
        case .missingFile(let path):
            "\(path): no such file or directory"
        case .notReadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .emptyFile(let path):
            "\(path): empty file, no text to read"
        case .noArticles(let path, let extensions):
            "\(path): no article files in this directory (looked for " + extensions.map { ".\($0)" }.joined(separator: ", ") + ")"
        case .binaryFile(let path, let byteOffset):
            "\(path): binary file, not text (control byte at byte offset \(byteOffset))"
        case .unsupportedEncoding(let path, let encoding):
            "\(path): \(encoding) text; only UTF-8 is supported (convert with iconv -f \(encoding) -t UTF-8)"
        case .invalidUTF8(let path, let line, let byteOffset):
            "\(path):\(line): invalid UTF-8 at byte offset \(byteOffset)"
        case .malformedJSON(let path, let line, let column, let reason):
            "\(path):\(line):\(column): malformed JSON: \(reason)"
        case .notAnObject(let path, let line, let found):
            "\(path):\(line): a JSONL record must be an object, found \(found)"
        case .missingField(let path, let line, let field):
            "\(path):\(line): missing field \"\(field)\""
        case .wrongFieldType(let path, let line, let field, let expected, let found):
            "\(path):\(line): field \"\(field)\" must be \(expected), found \(found)"
        case .emptyText(let path, let line, let field):
            "\(path):\(line): field \"\(field)\" is empty"
        case .recordTooLarge(let path, let line, let bytes, let limit):
            "\(line.map { "\(path):\($0)" } ?? path): record of \(bytes.map { "\($0)" } ?? "more than \(limit)") bytes exceeds the limit of \(limit) bytes"
        case .badRecord(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        case .duplicateID(let id, let first, let second):
            "duplicate id \"\(id)\": \(first) and \(second)"
        }
    }
}
