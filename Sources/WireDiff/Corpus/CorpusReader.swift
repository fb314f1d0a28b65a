#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

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
/// Standard input is read under the same limits as a file, checked as it streams: the binary
/// check as soon as its first 8 KiB are in, `maxRecordBytes` as soon as an article (or a JSONL
/// line) passes it, so `- < /dev/zero` stops after 8 KiB and an endless text after the limit.
///
/// - Complexity: O(total input bytes). A text file is read whole into memory once; a JSONL
///   file or JSONL standard input is streamed in blocks (`LineReader.blockBytes`), so its bytes
///   are never all in memory.
public struct CorpusReader: Sendable {
    /// What to read and how strictly.
    public var options: Options
    /// Standard input (`-`). Injectable for tests.
    package var standardInput: ByteStream

    /// The id and path used for standard input.
    public static let stdinName = "<stdin>"

    /// A reader with `options` that reads standard input for `-`.
    public init(options: Options = Options()) {
        self.init(options: options, standardInput: .standardInput())
    }

    /// A reader whose `-` is `standardInput` (tests and the command feed their own stream).
    package init(options: Options = Options(), standardInput: ByteStream) {
        self.options = options
        self.standardInput = standardInput
    }

    /// Reads every argument; the first error stops the run (even with `skipBad`, since there is
    /// no one to report to: use `read(paths:onSkip:)`).
    public func read(paths: [String]) throws(InputError) -> [CorpusRecord] {
        var records: [CorpusRecord] = []
        try read(paths: paths, skipping: false, report: { _ in }, batchBytes: .max) { records = $0 }
        return records
    }

    /// Reads every argument. With `options.skipBad`, each skippable error is passed to `onSkip`
    /// and its record dropped; without it, the first error is thrown.
    public func read(paths: [String], onSkip: (InputError) -> Void) throws(InputError) -> [CorpusRecord] {
        var records: [CorpusRecord] = []
        try read(paths: paths, skipping: options.skipBad, report: onSkip, batchBytes: .max) { records = $0 }
        return records
    }

    /// Reads every argument as ``read(paths:onSkip:)`` does, handing the records to `batch` in
    /// input order, a batch at a time: a batch is delivered once it holds `batchBytes` of text
    /// (and at the end), so a consumer that keeps less than the text (such as
    /// ``Deduplicator/run(reading:with:batchBytes:onSkip:)``) never has the whole corpus in
    /// memory. Text files are read a window of files at a time, JSONL files a block at a time.
    public func read(
        paths: [String], batchBytes: Int = CorpusReader.batchBytes, onSkip: (InputError) -> Void,
        batch: ([CorpusRecord]) -> Void
    ) throws(InputError) {
        try read(paths: paths, skipping: options.skipBad, report: onSkip, batchBytes: batchBytes, deliver: batch)
    }

    /// The default text per batch of ``read(paths:batchBytes:onSkip:batch:)``: 32 MiB.
    public static let batchBytes = 32 << 20

    /// Text files read together (in parallel) before their records are replayed in order.
    static let textFileWindow = 1024

    /// One unit of work, in argument order.
    private enum Job {
        case stdin
        case text(path: String, id: String)
        case jsonl(path: String)
        case failure(InputError)
    }

