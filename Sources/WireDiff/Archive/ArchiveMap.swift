#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A read-only memory map of an archive's committed bytes and a descriptor of the same file,
/// and the one owner of both (unmapped and closed when the map goes away). Sections are read
/// with their checksums verified block by block, the first time a block is read: a query
/// touches, and checks, only the blocks it needs.
///
/// Whole sections are read through the mapping (``bytes(_:what:)``, ``array(_:of:count:what:)``);
/// point reads of a few bytes each (``withBytes(_:range:what:_:)``, ``value(_:at:as:what:)``:
/// an article's features or id, a bucket's entries) use `pread`, because the kernel maps the
/// pages around every page touched through a mapping (fault-around): a query's thousands of
/// point reads would make hundreds of MB of the archive's page cache resident in the process.
///
/// A writer, which reads much of the archive (an addition looks up every new bucket key), makes
/// its point reads through the mapping too (``pointReadsMapped``): no system call and no copy
/// per read, and the blocks are verified as before.
///
/// Safe to share between threads: the mapping never changes, `pread` takes its offset, and the
/// record of verified blocks is guarded by a lock.
final class ArchiveMap: @unchecked Sendable {
    /// The archive's path, for messages.
    let path: String
    /// The mapped bytes: the file's first ``count`` bytes.
    let base: UnsafeRawPointer
    let count: Int
    /// The mapped file, for point reads.
    private let descriptor: Int32
    private let lock = NSLock()
    /// One bit per 4 KiB block of the file: its checksum was verified.
    private var verified: [UInt64]
    /// Whether point reads go through the mapping (a writer's) rather than `pread` (a query's).
    let pointReadsMapped: Bool

