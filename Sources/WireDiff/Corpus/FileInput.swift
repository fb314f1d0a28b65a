#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX file-system access for the reader: what a path is, whole-file reads, directory walks.
enum FileInput {
    enum Kind { case missing, regular, directory, other }

    /// What `path` is, following symbolic links. `error` is set when `stat` failed for a reason
    /// other than the path not existing.
    static func kind(of path: String) -> (kind: Kind, error: String?) {
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return (.missing, nil) }
            return (.other, message(code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (.regular, nil)
        case S_IFDIR: return (.directory, nil)
        default: return (.other, nil)
        }
    }

    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// Reads a whole text file as one article (see ``readArticle(_:limit:)``).
    static func readFile(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        try readArticle(ByteStream.open(path), limit: limit)
    }

    /// Reads `stream` to its end as one article, checking as the bytes arrive: a file known to
    /// be larger than `limit` is refused before reading, UTF-16/32 or binary data as soon as
    /// the first 8 KiB are in (`CorpusReader.checkTextual`), and an input that passes `limit`
    /// bytes as soon as it does (its full size is then unknown).
    ///
    /// - Complexity: O(n) time, memory O(min(n, limit)).
    static func readArticle(_ stream: ByteStream, limit: Int) throws(InputError) -> [UInt8] {
        if stream.sizeHint > limit {
            throw .recordTooLarge(path: stream.path, line: nil, bytes: stream.sizeHint, limit: limit)
        }
        let ceiling = limit == .max ? Int.max : limit + 1  // one byte past the limit tells it was passed
        var capacity = min(ceiling, max(stream.sizeHint + 1, CorpusReader.binarySniffBytes))
        var bytes = [UInt8](repeating: 0, count: min(capacity, CorpusReader.binarySniffBytes))
        var count = 0
        var sniffed = false
        while true {
            let wanted = bytes.count - count
            let got = try bytes.withUnsafeMutableBytes { raw in
                Result { () throws(InputError) in try stream.fill(UnsafeMutableRawBufferPointer(rebasing: raw[count...])) }
            }.get()
            count += got
            if !sniffed {
                sniffed = true
                try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) in
                    try CorpusReader.checkTextual(UnsafeBufferPointer(rebasing: buffer[..<count]), path: stream.path)
                }
            }
            if count > limit { throw .recordTooLarge(path: stream.path, line: nil, bytes: nil, limit: limit) }
            if got < wanted { break }
            if count == capacity { capacity = capacity > ceiling / 2 ? ceiling : capacity * 2 }
            bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The article files under `directory`, as (full path, path relative to `directory`),
    /// sorted bytewise by relative path. Hidden entries (names starting with `.`) are skipped,
    /// and so are symbolic links to directories (no cycles) and anything that is not a regular
    /// file; `accept` decides by file name.
    static func walk(_ directory: String, accept: (String) -> Bool) throws(InputError) -> [(path: String, relative: String)] {
        var found: [(path: String, relative: String)] = []
        try walk(directory, relative: "", accept: accept, into: &found)
        found.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        return found
    }

    private static func walk(
        _ directory: String, relative: String, accept: (String) -> Bool,
        into found: inout [(path: String, relative: String)]
    ) throws(InputError) {
        guard let dir = opendir(directory) else {
            throw .notReadable(path: directory, reason: message(errno))
        }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(dir)
        let separator = directory.hasSuffix("/") ? "" : "/"
        for name in names {
            let path = directory + separator + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                try walk(path, relative: rel, accept: accept, into: &found)
            case S_IFREG:
                if accept(name) { found.append((path, rel)) }
            case S_IFLNK:
                if kind(of: path).kind == .regular, accept(name) { found.append((path, rel)) }
            default:
                continue
            }
        }
    }

    /// The lowercase extension of a file name (after the last dot), or "".
    static func fileExtension(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
        return base[base.index(after: dot)...].lowercased()
    }
}
