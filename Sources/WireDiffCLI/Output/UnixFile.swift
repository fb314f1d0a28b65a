#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `errno` as text, for the outputs' messages (their writes are ``FileIO/writeAll(_:_:at:)``).
enum UnixFile {
    /// The text of an `errno` value ("No space left on device").
    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
