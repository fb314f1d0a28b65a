#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole reads and writes of a file descriptor: the loop every `read(2)` and `write(2)` needs,
/// written once. A signal arriving mid-call (`EINTR`) is retried and a short transfer goes on
/// where it stopped, as swift-system's `writeAll` does.
package enum FileIO {
    /// Writes all of `bytes` to `descriptor`: at file offset `offset` (`pwrite`), or at the
    /// descriptor's position when `offset` is `nil` (`write`: pipes, terminals).
    ///
    /// - Returns: `nil` when every byte was written, else the `errno` of the failure (`EIO`
    ///   when the system wrote nothing and reported no error).
    /// - Complexity: O(n) in the number of bytes.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int? = nil) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        let (done, error) = transfer(bytes.count) { done in
            offset.map { pwrite(descriptor, base + done, bytes.count - done, off_t($0 + done)) }
                ?? write(descriptor, base + done, bytes.count - done)
        }
        return error ?? (done < bytes.count ? EIO : nil)
    }

    /// Reads into `buffer` until it is full or the input ends: from file offset `offset`
    /// (`pread`), or from the descriptor's position when `offset` is `nil` (`read`).
    ///
    /// - Returns: The bytes read (fewer than `buffer.count` only at the end of the input or on
    ///   a failure) and the `errno` of the failure, if any.
    /// - Complexity: O(n) in the number of bytes.
    package static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int? = nil) -> (count: Int, error: Int32?) {
        guard let base = buffer.baseAddress else { return (0, nil) }
        return transfer(buffer.count) { done in
            offset.map { pread(descriptor, base + done, buffer.count - done, off_t($0 + done)) }
                ?? read(descriptor, base + done, buffer.count - done)
        }
    }

    /// Calls `step` with the bytes moved so far until `count` bytes are moved, a call moves
    /// none (the end of a read), or one fails with other than `EINTR`; returns the bytes moved
    /// and the `errno` of the failure.
    private static func transfer(_ count: Int, _ step: (Int) -> Int) -> (count: Int, error: Int32?) {
        var done = 0
        while done < count {
            let n = step(done)
            if n < 0 {
                if errno == EINTR { continue }
                return (done, errno)
            }
            if n == 0 { break }
            done += n
        }
        return (done, nil)
    }
}
