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

    /// Opens `path` for reading: its descriptor and size (0 when unknown). A directory, or a
    /// path that cannot be opened, is an error.
    static func openFile(_ path: String) throws(InputError) -> (fd: Int32, size: Int) {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let code = errno
            if code == ENOENT { throw .missingFile(path: path) }
            throw .notReadable(path: path, reason: message(code))
        }
        var info = stat()
        var size = 0
        if fstat(fd, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR {
                close(fd)
                throw .notReadable(path: path, reason: "is a directory")
            }
            size = Int(info.st_size)
        }
        return (fd, size)
    }

    /// Reads a whole file. Refuses files larger than `limit` bytes before reading them.
    static func readFile(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        let (fd, expected) = try openFile(path)
        defer { close(fd) }
        if limit < Int.max && expected > limit {
            throw .recordTooLarge(path: path, line: nil, bytes: expected, limit: limit)
        }
        return try readAll(fd, path: path, sizeHint: expected)
    }

    /// Reads from `fd` into `buffer` until it is full or the input ends; returns the bytes
    /// read (fewer than `buffer.count` only at the end of the input). With `offset`, reads
    /// with `pread` from that file position, leaving the read position where it was.
    static func fill(
        _ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int? = nil, path: String
    ) throws(InputError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        while count < buffer.count {
            let got = offset.map { pread(fd, base + count, buffer.count - count, off_t($0 + count)) }
                ?? read(fd, base + count, buffer.count - count)
            if got < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .notReadable(path: path, reason: message(code))
            }
            if got == 0 { break }
            count += got
        }
        return count
    }

    /// The first `count` bytes of the file open as `fd` (fewer if it is shorter), read with
    /// `pread` so the read position does not move.
    static func prefix(_ fd: Int32, count: Int, path: String) throws(InputError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { raw in
            Result { () throws(InputError) in try fill(fd, raw, at: 0, path: path) }
        }.get()
        bytes.removeSubrange(got...)
        return bytes
    }

    /// Reads a descriptor to its end.
    static func readAll(_ fd: Int32, path: String, sizeHint: Int = 0) throws(InputError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(sizeHint + 1, 64 << 10))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let wanted = bytes.count - count
            let got = try bytes.withUnsafeMutableBytes { raw in
                Result { () throws(InputError) in
                    try fill(fd, UnsafeMutableRawBufferPointer(rebasing: raw[count...]), path: path)
                }
            }.get()
            count += got
            if got < wanted { break }
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
