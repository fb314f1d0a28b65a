#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An archive of articles for rewrite detection, opened for reading: one file holding, per
/// article, its id, date and ``StoryFeatures`` (not its text), the index of its sentences'
/// bucket keys, and the archive's stories; read through a memory map (whole sections) and
/// `pread` (a query's point reads: ``ArchiveMap``), so a query reads and checks only the
/// blocks it needs (`Documentation/Archive.md`).
///
/// Opening reads the two header slots and uses the newest commit whose data is all there;
/// ``recovery`` says when that is not the newest commit ever started. Readers take no lock:
/// a writer appends past the commit a reader uses and never changes it.
///
/// - Complexity: O(1) to open (the manifest is read whole: a few KB plus 32 bytes per batch).
public final class StoryArchive: @unchecked Sendable {
    /// The path as given.
    public let path: String
    let map: ArchiveMap
    let header: ArchiveHeader
    let manifest: ArchiveManifest
    /// The file's size when opened (more than the commit uses after an unfinished write).
    public let fileSize: Int
    /// Why the archive is not as of the newest commit started, or holds bytes past it.
    public let recovery: Recovery?
    /// The banding of the archive's settings (derived once: it integrates the S-curve).
    let lsh: LSHParameters

    /// What opening found beyond the commit it uses.
    public enum Recovery: Sendable, Equatable, CustomStringConvertible {
        /// Bytes past the commit: a write in progress, or one that was interrupted; the next
        /// write discards them.
        case trailingBytes(commit: UInt64, bytes: Int)
        /// The other header slot is damaged: a commit was interrupted while its header was
        /// written (or the slot was damaged); the archive is as of `commit`.
        case damagedHeader(commit: UInt64)
        /// Commit `lost` lacks data (the file was truncated after it was written); the archive
        /// is as of `commit`, the one before.
        case truncatedCommit(lost: UInt64, commit: UInt64)

        public var description: String {
            switch self {
            case let .trailingBytes(commit, bytes):
                "\(bytes) bytes past commit \(commit): a write in progress or interrupted; the archive is as of commit \(commit) and the next write discards them"
            case let .damagedHeader(commit):
                "the other header slot is damaged (a commit interrupted while its header was written); the archive is as of commit \(commit)"
            case let .truncatedCommit(lost, commit):
                "commit \(lost) is incomplete (the file was truncated); the archive is as of commit \(commit)"
            }
        }
    }

    /// Opens the archive at `path` for reading.
    ///
    /// - Throws: ``ArchiveError``: missing or unreadable (66); not an archive, a newer format,
    ///   truncated, corrupt, or built by a different detection pipeline (65).
    public convenience init(path: String) throws(ArchiveError) {
        let descriptor = try Self.openDescriptor(path, writable: false)
        defer { close(descriptor) }
        try self.init(path: path, descriptor: descriptor)
    }

