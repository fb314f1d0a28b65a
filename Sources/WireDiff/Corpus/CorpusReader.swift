#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads articles from files, directories, JSONL and standard input into `CorpusRecord`s.
///
/// Arguments, in order:
/// - `-`: standard input, as one article (id `<stdin>`) or as JSONL (`Options.stdinFormat`).
/// - A directory: read recursively; files whose extension is in `directoryExtensions` (default
///   `.txt`) are articles, in bytewise order of their path relative to the directory, which is
///   also their id. Hidden files and directories (`.name`), symbolic links to directories and
///   non-regular files are skipped. A directory with no such file is `noArticles`.
/// - A file: a `.jsonl`/`.ndjson` file is JSONL (one object per line; `idField`, `textField`,
///   `dateField`); any other file is one article whose id is the path as given.
///
/// Text is UTF-8 with or without a BOM; the BOM is removed and CRLF / CR line endings become LF
/// (see `CorpusRecord.bytes`). Every problem is an `InputError` naming the file and the line or
/// byte offset. Ids must be unique across all arguments: a repeat is `duplicateID` naming both
/// sources. With `skipBad`, bad records (bad lines, unreadable/empty/binary files, repeated
/// ids — the later one is dropped) are handed to a callback and skipped.
///
/// - Complexity: O(total input bytes); each file is read whole into memory once.
public struct CorpusReader: Sendable {
    /// What to read and how strictly.
    public var options: Options
    /// Reads all of standard input. Injectable for tests.
    public var standardInput: @Sendable () throws(InputError) -> [UInt8]

    /// The id and path used for standard input.
    public static let stdinName = "<stdin>"

    public init(
        options: Options = Options(),
        standardInput: @escaping @Sendable () throws(InputError) -> [UInt8] = CorpusReader.readStandardInput
    ) {
        self.options = options
        self.standardInput = standardInput
    }

    /// Reads the process's standard input to its end.
    @Sendable public static func readStandardInput() throws(InputError) -> [UInt8] {
        try FileInput.readAll(0, path: stdinName)
    }

    /// Reads every argument; the first error stops the run (even with `skipBad`, since there is
    /// no one to report to: use `read(paths:onSkip:)`).
    public func read(paths: [String]) throws(InputError) -> [CorpusRecord] {
        try read(paths: paths, skipping: false, report: { _ in })
    }

    /// Reads every argument. With `options.skipBad`, each skippable error is passed to `onSkip`
    /// and its record dropped; without it, the first error is thrown.
    public func read(paths: [String], onSkip: (InputError) -> Void) throws(InputError) -> [CorpusRecord] {
        try read(paths: paths, skipping: options.skipBad, report: onSkip)
    }

    private func read(paths: [String], skipping: Bool, report: (InputError) -> Void) throws(InputError) -> [CorpusRecord] {
        func fail(_ error: InputError) throws(InputError) {
            guard skipping, error.isSkippable else { throw error }
            report(error)
        }
        var records: [CorpusRecord] = []
        var seen: [String: String] = [:]
        func add(_ batch: [CorpusRecord]) throws(InputError) {
            for record in batch {
                if let first = seen[record.id] {
                    try fail(.duplicateID(id: record.id, first: first, second: record.source))
                    continue
                }
                seen[record.id] = record.source
                records.append(record)
            }
        }
        let jsonl = Set(options.jsonlExtensions.map { $0.lowercased() })
        let inDirectories = Set(options.directoryExtensions.map { $0.lowercased() })

        func readFile(_ path: String, id: String) throws(InputError) {
            do throws(InputError) {
                let bytes = try FileInput.readFile(path, limit: jsonl.contains(FileInput.fileExtension(path)) ? Int.max : options.maxRecordBytes)
                if jsonl.contains(FileInput.fileExtension(path)) {
                    try add(try jsonlRecords(bytes, path: path, report: fail))
                } else {
                    try add([try textRecord(bytes, path: path, id: id)])
                }
            } catch {
                try fail(error)
            }
        }

        for path in paths {
            if path == "-" {
                do throws(InputError) {
                    let bytes = try standardInput()
                    switch options.stdinFormat {
                    case .text: try add([try textRecord(bytes, path: Self.stdinName, id: Self.stdinName)])
                    case .jsonl: try add(try jsonlRecords(bytes, path: Self.stdinName, report: fail))
                    }
                } catch {
                    try fail(error)
                }
                continue
            }
            let (kind, statError) = FileInput.kind(of: path)
            switch kind {
            case .missing:
                throw .missingFile(path: path)
            case .directory:
                let files: [(path: String, relative: String)]
                do throws(InputError) {
                    files = try FileInput.walk(path) { inDirectories.contains(FileInput.fileExtension($0)) }
                } catch {
                    try fail(error)
                    continue
                }
                if files.isEmpty {
                    throw .noArticles(path: path, extensions: options.directoryExtensions)
                }
                for file in files { try readFile(file.path, id: file.relative) }
            case .regular:
                try readFile(path, id: path)
            case .other:
                try fail(.notReadable(path: path, reason: statError ?? "not a regular file or directory"))
            }
        }
        return records
    }
}