    /// Maps the first `count` bytes of the open file `descriptor` (at least one header slot);
    /// point reads go through the mapping when `pointReadsMapped`.
    init(descriptor: Int32, count: Int, path: String, pointReadsMapped: Bool = false) throws(ArchiveError) {
        guard let pointer = mmap(nil, count, PROT_READ, MAP_SHARED, descriptor, 0), pointer != MAP_FAILED else {
            throw .notReadable(path: path, reason: "cannot map it into memory: " + String(cString: strerror(errno)))
        }
        let own = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard own >= 0 else {
            let reason = String(cString: strerror(errno))
            munmap(pointer, count)
            throw .notReadable(path: path, reason: reason)
        }
        self.path = path
        self.base = UnsafeRawPointer(pointer)
        self.count = count
        self.descriptor = own
        self.pointReadsMapped = pointReadsMapped
        self.verified = [UInt64](repeating: 0, count: (count / ArchiveFormat.blockSize + 64) / 64)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), count)
        close(descriptor)
    }

    /// All mapped bytes (headers included), unchecked.
    var all: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Whether `section` (bytes and checksums) lies inside the mapping, after the headers, on
    /// a block boundary.
    func contains(_ section: SectionRef) -> Bool {
        section.offset >= ArchiveFormat.dataStart && section.length >= 0
            && section.offset % ArchiveFormat.blockSize == 0 && section.end <= count
    }

    /// The bytes of `section` in the mapping, every block verified.
    func bytes(_ section: SectionRef, what: @autoclosure () -> String) throws(ArchiveError) -> UnsafeRawBufferPointer {
        guard contains(section) else { throw .corrupt(path: path, what: what() + " (out of bounds)", offset: section.offset) }
        if section.length > 0 { try verify(section, blocks: 0...(section.length - 1) / ArchiveFormat.blockSize, what: what()) }
        return UnsafeRawBufferPointer(start: base + section.offset, count: section.length)
    }

    /// The bytes of `section` in the mapping, every block verified, on `threads` threads: a
    /// section a writer reads nearly all of (an index's key tables, hundreds of MB at 1M
    /// articles). The first damaged block in the section's order is the one reported.
    func bytes(_ section: SectionRef, what: @autoclosure () -> String, threads: Int) throws(ArchiveError) -> UnsafeRawBufferPointer {
        guard contains(section) else { throw .corrupt(path: path, what: what() + " (out of bounds)", offset: section.offset) }
        let name = what()
        let blocks = (section.length + ArchiveFormat.blockSize - 1) / ArchiveFormat.blockSize
        let failures = Parallel.mapChunks(count: blocks, threads: threads, minimumChunk: 1024) { range -> ArchiveError? in
            do throws(ArchiveError) {
                try self.verify(section, blocks: range.lowerBound...range.upperBound - 1, what: name)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return UnsafeRawBufferPointer(start: base + section.offset, count: section.length)
    }

    /// Verifies the checksums of `section`'s blocks in `blocks` that were not verified yet, in
    /// the mapping.
    private func verify(_ section: SectionRef, blocks: ClosedRange<Int>, what: @autoclosure () -> String) throws(ArchiveError) {
        for block in blocks where !isVerified(section, block) {
            let start = block * ArchiveFormat.blockSize
            let end = min(section.length, start + ArchiveFormat.blockSize)
            let stored = UInt64(littleEndian: (base + section.checksumOffset + 8 * block).loadUnaligned(as: UInt64.self))
            try check(section, block, UnsafeRawBufferPointer(start: base + section.offset + start, count: end - start), stored: stored, what: what())
        }
    }

    /// Whether block `block` of `section` was verified.
    private func isVerified(_ section: SectionRef, _ block: Int) -> Bool {
        let fileBlock = section.offset / ArchiveFormat.blockSize + block
        lock.lock()
        defer { lock.unlock() }
        return verified[fileBlock >> 6] & (1 << UInt64(fileBlock & 63)) != 0
    }

    /// Compares block `block` of `section` (its bytes `data`) with its stored checksum and
    /// records it as verified.
    private func check(_ section: SectionRef, _ block: Int, _ data: UnsafeRawBufferPointer, stored: UInt64, what: @autoclosure () -> String) throws(ArchiveError) {
        guard ArchiveFormat.checksum(data) == stored else {
            throw .corrupt(path: path, what: "checksum mismatch in \(what())", offset: section.offset + block * ArchiveFormat.blockSize)
        }
        let fileBlock = section.offset / ArchiveFormat.blockSize + block
        lock.lock()
        verified[fileBlock >> 6] |= 1 << UInt64(fileBlock & 63)
        lock.unlock()
    }

    /// Calls `body` with bytes `range` of `section`, read with `pread` (not through the
    /// mapping, unless ``pointReadsMapped``), the blocks holding them verified: the whole blocks
    /// are read when one of them was not verified yet, else only `range`.
    func withBytes<R>(
        _ section: SectionRef, range: Range<Int>, what: @autoclosure () -> String, _ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> R
    ) throws(ArchiveError) -> R {
        guard range.lowerBound >= 0, range.upperBound <= section.length, contains(section) else {
            throw .corrupt(path: path, what: what() + " (out of bounds)", offset: section.offset + max(0, range.lowerBound))
        }
        if range.isEmpty { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let blocks = range.lowerBound / ArchiveFormat.blockSize...(range.upperBound - 1) / ArchiveFormat.blockSize
        if pointReadsMapped {
            try verify(section, blocks: blocks, what: what())
            return try body(UnsafeRawBufferPointer(start: base + section.offset + range.lowerBound, count: range.count))
        }
        let checking = blocks.contains { !isVerified(section, $0) }
        let start = checking ? blocks.lowerBound * ArchiveFormat.blockSize : range.lowerBound
        let end = checking ? min(section.length, (blocks.upperBound + 1) * ArchiveFormat.blockSize) : range.upperBound
        let sums = checking ? 8 * blocks.count : 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: end - start + sums, alignment: 8)
        defer { buffer.deallocate() }
        try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<end - start]), at: section.offset + start)
        if checking {
            let stored = UnsafeMutableRawBufferPointer(rebasing: buffer[(end - start)..<buffer.count])
            try read(into: stored, at: section.checksumOffset + 8 * blocks.lowerBound)
            for (k, block) in blocks.enumerated() where !isVerified(section, block) {
                let from = block * ArchiveFormat.blockSize - start
                let data = UnsafeRawBufferPointer(rebasing: buffer[from..<min(end - start, from + ArchiveFormat.blockSize)])
                try check(section, block, data, stored: UInt64(littleEndian: stored.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)), what: what())
            }
        }
        return try body(UnsafeRawBufferPointer(rebasing: buffer[range.lowerBound - start..<range.upperBound - start]))
    }

    /// Fills `buffer` from file offset `offset` (inside the committed bytes).
    private func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(ArchiveError) {
        let (done, error) = FileIO.readAll(descriptor, into: buffer, at: offset)
        if let error { throw .notReadable(path: path, reason: String(cString: strerror(error))) }
        if done < buffer.count { throw .truncated(path: path, size: offset + done, needed: count) }
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

    /// One little-endian `T` at index `k` of a section of them (a point read).
    @inline(__always)
    func value<T: FixedWidthInteger>(_ section: SectionRef, at k: Int, as: T.Type, what: @autoclosure () -> String) throws(ArchiveError) -> T {
        let size = MemoryLayout<T>.size
        return try withBytes(section, range: k * size..<(k + 1) * size, what: what()) { raw in T(littleEndian: raw.loadUnaligned(as: T.self)) }
    }

    /// The little-endian `T`s at indices `k` and `k + 1` of a section of them, in one point read.
    func values<T: FixedWidthInteger>(_ section: SectionRef, at k: Int, as: T.Type, what: @autoclosure () -> String) throws(ArchiveError) -> (T, T) {
        let size = MemoryLayout<T>.size
        return try withBytes(section, range: k * size..<(k + 2) * size, what: what()) { raw in
            (T(littleEndian: raw.loadUnaligned(as: T.self)), T(littleEndian: raw.loadUnaligned(fromByteOffset: size, as: T.self)))
        }
    }
}