    /// Opens the archive whose file is open as `descriptor` (the caller keeps it); a `writer`
    /// makes its point reads through the mapping (``ArchiveMap/pointReadsMapped``).
    init(path: String, descriptor: Int32, writer: Bool = false) throws(ArchiveError) {
        self.path = path
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .notReadable(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        fileSize = size
        // Both header slots, as far as the file goes.
        var slots: [ArchiveHeader.Slot] = []
        for slot in 0..<2 {
            let offset = slot * ArchiveFormat.slotSize
            let available = max(0, min(ArchiveFormat.headerSize, size - offset))
            var bytes = [UInt8](repeating: 0, count: available)
            if available > 0 {
                let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, available, off_t(offset)) }
                guard read == available else { throw .notReadable(path: path, reason: String(cString: strerror(errno))) }
            }
            slots.append(bytes.withUnsafeBytes { ArchiveHeader.decode($0) })
        }
        if let newer = slots.lazy.compactMap({ slot -> Int? in if case .newer(let v) = slot { v } else { nil } }).first {
            throw .newerVersion(path: path, version: newer, supported: Int(ArchiveFormat.version))
        }
        if let older = slots.lazy.compactMap({ slot -> Int? in if case .older(let v) = slot { v } else { nil } }).first,
            !slots.contains(where: { if case .valid = $0 { true } else { false } })
        {
            throw .olderVersion(path: path, version: older, supported: Int(ArchiveFormat.version))
        }
        let valid = slots.compactMap { slot -> ArchiveHeader? in if case .valid(let h) = slot { h } else { nil } }
            .sorted { $0.sequence > $1.sequence }
        let damaged = slots.firstIndex(of: .damaged)
        guard let newest = valid.first else {
            if let damaged { throw .corrupt(path: path, what: "no readable header (checksum mismatch)", offset: damaged * ArchiveFormat.slotSize) }
            throw .notAnArchive(path: path)
        }
        // The newest commit whose bytes are all in the file.
        guard let chosen = valid.first(where: { $0.committedLength <= size }) else {
            throw .truncated(path: path, size: size, needed: valid.map(\.committedLength).min() ?? newest.committedLength)
        }
        guard chosen.committedLength >= ArchiveFormat.dataStart else {
            throw .corrupt(path: path, what: "header names a commit of \(chosen.committedLength) bytes", offset: 0)
        }
        header = chosen
        if chosen != newest {
            recovery = .truncatedCommit(lost: newest.sequence, commit: chosen.sequence)
        } else if damaged != nil {
            recovery = .damagedHeader(commit: chosen.sequence)
        } else if size > chosen.committedLength {
            recovery = .trailingBytes(commit: chosen.sequence, bytes: size - chosen.committedLength)
        } else {
            recovery = nil
        }
        map = try ArchiveMap(descriptor: descriptor, count: chosen.committedLength, path: path, pointReadsMapped: writer)
        let manifestBytes = try map.bytes(chosen.manifest, what: "the manifest")
        do {
            manifest = try ArchiveManifest.decode(manifestBytes)
        } catch {
            throw .corrupt(path: path, what: "malformed manifest", offset: chosen.manifest.offset + error.offset)
        }
        lsh = manifest.settings.options.effectiveLSH
        try checkStructure()
        guard manifest.settings.matchesThisPipeline else {
            throw .incompatiblePipeline(path: path, builtBy: manifest.settings.producer)
        }
    }

    /// Opens `path` for reading (or reading and writing), mapping `open`'s failures to
    /// ``ArchiveError``s; refuses what is not a regular file.
    static func openDescriptor(_ path: String, writable: Bool) throws(ArchiveError) -> Int32 {
        let descriptor = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .missing(path: path) }
            throw .notReadable(path: path, reason: String(cString: strerror(code)))
        }
        var info = stat()
        if fstat(descriptor, &info) != 0 || info.st_mode & S_IFMT != S_IFREG {
            close(descriptor)
            throw .notReadable(path: path, reason: info.st_mode & S_IFMT == S_IFDIR ? "is a directory" : "not a regular file")
        }
        return descriptor
    }

    /// Checks that every section of the manifest lies in the commit and has the size its
    /// counts imply, and that segments and runs cover the articles in order.
    private func checkStructure() throws(ArchiveError) {
        let m = manifest
        func fail(_ what: String, _ offset: Int = 0) -> ArchiveError {
            .corrupt(path: path, what: what, offset: offset == 0 ? header.manifest.offset : offset)
        }
        func check(_ section: SectionRef, _ length: Int?, _ what: String) throws(ArchiveError) {
            guard map.contains(section) else { throw fail("\(what) outside the commit", section.offset) }
            if let length, section.length != length { throw fail("\(what) of \(section.length) bytes, expected \(length)", section.offset) }
        }
        var next = 0
        for s in m.segments {
            guard s.first == next, s.count > 0 else { throw fail("segments out of order") }
            next += s.count
            try check(s.meta, nil, "article ids")
            try check(s.metaOffsets, 4 * (s.count + 1), "id offsets")
            try check(s.completeness, 4 * s.count, "article sizes")
            try check(s.features, nil, "features")
            try check(s.featureOffsets, 8 * (s.count + 1), "feature offsets")
        }
        guard next == m.articleCount else { throw fail("segments hold \(next) articles, not \(m.articleCount)") }
        next = 0
        for run in m.runs {
            guard run.first == next, run.count > 0, run.groups.count == groupCount else { throw fail("index runs out of order") }
            next += run.count
            try check(run.ids, 8 * run.count, "id index")
            for table in run.groups {
                guard ArchiveManifest.KeyTable.directoryBitsAllowed.contains(table.directoryBits),
                    ArchiveManifest.KeyTable.articleBitsAllowed.contains(table.articleBits)
                else {
                    throw fail("key table layout")
                }
                try check(table.directory, 4 * ((1 << table.directoryBits) + 1), "key directory")
                try check(table.entries, table.entriesLength, "key entries")
            }
        }
        guard next == m.articleCount else { throw fail("index runs hold \(next) articles, not \(m.articleCount)") }
        let t = m.tables
        try check(t.pairs, 8 * t.pairCount, "candidate pairs")
        try check(t.shared, 2 * t.pairCount, "shared keys")
        try check(t.verdicts, 8 * t.pairCount, "verdicts")
        try check(t.askedPairs, 8 * t.askedCount, "measured pairs")
        try check(t.askedVerdicts, 8 * t.askedCount, "measured verdicts")
        try check(t.stories, 4 * m.articleCount, "stories")
        try check(t.representatives, 4 * m.articleCount, "representatives")
        try check(t.order, 4 * m.articleCount, "representative order")
    }

    // MARK: - The archive

    /// The settings the archive was built with.
    public var settings: ArchiveSettings { manifest.settings }
    /// The shingles left out of sketches, sampled when the archive was created.
    package var common: CommonShingles { manifest.common }
    /// Articles in the archive.
    public var count: Int { manifest.articleCount }
    /// Stories in the archive.
    public var storyCount: Int { manifest.storyCount }
    /// The commit this reader sees.
    public var commit: UInt64 { header.sequence }
    /// Bytes the commit uses.
    public var committedLength: Int { header.committedLength }
    /// Band groups of the index.
    var groupCount: Int { (lsh.bands + settings.bandsPerGroup - 1) / settings.bandsPerGroup }

    // MARK: - Articles

    /// The segment holding article `i`, and `i`'s position in it.
    func segment(of i: Int) -> (ArchiveManifest.Segment, Int) {
        let segments = manifest.segments
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].first <= i { low = mid } else { high = mid - 1 }
        }
        return (segments[low], i - segments[low].first)
    }

    /// Article `i`'s id and date.
    public func record(_ i: Int) throws(ArchiveError) -> (id: String, date: String?) {
        try withMeta(i) { reader throws(ByteReader.Overrun) in
            let id = try reader.readString()
            return (id, try Self.readDate(&reader))
        }
    }

    /// Article `i`'s date: its meta read without making a string of its id (the representative
    /// order of an addition compares dates only).
    func date(_ i: Int) throws(ArchiveError) -> String? {
        try withMeta(i) { reader throws(ByteReader.Overrun) in
            _ = try reader.readBytes(try reader.readCount(atMost: min(1 << 20, reader.remaining)))
            return try Self.readDate(&reader)
        }
    }

    /// The date that follows an id in an article's meta.
    private static func readDate(_ reader: inout ByteReader) throws(ByteReader.Overrun) -> String? {
        let dateLength = try reader.readCount(atMost: reader.remaining + 1)
        guard dateLength > 0 else { return nil }
        return String(decoding: try reader.readBytes(dateLength - 1), as: UTF8.self)
    }

    /// Calls `body` with a reader of article `i`'s meta (id, then date); an overrun is a
    /// malformed id at its offset.
    private func withMeta<R>(_ i: Int, _ body: (inout ByteReader) throws(ByteReader.Overrun) -> R) throws(ArchiveError) -> R {
        let (s, k) = segment(of: i)
        let (start32, end32) = try map.values(s.metaOffsets, at: k, as: UInt32.self, what: "id offsets")
        let start = Int(start32), end = Int(end32)
        guard start <= end, end <= s.meta.length else { throw .corrupt(path: path, what: "id offsets", offset: s.metaOffsets.offset) }
        return try map.withBytes(s.meta, range: start..<end, what: "article ids") { bytes throws(ArchiveError) in
            var reader = ByteReader(bytes)
            do throws(ByteReader.Overrun) {
                return try body(&reader)
            } catch {
                throw .corrupt(path: path, what: "malformed article id", offset: s.meta.offset + start + error.offset)
            }
        }
    }

    /// Article `i`'s id.
    public func id(_ i: Int) throws(ArchiveError) -> String { try record(i).id }

    /// Article `i`'s packed sentence and shingle counts (``RepresentativeOrder/Key``).
    func completeness(_ i: Int) throws(ArchiveError) -> UInt32 {
        let (s, k) = segment(of: i)
        return try map.value(s.completeness, at: k, as: UInt32.self, what: "article sizes")
    }

    /// Article `i`'s place in representative order, as ``RepresentativeOrder`` sees it.
    func orderArticle(_ i: Int) throws(ArchiveError) -> RepresentativeOrder.Article {
        let date = try date(i)
        return RepresentativeOrder.Article(index: i, key: RepresentativeOrder.Key(date: date, completeness: try completeness(i)), date: date)
    }

    /// Calls `body` with the bytes of article `i`'s encoded features; a decoding error in
    /// `body` is reported as malformed features at its offset.
    private func withFeatureBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws(StoryFeatures.DecodingError) -> R) throws(ArchiveError) -> R {
        let (s, k) = segment(of: i)
        let (start64, end64) = try map.values(s.featureOffsets, at: k, as: UInt64.self, what: "feature offsets")
        guard start64 <= end64, end64 <= UInt64(s.features.length) else {
            throw .corrupt(path: path, what: "feature offsets", offset: s.featureOffsets.offset)
        }
        let start = Int(start64)
        return try map.withBytes(s.features, range: start..<Int(end64), what: "features") { bytes throws(ArchiveError) in
            do throws(StoryFeatures.DecodingError) {
                return try body(bytes)
            } catch {
                throw .corrupt(path: path, what: "malformed features", offset: s.features.offset + start + error.offset)
            }
        }
    }

    /// Article `i`'s features.
    package func features(_ i: Int) throws(ArchiveError) -> StoryFeatures {
        try withFeatureBytes(i) { bytes throws(StoryFeatures.DecodingError) in try StoryFeatures(decoding: bytes) }
    }

    /// Appends the features of articles `range` to `part`.
    func appendFeatures(_ range: Range<Int>, to part: inout FeatureStore.Part) throws(ArchiveError) {
        for i in range {
            _ = try withFeatureBytes(i) { bytes throws(StoryFeatures.DecodingError) in try StoryFeatures.decode(bytes, appendingTo: &part) }
        }
    }

    /// Every article's features, read in parallel.
    func allFeatures(threads: Int) throws(ArchiveError) -> FeatureStore {
        let n = count
        let parts = Parallel.mapChunks(count: n, threads: threads, minimumChunk: 4096) { range -> Result<FeatureStore.Part, ArchiveError> in
            var part = FeatureStore.Part()
            do throws(ArchiveError) {
                try self.appendFeatures(range, to: &part)
            } catch {
                return .failure(error)
            }
            return .success(part)
        }
        var result: [FeatureStore.Part] = []
        for part in parts { result.append(try part.get()) }
        return FeatureStore(parts: result)
    }

    /// The article with id `id`, if the archive holds one.
    public func article(withID id: String) throws(ArchiveError) -> Int? {
        let hash = Self.idHash(id)
        for run in manifest.runs {
            // The first entry with this hash, by binary search.
            var low = 0, high = run.count
            while low < high {
                let mid = (low + high) / 2
                if PackedPair.high(try map.value(run.ids, at: mid, as: UInt64.self, what: "id index")) < hash { low = mid + 1 } else { high = mid }
            }
            while low < run.count {
                let entry = try map.value(run.ids, at: low, as: UInt64.self, what: "id index")
                let (entryHash, article) = PackedPair.unpack(entry)
                guard entryHash == hash else { break }
                guard article < count else { throw .corrupt(path: path, what: "id index", offset: run.ids.offset) }
                if try self.id(article) == id { return article }
                low += 1
            }
        }
        return nil
    }

    /// The index's entry for an id: its ``idHash(_:)``, then the article (a ``PackedPair``).
    static func idEntry(_ id: String, article: Int) -> UInt64 {
        PackedPair.pack(idHash(id), article)
    }

    /// The low 32 bits of the id's ``StableHash``: the id index's order.
    static func idHash(_ id: String) -> Int {
        Int(truncatingIfNeeded: StableHash.hash(id) & 0xFFFF_FFFF)
    }

    // MARK: - Bucket keys

    /// Appends the articles holding bucket key `bucket` (a band key's top 40 bits, shifted
    /// down) in band group `group` (every group when `nil`), ascending per run, runs in order.
    func appendMembers(ofBucket bucket: UInt64, group: Int?, to members: inout [Int]) throws(ArchiveError) {
        for run in manifest.runs {
            for g in group.map({ $0..<$0 + 1 }) ?? 0..<run.groups.count {
                try appendMembers(ofBucket: bucket, in: run.groups[g], to: &members)
            }
        }
    }

    /// Appends the articles of one key table holding `bucket`: the directory slot's two
    /// offsets and the slot's entries are read with point reads (each block checked).
    func appendMembers(ofBucket bucket: UInt64, in table: ArchiveManifest.KeyTable, to members: inout [Int]) throws(ArchiveError) {
        let (slot, remainder) = table.slot(of: bucket)
        let (start32, end32) = try map.values(table.directory, at: slot, as: UInt32.self, what: "key directory")
        let start = Int(start32), end = Int(end32)
        guard start <= end, end <= table.entryCount else { throw .corrupt(path: path, what: "key directory", offset: table.directory.offset) }
        if start == end { return }
        let (bytes, bitBase) = table.byteRange(ofEntries: start..<end)
        try map.withBytes(table.entries, range: bytes, what: "key entries") { entries throws(ArchiveError) in
            for k in table.matching(remainder, in: entries, range: 0..<end - start, bitBase: bitBase) {
                let article = table.article(at: k, in: entries, bitBase: bitBase)
                guard article < count else { throw .corrupt(path: path, what: "key entries", offset: table.entries.offset) }
                members.append(article)
            }
        }
    }

    /// Every entry of a key table, as ``CandidateFinder`` entries (bucket key in the top 40
    /// bits, article in the low 24), ascending; an entry naming no archived article is corrupt.
    func entries(of table: ArchiveManifest.KeyTable) throws(ArchiveError) -> [UInt64] {
        let directory = try map.bytes(table.directory, what: "key directory")
        let entries = try map.bytes(table.entries, what: "key entries")
        let d = table.directoryBits
        var result = [UInt64](repeating: 0, count: table.entryCount)
        var k = 0
        for slot in 0..<(1 << d) {
            let end = Int(UInt32(littleEndian: directory.loadUnaligned(fromByteOffset: 4 * (slot + 1), as: UInt32.self)))
            guard end >= k, end <= table.entryCount else { throw .corrupt(path: path, what: "key directory", offset: table.directory.offset) }
            while k < end {
                let article = table.article(at: k, in: entries)
                guard article < count else { throw .corrupt(path: path, what: "key entries", offset: table.entries.offset) }
                result[k] = (UInt64(slot) << UInt64(40 - d) | table.remainder(at: k, in: entries)) << 24 | UInt64(article)
                k += 1
            }
        }
        guard k == table.entryCount else { throw .corrupt(path: path, what: "key directory", offset: table.directory.offset) }
        return result
    }

    // MARK: - Tables

    /// The candidate pairs, the band keys each shares, and their verdicts.
    func candidatePairs() throws(ArchiveError) -> (pairs: [UInt64], shared: [UInt16], verdicts: [Double]) {
        let t = manifest.tables
        let pairs = try map.array(t.pairs, of: UInt64.self, count: t.pairCount, what: "candidate pairs")
        let shared = try map.array(t.shared, of: UInt16.self, count: t.pairCount, what: "shared keys")
        let verdicts = try map.array(t.verdicts, of: UInt64.self, count: t.pairCount, what: "verdicts").map(Double.init(bitPattern:))
        return (pairs, shared, verdicts)
    }

    /// The other pairs clustering measured, and their verdicts.
    func askedPairs() throws(ArchiveError) -> (pairs: [UInt64], verdicts: [Double]) {
        let t = manifest.tables
        return (
            try map.array(t.askedPairs, of: UInt64.self, count: t.askedCount, what: "measured pairs"),
            try map.array(t.askedVerdicts, of: UInt64.self, count: t.askedCount, what: "measured verdicts").map(Double.init(bitPattern:))
        )
    }

    /// Per article: story id and representative.
    public func stories() throws(ArchiveError) -> (stories: [UInt32], representatives: [UInt32]) {
        let t = manifest.tables
        let stories = try map.array(t.stories, of: UInt32.self, count: count, what: "stories")
        let representatives = try map.array(t.representatives, of: UInt32.self, count: count, what: "representatives")
        guard representatives.allSatisfy({ Int($0) < count }) else { throw .corrupt(path: path, what: "representatives", offset: t.representatives.offset) }
        return (stories, representatives)
    }

    /// Article numbers in representative order.
    func order() throws(ArchiveError) -> [UInt32] {
        let order = try map.array(manifest.tables.order, of: UInt32.self, count: count, what: "representative order")
        guard order.allSatisfy({ Int($0) < count }) else { throw .corrupt(path: path, what: "representative order", offset: manifest.tables.order.offset) }
        return order
    }
}
