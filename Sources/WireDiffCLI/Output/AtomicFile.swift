#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An output file written through a temporary file in its directory and renamed over the
/// target only once complete (``finish()``), so a failed or interrupted run never leaves a
/// truncated or half-written file where a good one stood. Text is streamed to the temporary
/// file as it is written (64 KiB at a time), never held whole in memory.
///
/// The rules:
/// - A path that is a symbolic link is followed: the file it points to is replaced, the link
///   stays. A link to nothing is refused.
/// - An existing target must be a regular file: a directory, a device (`/dev/null`), a FIFO or
///   a socket is refused with `cannotCreate` (exit 73) before anything is read or written.
/// - The new file keeps the permission bits of the file it replaces (and, when the process may
///   set it, its owner and group); a new file gets 0666 minus the umask, as the shell's `>`
///   gives.
/// - The temporary file is created mode 0600 so no one else can read or plant it. On Linux it
///   is unnamed (`open(directory, O_TMPFILE)`): nothing is visible until ``finish()`` links it
///   under a fresh hidden name and renames that over the target (or links it as the target
///   when there is none), so even SIGKILL leaves nothing behind. Where `O_TMPFILE` is not
///   available it is `.NAME.wirediff-XXXXXXXXXXXXXXXX`, created with `O_CREAT | O_EXCL |
///   O_NOFOLLOW` (never an existing file or link), removed on SIGINT, SIGTERM and SIGHUP by
///   ``TemporaryFiles``.
/// - Every write is checked; the data is `fsync`ed before the rename. A failure is
///   `writeFailed` (exit 74) and the target is untouched.
/// - Dropping the object without ``finish()`` (a command that failed) removes the temporary
///   file.
final class AtomicFile: TextOutput {
    /// How the temporary file is made.
    enum Temporary: Equatable {
        /// `O_TMPFILE`: no name until ``AtomicFile/finish()`` (Linux; falls back to `named`
        /// where the file system does not support it).
        case unnamed
        /// A hidden name beside the target, created exclusively.
        case named
    }

    /// The path as given (for messages).
    let path: String
    /// The file that is replaced: `path`, or where the symbolic link `path` points.
    let target: String
    /// The target's status when it exists (its mode, owner and group carry over).
    let existing: stat?
    /// The temporary file's name while it has one.
    private(set) var temporaryName: String?
    private let descriptor: Int32
    private var isOpen = true
    private var finished = false
    private let output: FileDescriptorOutput

    var isTerminal: Bool { false }
    var failure: OutputError? { output.failure }

    /// `unnamed` on Linux, unless the environment variable `WIREDIFF_TEMPORARY_FILES` is
    /// `named` (to exercise the portable path in tests).
    static var defaultTemporary: Temporary {
        #if os(Linux)
        ProcessInfo.processInfo.environment["WIREDIFF_TEMPORARY_FILES"] == "named" ? .named : .unnamed
        #else
        .named
        #endif
    }

    /// Opens an output file for `path`: checks the target and creates the temporary file.
    init(path: String, temporary: Temporary = AtomicFile.defaultTemporary) throws(OutputError) {
        guard !path.isEmpty else { throw .cannotCreate(path: path, reason: "empty path") }
        self.path = path
        (target, existing) = try Self.resolve(path)
        let directory = Self.directory(of: target)
        var fd: Int32 = -1
        #if os(Linux)
        if temporary == .unnamed {
            fd = open(directory, Self.unnamedFlags | O_WRONLY | O_CLOEXEC, 0o600)
            if fd < 0 {
                let code = errno
                // EISDIR, EOPNOTSUPP, EINVAL: no O_TMPFILE in this kernel or file system.
                guard code == EISDIR || code == EOPNOTSUPP || code == EINVAL else {
                    throw .cannotCreate(path: path, reason: UnixFile.message(code))
                }
            } else if access("/proc/self/fd", X_OK) != 0 {
                // The file could not be given a name at the end.
                close(fd)
                fd = -1
            }
        }
        #endif
        if fd < 0 {
            let (name, named) = try Self.createNamed(beside: target, path: path)
            fd = named
            temporaryName = name
        }
        descriptor = fd
        output = FileDescriptorOutput(descriptor: fd, name: "'\(path)'")
    }

    #if os(Linux)
    /// `O_TMPFILE`, which Swift does not import (`__O_TMPFILE | O_DIRECTORY`; `__O_TMPFILE` is
    /// 0o20000000 on every architecture Swift runs on).
    static let unnamedFlags: Int32 = 0o20000000 | O_DIRECTORY
    #endif

    func write(_ text: String) { output.write(text) }
    func flush() { output.flush() }

