/// What `index info` reports about an archive.
public struct ArchiveInfo: Sendable {
    public var formatVersion: Int
    public var settings: ArchiveSettings
    public var commit: UInt64
    public var documents: Int
    public var stories: Int
    /// The file's size, the bytes the commit uses, and those of them that are live (the rest
    /// were left by earlier commits; the next addition compacts the file when they are more
    /// than the live ones).
    public var fileBytes: Int
    public var committedBytes: Int
    public var liveBytes: Int
    /// ``liveBytes`` by what they hold.
    public var liveBytesByPart: ArchiveBytes
    /// Documents per index run, oldest first.
    public var runs: [Int]
    public var segments: Int
    public var bandGroups: Int
    /// Shingles left out of sketches, and the documents they were sampled from.
    public var commonShingles: Int
    public var commonSampled: Int
    public var recovery: StoryArchive.Recovery?
    public var history: [Commit]

    /// One commit.
    public struct Commit: Sendable {
        public var sequence: UInt64
        public var kind: String
        public var added: Int
        public var removed: Int
        public var documents: Int
        public var stories: Int
        /// Seconds since 1970.
        public var time: Int64
        public var merges: [StoryMerge]
    }
}

/// The bytes an archive's commit uses, by what they hold (each section with its checksums and
/// the padding to the next 4 KiB block): what a document costs in each part.
public struct ArchiveBytes: Sendable, Equatable {
    /// The inverted index: every run's band-key directories and entries.
    public var keyTables: Int
    /// Every article's features (the shingle hashes of its sentences, names and numbers) and
    /// their offsets.
    public var features: Int
    /// Every article's id, date and completeness, and the runs' id look-up tables.
    public var articles: Int
    /// Candidate pairs with their shared keys and verdicts, the other measured pairs, and each
    /// article's story, representative and place in representative order.
    public var stories: Int
    /// The two header slots and the manifest.
    public var overhead: Int

    /// All of them: the commit's live bytes.
    public var total: Int { keyTables + features + articles + stories + overhead }
}

extension StoryArchive {
    /// A description of the archive.
    public var info: ArchiveInfo {
        let m = manifest
        let live = m.liveBytesByPart(manifest: header.manifest)
        return ArchiveInfo(
            formatVersion: Int(ArchiveFormat.version), settings: m.settings, commit: commit, documents: count, stories: storyCount,
            fileBytes: fileSize, committedBytes: committedLength, liveBytes: live.total,
            liveBytesByPart: live, runs: m.runs.map(\.count),
            segments: m.segments.count, bandGroups: groupCount, commonShingles: m.common.count, commonSampled: m.common.sampled,
            recovery: recovery,
            history: m.history.map { c in
                let kind = switch c.kind {
                case .create: "create"
                case .add: "add"
                case .remove: "remove"
                }
                return ArchiveInfo.Commit(
                    sequence: c.sequence, kind: kind, added: c.added, removed: c.removed, documents: c.articles, stories: c.stories,
                    time: c.time, merges: c.merges.map { StoryMerge(from: $0.from, into: $0.into) })
            })
    }

    /// Verifies the checksum of every block the commit uses; returns the number of sections.
    public func verifyAll() throws(ArchiveError) -> Int {
        let sections = manifest.sections
        for (k, section) in sections.enumerated() { _ = try map.bytes(section, what: "section \(k)") }
        return sections.count + 1
    }
}