    /// The reading loop: records go to `deliver` in batches of at least `batchBytes` of text
    /// (the last one possibly smaller; none when nothing was read).
    private func read(
        paths: [String], skipping: Bool, report: (InputError) -> Void, batchBytes: Int,
        deliver: ([CorpusRecord]) -> Void
    ) throws(InputError) {
        func fail(_ error: InputError) throws(InputError) {
            guard skipping, error.isSkippable else { throw error }
            report(error)
        }
        var records: [CorpusRecord] = []
        var pendingBytes = 0
        var seen = IDRegistry()
        func add(_ record: CorpusRecord) throws(InputError) {
            if let first = seen.register(record.id, source: record.source) {
                try fail(.duplicateID(id: record.id, first: first, second: record.source))
                return
            }
            records.append(record)
            pendingBytes += record.bytes.count
            if pendingBytes >= batchBytes {
                deliver(records)
                records = []
                pendingBytes = 0
            }
        }

        let jobs = self.jobs(for: paths)

        // Text files are read on all cores, a window of them at a time, just before the replay
        // reaches them.
        let textJobs = jobs.indices.filter { if case .text = jobs[$0] { true } else { false } }
        var textResults = [Result<CorpusRecord, InputError>?](repeating: nil, count: jobs.count)
        var nextText = 0  // the first text job (index into textJobs) not read yet
        func readTextWindow() {
            let window = Array(textJobs[nextText..<min(textJobs.count, nextText + Self.textFileWindow)])
            nextText += window.count
            let textPaths: [(path: String, id: String)] = window.map {
                if case .text(let path, let id) = jobs[$0] { (path, id) } else { preconditionFailure() }
            }
            let outcomes = readTextFiles(textPaths)
            for (k, index) in window.enumerated() { textResults[index] = outcomes[k] }
        }

        // Replay in argument order: records, duplicate checks and errors as a sequential read
        // would see them.
        for (index, job) in jobs.enumerated() {
            do throws(InputError) {
                switch job {
                case .stdin:
                    switch options.stdinFormat {
                    case .text:
                        let bytes = try FileInput.readArticle(standardInput, limit: options.maxRecordBytes)
                        try add(try textRecord(bytes, path: Self.stdinName, id: Self.stdinName))
                    case .jsonl:
                        try jsonlRecords(of: standardInput, report: fail) { (block) throws(InputError) in
                            for record in block { try add(record) }
                        }
                    }
                case .text:
                    if textResults[index] == nil { readTextWindow() }
                    let outcome = textResults[index]!
                    textResults[index] = nil
                    try add(try outcome.get())
                case .jsonl(let path):
                    try jsonlRecords(of: ByteStream.open(path), report: fail) { (block) throws(InputError) in
                        for record in block { try add(record) }
                    }
                case .failure(let error):
                    throw error
                }
            } catch {
                try fail(error)
            }
        }
        if !records.isEmpty { deliver(records) }
    }

    /// The arguments as jobs, in argument order: directories are walked here (their files
    /// sorted, filtered by ``Options/directoryExtensions``), a file is JSONL or
    /// text by its extension, and a path that cannot be read becomes a failure job, thrown or
    /// skipped when the replay reaches it.
    private func jobs(for paths: [String]) -> [Job] {
        let jsonl = Set(options.jsonlExtensions.map { $0.lowercased() })
        let inDirectories = Set(options.directoryExtensions.map { $0.lowercased() })
        func fileJob(_ path: String, id: String) -> Job {
            jsonl.contains(FileInput.fileExtension(path)) ? .jsonl(path: path) : .text(path: path, id: id)
        }
        var jobs: [Job] = []
        for path in paths {
            if path == "-" {
                jobs.append(.stdin)
                continue
            }
            let (kind, statError) = FileInput.kind(of: path)
            switch kind {
            case .missing:
                jobs.append(.failure(.missingFile(path: path)))
            case .directory:
                do throws(InputError) {
                    let files = try FileInput.walk(path) { inDirectories.contains(FileInput.fileExtension($0)) }
                    if files.isEmpty {
                        jobs.append(.failure(.noArticles(path: path, extensions: options.directoryExtensions)))
                    }
                    for file in files { jobs.append(fileJob(file.path, id: file.relative)) }
                } catch {
                    jobs.append(.failure(error))
                }
            case .regular:
                jobs.append(fileJob(path, id: path))
            case .other:
                jobs.append(.failure(.notReadable(path: path, reason: statError ?? "not a regular file or directory")))
            }
        }
        return jobs
    }

    /// Reads and splits the text files `files` (each independent) on all cores when there are
    /// at least 8 of them; the record or the error of each, in order.
    private func readTextFiles(_ files: [(path: String, id: String)]) -> [Result<CorpusRecord, InputError>] {
        let options = self.options
        return Parallel.map(count: files.count, concurrently: files.count >= 8) { k in
            Result { () throws(InputError) -> CorpusRecord in
                let bytes = try FileInput.readFile(files[k].path, limit: options.maxRecordBytes)
                return try textRecord(bytes, path: files[k].path, id: files[k].id)
            }
        }
    }
}