    /// Writes out the rest, syncs, and puts the file in place of the target.
    func finish() throws(OutputError) {
        guard !finished else { return }
        output.flush()
        if let failure = output.failure { throw failure }
        let mode = existing.map { $0.st_mode & 0o777 } ?? (0o666 & ~Self.umaskValue())
        if fchmod(descriptor, mode) != 0 { throw writeFailed(errno) }
        if let existing, existing.st_uid != geteuid() || existing.st_gid != getegid() {
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)  // allowed for root only: best effort
        }
        if fsync(descriptor) != 0, errno != EINVAL { throw writeFailed(errno) }
        if let name = temporaryName {
            try closeDescriptor()
            guard rename(name, target) == 0 else { throw writeFailed(errno) }
            TemporaryFiles.unregister(name)
            temporaryName = nil
        } else {
            try linkUnnamed()
            try closeDescriptor()
        }
        finished = true
    }

    /// Gives the unnamed file its name: linked as the target when there is none, else under a
    /// fresh hidden name renamed over the target.
    private func linkUnnamed() throws(OutputError) {
        let source = "/proc/self/fd/\(descriptor)"
        if existing == nil {
            if linkat(AT_FDCWD, source, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 { return }
            guard errno == EEXIST else { throw writeFailed(errno) }
            // Created by someone else meanwhile: replace it as any existing target.
        }
        for _ in 0..<100 {
            let name = Self.temporaryPath(beside: target)
            TemporaryFiles.register(name)
            if linkat(AT_FDCWD, source, AT_FDCWD, name, AT_SYMLINK_FOLLOW) != 0 {
                let code = errno
                TemporaryFiles.unregister(name)
                if code == EEXIST { continue }
                throw writeFailed(code)
            }
            defer { TemporaryFiles.unregister(name) }
            guard rename(name, target) == 0 else {
                let code = errno
                unlink(name)
                throw writeFailed(code)
            }
            return
        }
        throw writeFailed(EEXIST)
    }

    private func closeDescriptor() throws(OutputError) {
        isOpen = false
        if close(descriptor) != 0, errno != EINTR { throw writeFailed(errno) }
    }

    private func writeFailed(_ code: Int32) -> OutputError {
        .writeFailed(target: "'\(path)'", reason: UnixFile.message(code))
    }

    deinit {
        if isOpen { close(descriptor) }
        if let name = temporaryName {
            unlink(name)
            TemporaryFiles.unregister(name)
        }
    }

    /// The file to replace for `path` and its status when it exists; refuses what is not a
    /// regular file or a missing one in an existing directory.
    static func resolve(_ path: String) throws(OutputError) -> (target: String, existing: stat?) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { throw .cannotCreate(path: path, reason: UnixFile.message(code)) }
            var directoryInfo = stat()
            guard stat(directory(of: path), &directoryInfo) == 0, directoryInfo.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotCreate(path: path, reason: "no such directory")
            }
            return (path, nil)
        }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = realpath(path, nil) else {
                throw .cannotCreate(path: path, reason: "a symbolic link to a missing file")
            }
            target = String(cString: real)
            free(real)
            guard stat(target, &info) == 0 else { throw .cannotCreate(path: path, reason: UnixFile.message(errno)) }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return (target, info)
        case S_IFDIR:
            throw .cannotCreate(path: path, reason: "is a directory")
        default:
            throw .cannotCreate(path: path, reason: "not a regular file (a device, pipe or socket); leave out --output to write to standard output")
        }
    }

    /// The directory part of a path ("." for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// A fresh hidden name in the directory of `target`: `.NAME.wirediff-` and 16 random hex
    /// digits.
    static func temporaryPath(beside target: String) -> String {
        let directory = directory(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return (directory == "/" ? "" : directory) + "/." + name + ".wirediff-" + String(repeating: "0", count: 16 - random.count) + random
    }

    /// Creates a named temporary file beside `target` (mode 0600, exclusively, never through a
    /// link) and registers it for removal on signals.
    static func createNamed(beside target: String, path: String) throws(OutputError) -> (String, Int32) {
        for _ in 0..<100 {
            let name = temporaryPath(beside: target)
            TemporaryFiles.register(name)
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (name, fd) }
            let code = errno
            TemporaryFiles.unregister(name)
            if code != EEXIST { throw .cannotCreate(path: path, reason: UnixFile.message(code)) }
        }
        throw .cannotCreate(path: path, reason: "no free temporary name")
    }

    /// The process's file-creation mask, read without changing it where possible
    /// (`/proc/self/status`), else by setting and restoring it.
    static func umaskValue() -> mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8)
        {
            return value
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
