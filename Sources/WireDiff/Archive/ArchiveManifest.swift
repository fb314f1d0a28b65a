/// What one commit of an archive holds: its settings, its common shingles, and where every
/// section is. Written after a commit's sections; a header slot points at it.
///
/// Articles are numbered 0, 1, … in the order they were added (input order within a batch);
/// they live in *segments* (one per batch, contiguous numbers) and are indexed by *runs* (one
/// or more consecutive segments whose keys and ids are indexed together; small runs are
/// merged as the archive grows, so a query looks in a few runs only). The *tables* describe
/// the whole archive as of this commit: candidate pairs with their shared keys and verdicts,
/// stories, representative order.
struct ArchiveManifest: Sendable {
    var settings: ArchiveSettings
    /// The shingles left out of every sketch, sampled once, when the archive was created.
    var common: CommonShingles
    var articleCount: Int
    /// The next story id to give (ids are never reused).
    var nextStoryID: Int
    var segments: [Segment]
    var runs: [IndexRun]
    var tables: Tables
    var history: [CommitRecord]

    /// Articles `first..<first + count` as they were added.
    struct Segment: Sendable, Equatable {
        var first: Int
        var count: Int
        /// Per article: varint id length, id bytes, varint date length + 1 (0: no date), date
        /// bytes. Offsets: `count + 1` little-endian `UInt32`s.
        var meta: SectionRef
        var metaOffsets: SectionRef
        /// Per article: packed sentence and distinct-shingle counts (``RepresentativeOrder/Key``), `UInt32`.
        var completeness: SectionRef
        /// Per article: encoded ``StoryFeatures``. Offsets: `count + 1` little-endian `UInt64`s.
        var features: SectionRef
        var featureOffsets: SectionRef
    }

    /// The index of articles `first..<first + count`: ids, and bucket keys per band group.
    struct IndexRun: Sendable, Equatable {
        var first: Int
        var count: Int
        /// `UInt64`s, ascending: the low 32 bits of the id's ``StableHash`` shifted up 32, or'ed
        /// with the article number.
        var ids: SectionRef
        var groups: [KeyTable]
    }

    /// The bucket keys of one band group in one run: entries `(key, article)` sorted by the
    /// key's 40 bits, then article; a directory on the key's top ``directoryBits`` bits.
    ///
    /// Entries are bit-packed, ``entryBits`` each, entry `k` from bit `k · entryBits` of the
    /// section (bit `i` is bit `i % 8` of byte `i / 8`): the key's low ``remainderBits`` bits,
    /// then the article in ``articleBits``. Eight zero bytes follow the last entry, so any
    /// entry is read with one 8-byte load.
    struct KeyTable: Sendable, Equatable {
        var directoryBits: Int
        /// Bits of each entry's article: enough for the largest article the table names.
        var articleBits: Int
        var entryCount: Int
        /// `2^directoryBits + 1` little-endian `UInt32`s: where each directory slot's entries start.
        var directory: SectionRef
        var entries: SectionRef

        /// Bits of each entry's key remainder: the key's bits below the directory's.
        var remainderBits: Int { 40 - directoryBits }
        var entryBits: Int { remainderBits + articleBits }
        /// The directory widths and article widths a table may have: an entry is then at most
        /// 56 bits, so one 8-byte load at its first byte holds it.
        static let directoryBitsAllowed = 8...28
        static let articleBitsAllowed = 1...24

        /// Zero bytes after the last entry: one 8-byte load at any entry's first byte stays in
        /// the section.
        static let slackBytes = 8

        /// The length of the entries section: the packed entries and the slack.
        var entriesLength: Int { (entryCount * entryBits + 7) / 8 + Self.slackBytes }
    }

    /// The state of the whole archive.
    struct Tables: Sendable, Equatable {
        var pairCount = 0
        /// Candidate pairs `first << 32 | second`, ascending (`UInt64`); the band keys each
        /// shares (`UInt16`); the verdict of each (`Double` bits: the same-story score, NaN when
        /// not the same story).
        var pairs = SectionRef.empty
        var shared = SectionRef.empty
        var verdicts = SectionRef.empty
        var askedCount = 0
        /// Other pairs clustering measured (two hops from a center), with their verdicts.
        var askedPairs = SectionRef.empty
        var askedVerdicts = SectionRef.empty
        /// Per article: story id, representative article (`UInt32`s).
        var stories = SectionRef.empty
        var representatives = SectionRef.empty
        /// Article numbers in representative order (`UInt32`).
        var order = SectionRef.empty
    }

