/// One article read from the input: its id, its text as UTF-8 bytes, an optional date, and
/// where it came from.
///
/// `bytes` is validated UTF-8 with any byte order mark removed and every line ending (CRLF or a
/// lone CR) converted to LF, so the offsets computed by later stages (sentences, tokens,
/// alignments) index these bytes directly. For a file without CR and without BOM, `bytes` is
/// the file byte for byte.
public struct CorpusRecord: Sendable, Equatable {
    /// The record's id: a path relative to the directory argument it was found under, the
    /// path as given for a file argument, `<stdin>` for standard input read as one article, or
    /// the id field of a JSONL record (a string, or an integer written in decimal).
    public var id: String
    /// The article text: well-formed UTF-8, no BOM, LF line endings.
    public var bytes: [UInt8]
    /// The JSONL date field as written (a string, or an integer in decimal), or `nil`.
    public var date: String?
    /// Where the record came from: `path` for a text file, `path:line` for a JSONL record.
    public var source: String

    public init(id: String, bytes: [UInt8], date: String? = nil, source: String) {
        self.id = id
        self.bytes = bytes
        self.date = date
        self.source = source
    }

    /// The article text as a `String`.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
