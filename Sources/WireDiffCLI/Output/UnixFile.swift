#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file primitives the outputs share: a write that retries `EINTR` and reports
/// short writes, and `errno` as text.
enum UnixFile {
    /// Writes all of `bytes` to `fd`, retrying after `EINTR` and going on after partial writes.
    /// Returns `nil` when everything was written, else the `errno` of the failure (`EIO` when
    /// `write` wrote nothing without an error).
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var base = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let n = write(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            base += n
            left -= n
        }
        return nil
    }

    /// The text of an `errno` value ("No space left on device").
    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
