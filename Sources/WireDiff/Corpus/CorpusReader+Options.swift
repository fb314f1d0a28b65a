extension CorpusReader {
    /// How standard input (`-`) is read.
    public enum StdinFormat: String, Sendable, CaseIterable {
        /// One article.
        case text
        /// JSONL: one article per line.
        case jsonl
    }

    /// What the reader reads and how strictly.
    public struct Options: Sendable, Equatable {
        /// The JSONL field holding a record's id (a string or an integer). Default `id`.
        public var idField: String = "id"
        /// The JSONL field holding the article text (a string). Default `text`.
        public var textField: String = "text"
        /// The JSONL field holding a date (a string such as ISO 8601, or an integer), or `nil`
        /// to read no dates. Default `date`. A record without the field simply has no date;
        /// a field of another type (or an object) is an error.
        public var dateField: String? = "date"
        /// Skip bad records (and unreadable, empty or binary files) instead of stopping,
        /// reporting each to the caller. Missing path arguments still stop the run.
        public var skipBad: Bool = false
        /// The largest record accepted, in bytes: a whole text file or one JSONL line.
        /// Default 64 MiB. Guards against a huge line or a wrong file eating memory.
        public var maxRecordBytes: Int = 64 << 20
        /// How `-` is read: as one article (default) or as JSONL.
        public var stdinFormat: StdinFormat = .text
        /// File extensions (lowercase, without the dot) read as articles when found inside a
        /// directory argument. Other files inside directories are ignored, so a corpus folder
        /// may hold a README or a JSONL export of the same articles. Default `["txt"]`.
        /// Put `jsonl` here to also read JSONL files found in directories.
        public var directoryExtensions: [String] = ["txt"]
        /// File extensions (lowercase) read as JSONL wherever they appear. Any other file
        /// given as an argument is one article, whatever its extension.
        public var jsonlExtensions: [String] = ["jsonl", "ndjson"]

        public init() {}
    }
}
