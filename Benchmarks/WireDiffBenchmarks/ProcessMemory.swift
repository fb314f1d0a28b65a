import Foundation

/// Resident memory of this process, from the kernel.
enum ProcessMemory {
    /// Peak resident set size so far, in bytes (`getrusage` `ru_maxrss`, KiB on Linux).
    static func peakBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// Current resident set size, in bytes (`/proc/self/statm`), or the peak where unavailable.
    static func currentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return peakBytes() }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return peakBytes() }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// CPU time this process has used so far (user + system, all threads), in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
