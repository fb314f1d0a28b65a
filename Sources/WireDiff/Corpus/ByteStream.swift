#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Input bytes read a piece at a time: an open file, standard input, or bytes in memory
/// (tests). Readers take what they need from it and check their limits as the bytes arrive, so
/// an endless or huge input (`< /dev/zero`) is refused after a bounded read instead of being
/// held whole.
///
/// A stream is read once, from the start to its end; it closes the file it opened when it is
/// released.
package final class ByteStream: Sendable {
    /// The name used in messages: the path, or `<stdin>`.
    package let path: String
    /// The size of the file when known (a regular file), else 0.
    package let sizeHint: Int
    /// The file descriptor read, or `nil` for bytes in memory.
    private let descriptor: Int32?
    /// Whether the descriptor is closed with the stream.
    private let owned: Bool
    /// The bytes of an in-memory stream, and how many were read.
    private let memory: [UInt8]
    private let offset = Mutex(0)

    /// Standard input (`<stdin>`), left open when released.
    package static func standardInput() -> ByteStream {
        ByteStream(path: CorpusReader.stdinName, descriptor: 0, owned: false, sizeHint: 0)
    }

    /// `bytes` as a stream named `path`, read as a pipe would be (its size is not told up
    /// front): standard input in tests.
    package init(bytes: [UInt8], path: String = CorpusReader.stdinName) {
        self.path = path
        self.sizeHint = 0
        self.descriptor = nil
        self.owned = false
        self.memory = bytes
    }

    private init(path: String, descriptor: Int32, owned: Bool, sizeHint: Int) {
        self.path = path
        self.descriptor = descriptor
        self.owned = owned
        self.memory = []
        self.sizeHint = sizeHint
    }

    /// Opens the file at `path` for reading. A missing path is `missingFile`; a directory, or a
    /// path that cannot be opened, is `notReadable` with the reason.
    package static func open(_ path: String) throws(InputError) -> ByteStream {
        let fd = openForReading(path)
        if fd < 0 {
            let code = errno
            if code == ENOENT { throw .missingFile(path: path) }
            throw .notReadable(path: path, reason: FileInput.message(code))
        }
        var info = stat()
        var size = 0
        if fstat(fd, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR {
                close(fd)
                throw .notReadable(path: path, reason: "is a directory")
            }
            if info.st_mode & S_IFMT == S_IFREG { size = Int(info.st_size) }
        }
        return ByteStream(path: path, descriptor: fd, owned: true, sizeHint: size)
    }

    deinit {
        if owned, let descriptor { close(descriptor) }
    }

    /// Reads into `buffer` until it is full or the input ends; returns the number of bytes
    /// read (fewer than `buffer.count` only at the end).
    package func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard buffer.baseAddress != nil else { return 0 }
        guard let fd = descriptor else {
            return offset.withLock { offset in
                let count = min(buffer.count, memory.count - offset)
                memory.withUnsafeBytes { raw in
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count]))
                }
                offset += count
                return count
            }
        }
        let (count, error) = FileIO.readAll(fd, into: buffer)
        if let error { throw .notReadable(path: path, reason: FileInput.message(error)) }
        return count
    }
}

/// `open(path, O_RDONLY | O_CLOEXEC)` (a free function: inside ``ByteStream``, `open` is the
/// static method).
private func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_CLOEXEC)
}