    /// One commit, for `index info` and for users who ask what happened to a story id.
    struct CommitRecord: Sendable, Equatable {
        enum Kind: UInt8, Sendable {
            case create = 1, add = 2, remove = 3
        }
        var sequence: UInt64
        var kind: Kind
        var added: Int
        var removed: Int
        var articles: Int
        var stories: Int
        /// Seconds since 1970.
        var time: Int64
        /// Story ids that ended in this commit because their story became part of another
        /// (`from` → `into`).
        var merges: [Merge]

        struct Merge: Sendable, Equatable {
            var from: Int
            var into: Int
        }
    }

    /// The number of stories (distinct ids in use).
    var storyCount: Int { history.last?.stories ?? 0 }
}

extension ArchiveManifest {
    var encoded: [UInt8] {
        var w = ByteWriter(capacity: 16 << 10)
        settings.encode(into: &w)
        w.putVarint(UInt64(common.sampled))
        for word in common.bits { w.put(word) }
        w.putVarint(UInt64(articleCount))
        w.putVarint(UInt64(nextStoryID))
        func put(_ section: SectionRef) {
            w.putVarint(UInt64(section.offset))
            w.putVarint(UInt64(section.length))
        }
        w.putVarint(UInt64(segments.count))
        for s in segments {
            w.putVarint(UInt64(s.first))
            w.putVarint(UInt64(s.count))
            for section in [s.meta, s.metaOffsets, s.completeness, s.features, s.featureOffsets] { put(section) }
        }
        w.putVarint(UInt64(runs.count))
        for run in runs {
            w.putVarint(UInt64(run.first))
            w.putVarint(UInt64(run.count))
            put(run.ids)
            w.putVarint(UInt64(run.groups.count))
            for table in run.groups {
                w.putVarint(UInt64(table.directoryBits))
                w.putVarint(UInt64(table.articleBits))
                w.putVarint(UInt64(table.entryCount))
                put(table.directory)
                put(table.entries)
            }
        }
        let t = tables
        w.putVarint(UInt64(t.pairCount))
        w.putVarint(UInt64(t.askedCount))
        for section in [t.pairs, t.shared, t.verdicts, t.askedPairs, t.askedVerdicts, t.stories, t.representatives, t.order] { put(section) }
        w.putVarint(UInt64(history.count))
        for c in history {
            w.put(c.sequence)
            w.put(c.kind.rawValue)
            for n in [c.added, c.removed, c.articles, c.stories] { w.putVarint(UInt64(n)) }
            w.put(c.time)
            w.putVarint(UInt64(c.merges.count))
            for m in c.merges {
                w.putVarint(UInt64(m.from))
                w.putVarint(UInt64(m.into))
            }
        }
        return w.bytes
    }

