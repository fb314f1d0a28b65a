#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes one commit of an archive, and owns the file descriptor it writes through.
///
/// Two ways to commit (`Documentation/Archive.md`, "Crash safety"):
/// - **Append** (`index add`): the archive is opened and locked (`flock`, exclusive,
///   non-blocking: a second writer gets ``ArchiveError/locked(path:)``); bytes past the last
///   commit, left by an interrupted writer, are cut off; the new sections and manifest are
///   appended and synced; then the header is written into the slot that does not hold the
///   commit it builds on, and synced. Until that header is on disk the old commit is intact
///   and is what every reader sees.
/// - **Replace** (`index create`, `index remove`, compaction): a whole new file is written
///   unnamed (`O_TMPFILE`; a hidden name where the file system lacks it), synced, and then
///   linked as the archive (create: only if nothing has that name) or renamed over it; the
///   directory is synced. Readers keep the file they opened.
///
/// Debug builds can ask a writer to kill itself at a chosen point (`WIREDIFF_ARCHIVE_KILL`:
/// `sections`, `manifest`, `header`) so that tests reach the windows between the syncs; a
/// release build ignores the variable.
final class ArchiveWriter {
    /// The archive's path as given.
    let path: String
    private let descriptor: Int32
    /// Where the next section goes.
    private(set) var end: Int
    /// The name of a named temporary file while it has one.
    private var temporaryName: String?
    /// How a new file takes the archive's name; `nil` when appending.
    private let placement: Placement?

    /// How a new file takes the archive's name.
    enum Placement {
        /// Linked as the archive only if nothing has that name.
        case create
        /// Renamed over the archive.
        case replace
    }

