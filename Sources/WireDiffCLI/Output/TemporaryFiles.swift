#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// The named temporary files that exist right now, removed when the process is interrupted.
///
/// ``AtomicFile`` registers a temporary file while it has a name (on Linux only for the
/// moment between linking its unnamed file and renaming it; elsewhere for the whole run).
/// ``removeOnSignals()`` makes SIGINT, SIGTERM and SIGHUP remove them and then end the process
/// by the same signal, as it would have ended without the handler. SIGKILL cannot be caught:
/// that is why Linux writes to an unnamed file.
enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])
    /// The signal sources, kept alive for the life of the process (set once, at start).
    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    /// The signals after which temporary files are removed.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func register(_ path: String) { _ = paths.withLock { $0.insert(path) } }

    static func unregister(_ path: String) { _ = paths.withLock { $0.remove(path) } }

    /// The registered paths, sorted.
    static var registered: [String] { paths.withLock { $0.sorted() } }

    /// Removes every registered file (and forgets it).
    static func removeAll() {
        let all = paths.withLock { (set: inout Set<String>) -> Set<String> in
            defer { set.removeAll() }
            return set
        }
        for path in all { unlink(path) }
    }

    /// Handles SIGINT, SIGTERM and SIGHUP on a dispatch queue (so the handler may take locks and
    /// free memory): remove the temporary files, then end by the signal with its default
    /// action. A signal the process was started with ignored (`nohup`, a background job) stays
    /// ignored. Call once, early, before other threads start.
    static func removeOnSignals() {
        let queue = DispatchQueue(label: "wirediff.signals")
        sources.withLock { sources in
            for signo in signals {
                let previous = signal(signo, SIG_IGN)
                if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
                let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
                source.setEventHandler {
                    removeAll()
                    signal(signo, SIG_DFL)
                    // Dispatch receives the signal with it blocked; unblock it so it is delivered.
                    var set = sigset_t()
                    sigemptyset(&set)
                    sigaddset(&set, signo)
                    pthread_sigmask(SIG_UNBLOCK, &set, nil)
                    raise(signo)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
