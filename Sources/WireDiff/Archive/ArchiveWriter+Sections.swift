/// The sections of segments, index runs and tables (`Documentation/Archive.md`, "Sections").
extension ArchiveWriter {
    /// Writes the segment of articles `first..<first + records.count`: their ids and dates,
    /// sizes and features (`features(k)` for the segment's `k`th article).
    func segment(
        first: Int, records: [(id: String, date: String?)], features: (Int) throws(ArchiveError) -> StoryFeatures
    ) throws(ArchiveError) -> ArchiveManifest.Segment {
        var metaOffsets: [UInt32] = [0]
        let meta = try section { sink throws(ArchiveError) in
            var written = 0
            for record in records {
                var w = ByteWriter()
                w.put(record.id)
                if let date = record.date {
                    w.putVarint(UInt64(date.utf8.count) + 1)
                    w.put(bytes: date.utf8)
                } else {
                    w.putVarint(0)
                }
                written += w.count
                guard written <= Int(UInt32.max) else { throw .writeFailed(path: path, reason: "ids and dates of one batch exceed 4 GB") }
                metaOffsets.append(UInt32(written))
                sink.write(w)
            }
        }
        var completeness: [UInt32] = []
        completeness.reserveCapacity(records.count)
        var featureOffsets: [UInt64] = [0]
        featureOffsets.reserveCapacity(records.count + 1)
        let featureSection = try section { sink throws(ArchiveError) in
            var w = ByteWriter(capacity: 1 << 16)
            var written = 0
            for k in records.indices {
                let f = try features(k)
                completeness.append(RepresentativeOrder.Key.completeness(sentences: f.sentenceCount, distinct: f.distinctShingles))
                let before = w.count
                f.encode(into: &w)
                written += w.count - before
                featureOffsets.append(UInt64(written))
                if w.count >= 1 << 16 {
                    sink.write(w)
                    w.bytes.removeAll(keepingCapacity: true)
                }
            }
            sink.write(w)
        }
        return ArchiveManifest.Segment(
            first: first, count: records.count, meta: meta, metaOffsets: try section(metaOffsets),
            completeness: try section(completeness), features: featureSection, featureOffsets: try section(featureOffsets))
    }

    /// Writes an index run of articles `first..<first + count`: their id entries
    /// (``StoryArchive/idEntry(_:article:)``, ascending) and, per band group, their bucket
    /// entries (``CandidateFinder`` entries, ascending, distinct).
    func run(first: Int, count: Int, ids: [UInt64], groups: [[UInt64]]) throws(ArchiveError) -> ArchiveManifest.IndexRun {
        var tables: [ArchiveManifest.KeyTable] = []
        for entries in groups { tables.append(try keyTable(entries)) }
        return ArchiveManifest.IndexRun(first: first, count: count, ids: try section(ids), groups: tables)
    }

    /// Writes one key table: entries grouped by a directory on the keys' top bits, bit-packed
    /// (``ArchiveManifest/KeyTable``). Articles take the bits the largest one needs (20 at 1M
    /// articles), and the directory's width is the one that makes the table smallest: each
    /// directory bit saves a bit per entry and doubles the directory's 4 bytes per slot, so
    /// slots end up holding about 20 entries (at 1M articles and 87M entries per group: 38
    /// bits per entry and a 16 MiB directory, against 40 bits and 64 MiB in whole bytes).
    func keyTable(_ entries: [UInt64]) throws(ArchiveError) -> ArchiveManifest.KeyTable {
        guard entries.count < Int(UInt32.max) else { throw .writeFailed(path: path, reason: "more than 2^32 keys in one band group") }
        typealias Table = ArchiveManifest.KeyTable
        let largest = entries.reduce(UInt64(0)) { max($0, $1 & 0xFF_FFFF) }
        let articleBits = max(1, 64 - largest.leadingZeroBitCount)
        let bits = Table.directoryBitsAllowed.min { a, b in
            entries.count * (40 - a) + 32 << a < entries.count * (40 - b) + 32 << b
        }!
        var table = Table(directoryBits: bits, articleBits: articleBits, entryCount: entries.count, directory: .empty, entries: .empty)
        var directory = [UInt32](repeating: 0, count: (1 << bits) + 1)
        table.entries = try section { sink in
            var w = ByteWriter(capacity: 1 << 16)
            var packer = BitPacker()
            for entry in entries {
                let (slot, remainder) = table.slot(of: entry >> 24)
                directory[slot + 1] += 1
                packer.append(table.pack(remainder: remainder, article: entry & 0xFF_FFFF), bits: table.entryBits, to: &w)
                if w.count >= 1 << 16 {
                    sink.write(w)
                    w.bytes.removeAll(keepingCapacity: true)
                }
            }
            packer.finish(to: &w)
            w.put(0, width: Table.slackBytes)
            sink.write(w)
        }
        for slot in 0..<(1 << bits) { directory[slot + 1] += directory[slot] }
        table.directory = try section(directory)
        return table
    }

    /// Writes the tables of the archive's state.
    func tables(_ state: ArchiveState) throws(ArchiveError) -> ArchiveManifest.Tables {
        var t = ArchiveManifest.Tables()
        t.pairCount = state.pairs.count
        t.pairs = try section(state.pairs)
        t.shared = try section(state.shared)
        t.verdicts = try section(state.verdicts.map(\.bitPattern))
        t.askedCount = state.asked.pairs.count
        t.askedPairs = try section(state.asked.pairs)
        t.askedVerdicts = try section(state.asked.verdicts.map(\.bitPattern))
        t.stories = try section(state.stories.map(UInt32.init))
        t.representatives = try section(state.representatives.map(UInt32.init))
        t.order = try section(state.order.map(UInt32.init))
        return t
    }
}

extension ArchiveWriter {
    /// Copies a section of another commit (verified block by block) into this file.
    func copy(_ section: SectionRef, from map: ArchiveMap) throws(ArchiveError) -> SectionRef {
        let bytes = try map.bytes(section, what: "a section being copied")
        return try self.section { $0.write(bytes) }
    }

    /// Copies a segment's sections.
    func copy(_ s: ArchiveManifest.Segment, from map: ArchiveMap) throws(ArchiveError) -> ArchiveManifest.Segment {
        var s = s
        s.meta = try copy(s.meta, from: map)
        s.metaOffsets = try copy(s.metaOffsets, from: map)
        s.completeness = try copy(s.completeness, from: map)
        s.features = try copy(s.features, from: map)
        s.featureOffsets = try copy(s.featureOffsets, from: map)
        return s
    }

    /// Copies an index run's sections.
    func copy(_ run: ArchiveManifest.IndexRun, from map: ArchiveMap) throws(ArchiveError) -> ArchiveManifest.IndexRun {
        var run = run
        run.ids = try copy(run.ids, from: map)
        for g in run.groups.indices {
            run.groups[g].directory = try copy(run.groups[g].directory, from: map)
            run.groups[g].entries = try copy(run.groups[g].entries, from: map)
        }
        return run
    }
}
