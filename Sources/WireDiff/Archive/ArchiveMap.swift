#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A read-only memory map of an archive's committed bytes, and the one owner of that mapping
/// (unmapped when the map goes away). Sections are read through it with their checksums
/// verified block by block, the first time a block is read: a query touches, and checks, only
/// the blocks it needs.
///
/// Safe to share between threads: the mapping never changes, and the record of verified blocks
/// is guarded by a lock.
final class ArchiveMap: @unchecked Sendable {
    /// The archive's path, for messages.
    let path: String
    /// The mapped bytes: the file's first ``count`` bytes.
    let base: UnsafeRawPointer
    let count: Int
    private let lock = NSLock()
    /// One bit per 4 KiB block of the file: its checksum was verified.
    private var verified: [UInt64]

    /// Maps the first `count` bytes of the open file `descriptor` (at least one header slot).
    init(descriptor: Int32, count: Int, path: String) throws(ArchiveError) {
        guard let pointer = mmap(nil, count, PROT_READ, MAP_SHARED, descriptor, 0), pointer != MAP_FAILED else {
            throw .notReadable(path: path, reason: "cannot map it into memory: " + String(cString: strerror(errno)))
        }
        self.path = path
        self.base = UnsafeRawPointer(pointer)
        self.count = count
        self.verified = [UInt64](repeating: 0, count: (count / ArchiveFormat.blockSize + 64) / 64)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), count)
    }

    /// All mapped bytes (headers included), unchecked.
    var all: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Whether `section` (bytes and checksums) lies inside the mapping, after the headers, on
    /// a block boundary.
    func contains(_ section: SectionRef) -> Bool {
        section.offset >= ArchiveFormat.dataStart && section.length >= 0
            && section.offset % ArchiveFormat.blockSize == 0 && section.end <= count
    }

    /// The bytes of `section`, every block verified.
    func bytes(_ section: SectionRef, what: @autoclosure () -> String) throws(ArchiveError) -> UnsafeRawBufferPointer {
        try bytes(section, range: 0..<section.length, what: what())
    }

    /// Bytes `range` of `section`, the blocks holding them verified.
    func bytes(_ section: SectionRef, range: Range<Int>, what: @autoclosure () -> String) throws(ArchiveError) -> UnsafeRawBufferPointer {
        guard range.lowerBound >= 0, range.upperBound <= section.length, contains(section) else {
            throw .corrupt(path: path, what: what() + " (out of bounds)", offset: section.offset + max(0, range.lowerBound))
        }
        if !range.isEmpty { try verify(section, blocks: range.lowerBound / ArchiveFormat.blockSize...(range.upperBound - 1) / ArchiveFormat.blockSize, what: what()) }
        return UnsafeRawBufferPointer(start: base + section.offset + range.lowerBound, count: range.count)
    }

    /// Verifies the checksums of `section`'s blocks in `blocks` that were not verified yet.
    private func verify(_ section: SectionRef, blocks: ClosedRange<Int>, what: @autoclosure () -> String) throws(ArchiveError) {
        let firstFileBlock = section.offset / ArchiveFormat.blockSize
        for block in blocks {
            let fileBlock = firstFileBlock + block
            let word = fileBlock >> 6, bit = UInt64(1) << UInt64(fileBlock & 63)
            lock.lock()
            let done = verified[word] & bit != 0
            lock.unlock()
            if done { continue }
            let start = block * ArchiveFormat.blockSize
            let end = min(section.length, start + ArchiveFormat.blockSize)
            let data = UnsafeRawBufferPointer(start: base + section.offset + start, count: end - start)
            let stored = UInt64(littleEndian: (base + section.checksumOffset + 8 * block).loadUnaligned(as: UInt64.self))
            guard ArchiveFormat.checksum(data) == stored else {
                throw .corrupt(path: path, what: "checksum mismatch in \(what())", offset: section.offset + start)
            }
            lock.lock()
            verified[word] |= bit
            lock.unlock()
        }
    }

    /// The values of a section of little-endian `T`s, copied out, every block verified; the
    /// section must hold exactly `count` of them.
    func array<T: FixedWidthInteger>(_ section: SectionRef, of: T.Type, count: Int, what: @autoclosure () -> String) throws(ArchiveError) -> [T] {
        guard section.length == count * MemoryLayout<T>.size else {
            throw .corrupt(path: path, what: "\(what()) has \(section.length) bytes, not \(count) values", offset: section.offset)
        }
        let raw = try bytes(section, what: what())
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { memcpy(buffer.baseAddress!, raw.baseAddress!, raw.count) }
            #if _endian(big)
            for k in 0..<count { buffer[k] = T(littleEndian: buffer[k]) }
            #endif
            initialized = count
        }
    }

    /// One little-endian `T` at index `k` of a section of them.
    @inline(__always)
    func value<T: FixedWidthInteger>(_ section: SectionRef, at k: Int, as: T.Type, what: @autoclosure () -> String) throws(ArchiveError) -> T {
        let size = MemoryLayout<T>.size
        let raw = try bytes(section, range: k * size..<(k + 1) * size, what: what())
        return T(littleEndian: raw.loadUnaligned(as: T.self))
    }
}