    /// Opens the archive at `path` for an append commit, locked against other writers, with
    /// the reader of its current commit.
    static func append(to path: String) throws(ArchiveError) -> (ArchiveWriter, StoryArchive) {
        for _ in 0..<8 {
            let descriptor = try StoryArchive.openDescriptor(path, writable: true)
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(descriptor)
                if code == EWOULDBLOCK { throw .locked(path: path) }
                throw .notReadable(path: path, reason: "cannot lock it: " + String(cString: strerror(code)))
            }
            // A writer that replaced the file while this one waited for the lock: lock the
            // file that now has the name.
            var opened = stat(), named = stat()
            guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0, opened.st_dev == named.st_dev, opened.st_ino == named.st_ino else {
                close(descriptor)
                continue
            }
            do throws(ArchiveError) {
                let archive = try StoryArchive(path: path, descriptor: descriptor, writer: true)
                let writer = ArchiveWriter(path: path, descriptor: descriptor, end: archive.committedLength, placement: nil)
                // Bytes an interrupted writer left past the commit go.
                if archive.fileSize > archive.committedLength, ftruncate(descriptor, off_t(archive.committedLength)) != 0 {
                    throw ArchiveError.writeFailed(path: path, reason: String(cString: strerror(errno)))
                }
                // The header of a commit lost to truncation names bytes past this commit: once
                // this writer appends there, it would look complete. Erase it first.
                if case .truncatedCommit(let lost, _) = archive.recovery {
                    let zeros = [UInt8](repeating: 0, count: ArchiveFormat.headerSize)
                    if let failure = zeros.withUnsafeBytes({ writer.writeAll($0, at: Int(lost % 2) * ArchiveFormat.slotSize) }) { throw failure }
                    try writer.sync()
                }
                return (writer, archive)
            } catch {
                close(descriptor)
                throw error
            }
        }
        throw .locked(path: path)
    }

    /// A new file that becomes the archive at `path` when committed.
    static func newFile(_ path: String, placement: Placement) throws(ArchiveError) -> ArchiveWriter {
        let directory = Self.directory(of: path)
        #if os(Linux)
        // O_TMPFILE: no name until it is complete.
        let unnamed = open(directory, 0o20000000 | O_DIRECTORY | O_RDWR | O_CLOEXEC, 0o644)
        if unnamed >= 0 {
            if access("/proc/self/fd", X_OK) == 0 {
                return ArchiveWriter(path: path, descriptor: unnamed, end: ArchiveFormat.dataStart, placement: placement)
            }
            close(unnamed)
        } else if errno != EISDIR && errno != EOPNOTSUPP && errno != EINVAL {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        #endif
        for _ in 0..<100 {
            let name = temporaryPath(beside: path)
            let fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 {
                let writer = ArchiveWriter(path: path, descriptor: fd, end: ArchiveFormat.dataStart, placement: placement)
                writer.temporaryName = name
                return writer
            }
            if errno != EEXIST { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        }
        throw .cannotCreate(path: path, reason: "no free temporary name")
    }

    private init(path: String, descriptor: Int32, end: Int, placement: Placement?) {
        self.path = path
        self.descriptor = descriptor
        self.end = ArchiveFormat.aligned(end, to: ArchiveFormat.blockSize)
        self.placement = placement
    }

    deinit {
        close(descriptor)
        if let name = temporaryName { unlink(name) }
    }

    // MARK: - Sections

    /// Streams one section's bytes to the file, with the checksum of every 4 KiB block.
    struct SectionSink {
        fileprivate let writer: ArchiveWriter
        fileprivate let start: Int
        fileprivate var written = 0
        fileprivate var buffer: [UInt8] = []
        fileprivate var checksums: [UInt64] = []
        fileprivate var failure: ArchiveError?
        /// Flushed in multiples of the block size.
        fileprivate static let bufferBytes = 1 << 20

        /// Appends bytes.
        mutating func write(_ bytes: UnsafeRawBufferPointer) {
            var rest = bytes
            while !rest.isEmpty {
                let take = min(rest.count, Self.bufferBytes - buffer.count)
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[0..<take]))
                rest = UnsafeRawBufferPointer(rebasing: rest[take...])
                if buffer.count == Self.bufferBytes { flush() }
            }
        }

        mutating func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

        /// Appends values in little-endian order.
        mutating func write<T: FixedWidthInteger>(_ values: [T]) {
            #if _endian(big)
            write(values.map(\.littleEndian))
            #else
            values.withUnsafeBytes { write($0) }
            #endif
        }

        mutating func write(_ writer: ByteWriter) { write(writer.bytes) }

        /// Writes out the buffer (whole blocks, or the last short one at the end).
        fileprivate mutating func flush() {
            buffer.withUnsafeBytes { raw in
                var at = 0
                while at < raw.count {
                    let block = UnsafeRawBufferPointer(rebasing: raw[at..<min(raw.count, at + ArchiveFormat.blockSize)])
                    checksums.append(ArchiveFormat.checksum(block))
                    at += ArchiveFormat.blockSize
                }
                if failure == nil { failure = writer.writeAll(raw, at: start + written) }
            }
            written += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Appends a section written by `body`; returns where it is.
    func section(_ body: (inout SectionSink) throws(ArchiveError) -> Void) throws(ArchiveError) -> SectionRef {
        var sink = SectionSink(writer: self, start: end)
        try body(&sink)
        sink.flush()
        if let failure = sink.failure { throw failure }
        let ref = SectionRef(offset: end, length: sink.written)
        var sums = ByteWriter(capacity: 8 * sink.checksums.count)
        for sum in sink.checksums { sums.put(sum) }
        if let failure = sums.bytes.withUnsafeBytes({ writeAll($0, at: ref.checksumOffset) }) { throw failure }
        end = ArchiveFormat.aligned(ref.end, to: ArchiveFormat.blockSize)
        Self.killIfAsked("sections")
        return ref
    }

    /// Appends a section holding `bytes`.
    func section(_ bytes: [UInt8]) throws(ArchiveError) -> SectionRef {
        try section { $0.write(bytes) }
    }

    /// Appends a section of little-endian values.
    func section<T: FixedWidthInteger>(_ values: [T]) throws(ArchiveError) -> SectionRef {
        try section { $0.write(values) }
    }

    // MARK: - Commit

    /// Appends the manifest, syncs, writes the header of commit `sequence` and syncs again;
    /// a replacing writer then puts the file in place.
    func commit(_ manifest: ArchiveManifest, sequence: UInt64) throws(ArchiveError) {
        let manifestRef = try section(manifest.encoded)
        let header = ArchiveHeader(sequence: sequence, committedLength: manifestRef.end, manifest: manifestRef)
        try sync()
        Self.killIfAsked("manifest")
        let bytes = header.encoded
        let slot = Int(sequence % 2) * ArchiveFormat.slotSize
        if Self.killPoint == "header" {
            // A header cut short, as a crash in the middle of writing it would leave.
            _ = bytes.withUnsafeBytes { writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<24]), at: slot) }
            fsync(descriptor)
            raise(SIGKILL)
        }
        if let failure = bytes.withUnsafeBytes({ writeAll($0, at: slot) }) { throw failure }
        try sync()
        if let placement { try putInPlace(placement) }
    }

    /// `fsync`, checked.
    private func sync() throws(ArchiveError) {
        if fsync(descriptor) != 0, errno != EINVAL { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Writes all of `bytes` at `offset` (``FileIO/writeAll(_:_:at:)``); the error, if any.
    fileprivate func writeAll(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> ArchiveError? {
        FileIO.writeAll(descriptor, bytes, at: offset).map { .writeFailed(path: path, reason: String(cString: strerror($0))) }
    }

    /// Gives the new file the archive's name: linked if nothing has the name (create), or
    /// renamed over the archive (remove, compaction); then syncs the directory.
    private func putInPlace(_ placement: Placement) throws(ArchiveError) {
        let creating = placement == .create
        if let name = temporaryName {
            if creating {
                guard link(name, path) == 0 else { throw placeFailed(errno) }
                unlink(name)
            } else {
                guard rename(name, path) == 0 else { throw placeFailed(errno) }
            }
            temporaryName = nil
        } else {
            let source = "/proc/self/fd/\(descriptor)"
            if creating {
                guard linkat(AT_FDCWD, source, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else { throw placeFailed(errno) }
            } else {
                let name = Self.temporaryPath(beside: path)
                guard linkat(AT_FDCWD, source, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else { throw placeFailed(errno) }
                guard rename(name, path) == 0 else {
                    let code = errno
                    unlink(name)
                    throw placeFailed(code)
                }
            }
        }
        let directory = open(Self.directory(of: path), O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private func placeFailed(_ code: Int32) -> ArchiveError {
        code == EEXIST ? .exists(path: path) : .writeFailed(path: path, reason: String(cString: strerror(code)))
    }

    /// Kills the process at a named point when the environment asks (crash-safety tests).
    static func killIfAsked(_ point: String) {
        if killPoint == point { raise(SIGKILL) }
    }

    /// Where `WIREDIFF_ARCHIVE_KILL` asks a debug build's writer to kill itself; never in a
    /// release build, so a user's environment cannot make `index add` kill itself.
    #if DEBUG
    static let killPoint = ProcessInfo.processInfo.environment["WIREDIFF_ARCHIVE_KILL"]
    #else
    static let killPoint: String? = nil
    #endif

    /// The directory part of a path ("." for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// A fresh hidden name beside `path`: `.NAME.wirediff-` and 16 random hex digits.
    static func temporaryPath(beside path: String) -> String {
        let directory = directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return (directory == "/" ? "" : directory + "/") + "." + name + ".wirediff-" + String(repeating: "0", count: 16 - random.count) + random
    }
}