    /// Reads a manifest; a malformed one throws with the offset (relative to its start).
    static func decode(_ bytes: UnsafeRawBufferPointer) throws(ByteReader.Overrun) -> ArchiveManifest {
        var r = ByteReader(bytes)
        let settings = try ArchiveSettings.decode(&r)
        let sampled = try r.readCount(atMost: Int(UInt32.max))
        var hashes: [UInt16] = []
        for word in 0..<(1 << 16) / 64 {
            let bits = try r.read(UInt64.self)
            for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 { hashes.append(UInt16(word * 64 + bit)) }
        }
        let common = CommonShingles(hashes: hashes, sampled: sampled)
        let limit = Int(UInt32.max)
        let articleCount = try r.readCount(atMost: CandidateFinder.maximumArticles)
        let nextStoryID = try r.readCount(atMost: limit)
        func section() throws(ByteReader.Overrun) -> SectionRef {
            SectionRef(offset: try r.readCount(atMost: Int.max >> 2), length: try r.readCount(atMost: Int.max >> 2))
        }
        var segments: [Segment] = []
        for _ in 0..<(try r.readCount(atMost: articleCount + 1)) {
            let first = try r.readCount(atMost: articleCount), count = try r.readCount(atMost: articleCount)
            segments.append(Segment(
                first: first, count: count, meta: try section(), metaOffsets: try section(), completeness: try section(),
                features: try section(), featureOffsets: try section()))
        }
        var runs: [IndexRun] = []
        for _ in 0..<(try r.readCount(atMost: articleCount + 1)) {
            let first = try r.readCount(atMost: articleCount), count = try r.readCount(atMost: articleCount)
            let ids = try section()
            var groups: [KeyTable] = []
            for _ in 0..<(try r.readCount(atMost: 1024)) {
                let bits = try r.readCount(atMost: 40), articleBits = try r.readCount(atMost: 64)
                let entries = try r.readCount(atMost: Int.max >> 8)
                groups.append(KeyTable(directoryBits: bits, articleBits: articleBits, entryCount: entries, directory: try section(), entries: try section()))
            }
            runs.append(IndexRun(first: first, count: count, ids: ids, groups: groups))
        }
        var t = Tables()
        t.pairCount = try r.readCount(atMost: Int.max >> 8)
        t.askedCount = try r.readCount(atMost: Int.max >> 8)
        t.pairs = try section()
        t.shared = try section()
        t.verdicts = try section()
        t.askedPairs = try section()
        t.askedVerdicts = try section()
        t.stories = try section()
        t.representatives = try section()
        t.order = try section()
        var history: [CommitRecord] = []
        for _ in 0..<(try r.readCount(atMost: bytes.count)) {
            let sequence = try r.read(UInt64.self)
            let at = r.offset
            guard let kind = CommitRecord.Kind(rawValue: try r.read(UInt8.self)) else { throw ByteReader.Overrun(offset: at) }
            let added = try r.readCount(atMost: limit), removed = try r.readCount(atMost: limit)
            let articles = try r.readCount(atMost: limit), stories = try r.readCount(atMost: limit)
            let time = try r.read(Int64.self)
            var merges: [CommitRecord.Merge] = []
            for _ in 0..<(try r.readCount(atMost: bytes.count)) {
                merges.append(CommitRecord.Merge(from: try r.readCount(atMost: limit), into: try r.readCount(atMost: limit)))
            }
            history.append(CommitRecord(
                sequence: sequence, kind: kind, added: added, removed: removed, articles: articles, stories: stories, time: time,
                merges: merges))
        }
        return ArchiveManifest(
            settings: settings, common: common, articleCount: articleCount, nextStoryID: nextStoryID, segments: segments, runs: runs,
            tables: t, history: history)
    }
}

extension ArchiveManifest {
    /// Every section this commit uses (the manifest aside).
    var sections: [SectionRef] {
        var all: [SectionRef] = []
        for s in segments { all += [s.meta, s.metaOffsets, s.completeness, s.features, s.featureOffsets] }
        for run in runs {
            all.append(run.ids)
            for table in run.groups { all += [table.directory, table.entries] }
        }
        return all + tableSections
    }

    /// The sections of ``tables``.
    private var tableSections: [SectionRef] {
        let t = tables
        return [t.pairs, t.shared, t.verdicts, t.askedPairs, t.askedVerdicts, t.stories, t.representatives, t.order]
    }

    /// Bytes of the file this commit uses, headers and block padding included; the rest of a
    /// commit's length is left over from earlier commits.
    func liveBytes(manifest: SectionRef) -> Int {
        liveBytesByPart(manifest: manifest).total
    }

    /// ``liveBytes(manifest:)`` by what the bytes hold; each section counts with its checksums
    /// and the padding to the next block.
    func liveBytesByPart(manifest: SectionRef) -> ArchiveBytes {
        func size(_ sections: [SectionRef]) -> Int {
            sections.reduce(0) { $0 + ArchiveFormat.aligned($1.end - $1.offset, to: ArchiveFormat.blockSize) }
        }
        return ArchiveBytes(
            keyTables: size(runs.flatMap { $0.groups.flatMap { [$0.directory, $0.entries] } }),
            features: size(segments.flatMap { [$0.features, $0.featureOffsets] }),
            articles: size(segments.flatMap { [$0.meta, $0.metaOffsets, $0.completeness] } + runs.map(\.ids)),
            stories: size(tableSections),
            overhead: ArchiveFormat.dataStart + size([manifest]))
    }
}
