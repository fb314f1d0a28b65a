#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a commit did.
public struct ArchiveCommit: Sendable {
    public enum Kind: String, Sendable {
        case create, add, remove
    }
    public var kind: Kind
    /// The commit's sequence number.
    public var commit: UInt64
    public var added = 0
    public var removed = 0
    /// Articles and stories in the archive after the commit.
    public var articles = 0
    public var stories = 0
    /// Stories that got a new id in this commit.
    public var newStories = 0
    /// Story ids retired because their stories joined others.
    public var merges: [StoryMerge] = []
    /// The archive's size after the commit.
    public var fileBytes = 0
    /// Whether the commit rewrote the whole file (a create or remove, a large addition, or an
    /// addition that dropped the space earlier commits left behind).
    public var rewrote = false
    /// What the writer found when it opened the archive (an interrupted earlier write).
    public var recovered: StoryArchive.Recovery?
    /// Bytes of text read.
    public var bytesRead = 0
    /// When asked for: the added articles' story records, in input order.
    public var records: [StoryRecord] = []
    /// Articles clustered again: all of them for a rewrite; for an appended addition, the
    /// region it can change (``ArchiveRegion``; all when that was more than half the archive).
    public var clustered = 0
    /// Rounds of clustering the region, and pairs measured to prove its border closed.
    public var rounds = 0
    public var borderMeasurements = 0
}

/// A story id that ended because its story became part of another.
public struct StoryMerge: Sendable, Equatable {
    public var from: Int
    public var into: Int
}

/// One article's story, as `dedup --index` prints it.
public struct StoryRecord: Sendable, Equatable {
    /// The article's number in the archive.
    public var article: Int
    public var id: String
    /// The story's stable id.
    public var story: Int
    /// The id of the story's representative.
    public var representative: String
    /// The article's evidence against the representative (the article first); `nil` for the
    /// representative itself.
    public var evidence: PairEvidence?
}

extension StoryArchive {
    /// Creates an archive at `path` from the corpus at `paths` (read with `reader`, streamed),
    /// with `options` and `textOptions`; `producer` names the program ("wirediff 0.1.0"). The
    /// common shingles and the band grouping are those `dedup` finds for this corpus, and stay
    /// the archive's. Nothing is written at `path` until the archive is complete; an existing
    /// `path` is never overwritten.
    ///
    /// - Throws: ``ArchiveError`` (`exists` 73, …), or the reader's ``InputError``.
    public static func create(
        at path: String, reading paths: [String], with reader: CorpusReader, options: DedupOptions, textOptions: TextOptions,
        producer: String, records wantRecords: Bool = false, onSkip: (InputError) -> Void = { _ in }
    ) throws -> ArchiveCommit {
        var info = stat()
        if lstat(path, &info) == 0 { throw ArchiveError.exists(path: path) }
        let writer = try ArchiveWriter.newFile(path, placement: .create)
        let features = FeatureReader(
            kind: options.shingleKind, minimumShingles: options.minimumSentenceShingles, textOptions: textOptions, threads: options.threads)
        let (records, store, bytes) = try features.read(paths: paths, with: reader, onSkip: onSkip)
        try checkCount(records.count, path: path)
        let common = CommonShingles.estimate(count: store.count, features: { store[$0] }, minimumShare: options.commonShare)
        let bands = options.effectiveLSH.bands
        let settings = ArchiveSettings(
            options: options, textOptions: textOptions,
            bandsPerGroup: Deduplicator.bandsPerGroup(articles: store.count, sentences: store.sentenceCount, bands: bands), producer: producer)
        var commit = ArchiveCommit(kind: .create, commit: 1)
        commit.added = records.count
        commit.bytesRead = bytes
        try rebuild(
            writer: writer, update: ArchiveUpdate(settings: settings, common: common, threads: options.threads),
            meta: records.map { ($0.id, $0.date) }, store: store, prior: nil, history: [], commit: &commit,
            recordsOf: wantRecords ? Array(records.indices) : [])
        return commit
    }

    /// Adds the corpus at `paths` to the archive at `path`, with the archive's settings, and
    /// clusters the whole archive again (stories keep their ids: ``StoryNumbering``).
    ///
    /// - Throws: ``ArchiveError`` (`locked` 75 when another writer holds the archive,
    ///   `duplicateID` 65, …), or the reader's ``InputError``.
    public static func add(
        to path: String, reading paths: [String], with reader: CorpusReader, threads: Int = 0, records wantRecords: Bool = false,
        onSkip: (InputError) -> Void = { _ in }
    ) throws -> ArchiveCommit {
        let (lock, archive) = try ArchiveWriter.append(to: path)
        let settings = archive.settings
        let features = FeatureReader(
            kind: settings.options.shingleKind, minimumShingles: settings.options.minimumSentenceShingles,
            textOptions: settings.textOptions, threads: threads)
        let (records, fresh, bytes) = try features.read(paths: paths, with: reader, onSkip: onSkip)
        let n0 = archive.count, n1 = records.count
        try checkCount(n0 + n1, path: path)
        for record in records where try archive.article(withID: record.id) != nil {
            throw ArchiveError.duplicateID(path: path, id: record.id, source: record.source)
        }
        let update = ArchiveUpdate(settings: settings, common: archive.common, threads: threads)
        var commit = ArchiveCommit(kind: .add, commit: archive.commit + 1)
        commit.added = n1
        commit.bytesRead = bytes
        commit.recovered = archive.recovery
        let wanted = wantRecords ? Array(n0..<n0 + n1) : []
        if n1 >= n0 {
            // As large as the archive: recount everything, into a new file.
            var meta: [(id: String, date: String?)] = []
            for i in 0..<n0 { meta.append(try archive.record(i)) }
            meta += records.map { ($0.id, $0.date) }
            let store = FeatureStore(concatenating: [try archive.allFeatures(threads: threads), fresh])
            let prior = try Prior(archive: archive, remap: { $0 })
            try rebuild(
                writer: try ArchiveWriter.newFile(path, placement: .replace), update: update, meta: meta, store: store, prior: prior,
                history: archive.manifest.history, commit: &commit, recordsOf: wanted)
            withExtendedLifetime(lock) {}
            return commit
        }
        try append(
            lock: lock, archive: archive, update: update, meta: records.map { ($0.id, $0.date) }, fresh: fresh, commit: &commit,
            recordsOf: wanted)
        return commit
    }

    /// Removes the articles with `ids` from the archive at `path`, and clusters the rest again
    /// (the archive is rewritten, as if built from the articles left).
    ///
    /// - Throws: ``ArchiveError`` (`unknownID` 65 for an id the archive does not hold,
    ///   `locked` 75, …).
    public static func remove(from path: String, ids: [String], threads: Int = 0) throws(ArchiveError) -> ArchiveCommit {
        let (lock, archive) = try ArchiveWriter.append(to: path)
        var removed = Set<Int>()
        for id in ids {
            guard let i = try archive.article(withID: id) else { throw .unknownID(path: path, id: id) }
            removed.insert(i)
        }
        var newNumber = [Int](repeating: -1, count: archive.count)
        var kept: [Int] = []
        for i in 0..<archive.count where !removed.contains(i) {
            newNumber[i] = kept.count
            kept.append(i)
        }
        var part = FeatureStore.Part()
        var meta: [(id: String, date: String?)] = []
        for i in kept {
            try archive.appendFeatures(i..<i + 1, to: &part)
            meta.append(try archive.record(i))
        }
        var commit = ArchiveCommit(kind: .remove, commit: archive.commit + 1)
        commit.removed = removed.count
        commit.recovered = archive.recovery
        let prior = try Prior(archive: archive, remap: { newNumber[$0] >= 0 ? newNumber[$0] : nil })
        try rebuild(
            writer: try ArchiveWriter.newFile(path, placement: .replace),
            update: ArchiveUpdate(settings: archive.settings, common: archive.common, threads: threads), meta: meta,
            store: FeatureStore(parts: [part]), prior: prior, history: archive.manifest.history, commit: &commit, recordsOf: [])
        withExtendedLifetime(lock) {}
        return commit
    }

    static func checkCount(_ n: Int, path: String) throws(ArchiveError) {
        guard n < CandidateFinder.maximumArticles else {
            throw .tooManyDocuments(path: path, count: n, limit: CandidateFinder.maximumArticles - 1)
        }
    }

    /// What a rewrite keeps of the archive it replaces: verdicts and stories, renumbered.
    struct Prior {
        let pairs: [UInt64]
        let verdicts: [Double]
        let asked: MeasuredPairs
        /// Per new article number: the story it was in.
        let stories: [Int?]
        let nextID: Int

        init(archive: StoryArchive, remap: (Int) -> Int?) throws(ArchiveError) {
            let old = try archive.candidatePairs()
            var pairs: [UInt64] = [], verdicts: [Double] = []
            for (k, pair) in old.pairs.enumerated() {
                // Renumbering keeps the order, so the pairs stay sorted.
                if let a = remap(PackedPair.high(pair)), let b = remap(PackedPair.low(pair)) {
                    pairs.append(ArchiveState.key(a, b))
                    verdicts.append(old.verdicts[k])
                }
            }
            self.pairs = pairs
            self.verdicts = verdicts
            let asked = try archive.askedPairs()
            self.asked = MeasuredPairs(pairs: asked.pairs, verdicts: asked.verdicts).remapped(remap, excluding: [])
            let (oldStories, _) = try archive.stories()
            var stories: [Int?] = []
            for (i, story) in oldStories.enumerated() {
                guard let j = remap(i) else { continue }
                while stories.count <= j { stories.append(nil) }
                stories[j] = Int(story)
            }
            self.stories = stories
            nextID = archive.manifest.nextStoryID
        }

        func verdict(_ pair: UInt64) -> Double? {
            if let k = CandidateGraph.index(of: pair, in: pairs) { return verdicts[k] }
            return asked[pair]
        }
    }

    /// Builds a whole archive (one segment, one run) from `store` into `writer`, reusing what
    /// `prior` measured, and commits it.
    private static func rebuild(
        writer: ArchiveWriter, update: ArchiveUpdate, meta: [(id: String, date: String?)], store: FeatureStore, prior: Prior?,
        history: [ArchiveManifest.CommitRecord], commit: inout ArchiveCommit, recordsOf wanted: [Int]
    ) throws(ArchiveError) {
        let n = store.count
        let features = ArchiveUpdate.Features(archive: nil, fresh: store, first: 0)
        var state = ArchiveState()
        (state.pairs, state.shared) = update.allPairs(store)
        state.verdicts = try update.verdicts(of: state.pairs, features: features, known: { prior?.verdict($0) })
        if let prior { state.asked = prior.asked.remapped({ $0 }, excluding: state.pairs) }
        state.order = RepresentativeOrder.order(
            count: n,
            key: { RepresentativeOrder.Key(date: meta[$0].date, sentences: store[$0].sentenceCount, distinct: store[$0].distinctShingles) },
            date: { meta[$0].date })
        let representatives = try update.cluster(&state, count: n, features: features)
        commit.clustered = n
        commit.rounds = 1
        let numbering = StoryNumbering.number(
            representatives: representatives, previous: { i in prior.flatMap { i < $0.stories.count ? $0.stories[i] : nil } },
            nextID: prior?.nextID ?? 0)
        state.apply(numbering, representatives: representatives)
        var manifest = ArchiveManifest(
            settings: update.settings, common: update.common, articleCount: n, nextStoryID: numbering.nextID, segments: [], runs: [],
            tables: ArchiveManifest.Tables(), history: history)
        if n > 0 {
            manifest.segments = [try writer.segment(first: 0, records: meta, features: { store[$0] })]
            let ids = meta.enumerated().map { StoryArchive.idEntry($0.element.id, article: $0.offset) }.sorted()
            manifest.runs = [try writer.run(first: 0, count: n, ids: ids, groups: update.groups.map { update.entries(store, first: 0, group: $0) })]
        }
        manifest.tables = try writer.tables(state)
        try finish(writer: writer, manifest: &manifest, state: state, numbering: numbering, firstNewID: prior?.nextID ?? 0, commit: &commit)
        commit.rewrote = true
        commit.records = try records(of: wanted, meta: { meta[$0].id }, state: state, update: update, features: features)
    }

    /// Adds articles `archive.count…` to `archive` in one appended commit (or, when earlier
    /// commits left more dead bytes than live ones, in a compacted copy of the file).
    private static func append(
        lock: ArchiveWriter, archive: StoryArchive, update: ArchiveUpdate, meta: [(id: String, date: String?)], fresh: FeatureStore,
        commit: inout ArchiveCommit, recordsOf wanted: [Int]
    ) throws(ArchiveError) {
        let n0 = archive.count, n1 = fresh.count, n = n0 + n1
        let features = ArchiveUpdate.Features(archive: archive, fresh: fresh, first: n0)
        let freshEntries = update.groups.map { update.entries(fresh, first: n0, group: $0) }
        var (state, added, addedShared, dropped) = try update.pairsAdding(freshEntries, count: n1, to: archive, old: try archive.candidatePairs())
        let measured = try archive.askedPairs()
        let asked = MeasuredPairs(pairs: measured.pairs, verdicts: measured.verdicts)
        let addedVerdicts = try update.verdicts(of: added, features: features, known: { asked[$0] })
        state.merge(added, shared: addedShared, verdicts: addedVerdicts)
        state.asked = asked.remapped({ $0 }, excluding: state.pairs)
        state.order = try ArchiveUpdate.order(try archive.order().map { Int($0) }, adding: n1, first: n0) { i throws(ArchiveError) in
            if i < n0 { return try archive.orderArticle(i) }
            let f = fresh[i - n0], date = meta[i - n0].date
            return RepresentativeOrder.Article(
                index: i, key: RepresentativeOrder.Key(date: date, sentences: f.sentenceCount, distinct: f.distinctShingles), date: date)
        }
        // Cluster again only what the addition can change: the new articles' and the dropped
        // pairs' rewrite components.
        let (oldStories, oldRepresentatives) = try archive.stories()
        var changed = Array(n0..<n)
        for pair in dropped { changed += [PackedPair.high(pair), PackedPair.low(pair)] }
        let region = try ArchiveRegion.cluster(
            &state, count: n, changed: changed, previous: oldRepresentatives, update: update, features: features)
        let representatives = region.representatives
        #if DEBUG
        if !region.wholeArchive {
            var whole = state
            let expected = try update.cluster(&whole, count: n, features: features)
            precondition(expected == representatives, "the region's stories differ from the whole archive's")
        }
        #endif
        let numbering = region.wholeArchive
            ? StoryNumbering.number(
                representatives: representatives, previous: { $0 < n0 ? Int(oldStories[$0]) : nil }, nextID: archive.manifest.nextStoryID)
            : StoryNumbering.number(
                region: region.articles, representatives: representatives, stories: oldStories, storyCount: archive.storyCount, count: n,
                nextID: archive.manifest.nextStoryID)
        commit.clustered = region.articles.count
        commit.rounds = region.rounds
        commit.borderMeasurements = region.borderMeasurements
        state.apply(numbering, representatives: representatives)

        // Write: a compacted copy when dead bytes outweigh live ones, else append.
        let old = archive.manifest
        let compacting = archive.committedLength - old.liveBytes(manifest: archive.header.manifest) > old.liveBytes(manifest: archive.header.manifest)
        let writer = compacting ? try ArchiveWriter.newFile(archive.path, placement: .replace) : lock
        // The new run absorbs the last runs it is not much smaller than.
        var runs = old.runs
        var ids = meta.enumerated().map { StoryArchive.idEntry($0.element.id, article: n0 + $0.offset) }.sorted()
        var groups = freshEntries
        var first = n0
        while let last = runs.last, last.count <= 2 * (n0 + n1 - first) {
            runs.removeLast()
            ids = Self.merged(try archive.map.array(last.ids, of: UInt64.self, count: last.count, what: "id index"), ids)
            for g in groups.indices { groups[g] = Self.merged(try archive.entries(of: last.groups[g]), groups[g]) }
            first = last.first
        }
        var manifest = old
        if compacting {
            manifest.segments = []
            for s in old.segments { manifest.segments.append(try writer.copy(s, from: archive.map)) }
            for k in runs.indices { runs[k] = try writer.copy(runs[k], from: archive.map) }
        }
        manifest.segments.append(try writer.segment(first: n0, records: meta, features: { fresh[$0] }))
        runs.append(try writer.run(first: first, count: n - first, ids: ids, groups: groups))
        manifest.runs = runs
        manifest.articleCount = n
        manifest.nextStoryID = numbering.nextID
        manifest.tables = try writer.tables(state)
        try finish(
            writer: writer, manifest: &manifest, state: state, numbering: numbering, firstNewID: old.nextStoryID, commit: &commit)
        commit.rewrote = compacting
        withExtendedLifetime(lock) {}
        commit.records = try records(of: wanted, meta: { i throws(ArchiveError) in i < n0 ? try archive.id(i) : meta[i - n0].id }, state: state, update: update, features: features)
    }

    /// Records the commit in the manifest's history, commits, and fills in the summary.
    private static func finish(
        writer: ArchiveWriter, manifest: inout ArchiveManifest, state: ArchiveState, numbering: StoryNumbering.Result, firstNewID: Int,
        commit: inout ArchiveCommit
    ) throws(ArchiveError) {
        let kind: ArchiveManifest.CommitRecord.Kind = switch commit.kind {
        case .create: .create
        case .add: .add
        case .remove: .remove
        }
        manifest.history.append(ArchiveManifest.CommitRecord(
            sequence: commit.commit, kind: kind, added: commit.added, removed: commit.removed, articles: manifest.articleCount,
            stories: numbering.count, time: Int64(Date().timeIntervalSince1970), merges: state.merges))
        try writer.commit(manifest, sequence: commit.commit)
        commit.articles = manifest.articleCount
        commit.stories = numbering.count
        commit.newStories = numbering.nextID - firstNewID
        commit.merges = state.merges.map { StoryMerge(from: $0.from, into: $0.into) }
        var info = stat()
        commit.fileBytes = stat(writer.path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The story records of `articles`.
    private static func records(
        of articles: [Int], meta id: (Int) throws(ArchiveError) -> String, state: ArchiveState, update: ArchiveUpdate,
        features: ArchiveUpdate.Features
    ) throws(ArchiveError) -> [StoryRecord] {
        guard !articles.isEmpty else { return [] }
        let evidence = try update.evidence(of: articles, representatives: state.representatives, features: features)
        var result: [StoryRecord] = []
        for (k, i) in articles.enumerated() {
            result.append(StoryRecord(
                article: i, id: try id(i), story: state.stories[i], representative: try id(state.representatives[i]), evidence: evidence[k]))
        }
        return result
    }

    /// Two ascending arrays as one.
    static func merged(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] <= b[j] {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        result += a[i...]
        result += b[j...]
        return result
    }

    /// Every article's story record, in archive order (`dedup --index` without new articles).
    public func storyRecords(threads: Int = 0) throws(ArchiveError) -> [StoryRecord] {
        let (stories, representatives) = try stories()
        var state = ArchiveState()
        state.stories = stories.map { Int($0) }
        state.representatives = representatives.map { Int($0) }
        let update = ArchiveUpdate(settings: settings, common: common, threads: threads)
        return try Self.records(
            of: Array(0..<count), meta: { i throws(ArchiveError) in try self.id(i) }, state: state, update: update,
            features: ArchiveUpdate.Features(archive: self, fresh: FeatureStore(parts: []), first: count))
    }
}

extension ArchiveState {
    /// Adds new candidate pairs (none already present) in order.
    mutating func merge(_ added: [UInt64], shared addedShared: [UInt16], verdicts addedVerdicts: [Double]) {
        var p: [UInt64] = [], s: [UInt16] = [], v: [Double] = []
        p.reserveCapacity(pairs.count + added.count)
        s.reserveCapacity(p.capacity)
        v.reserveCapacity(p.capacity)
        var i = 0, j = 0
        while i < pairs.count || j < added.count {
            if j == added.count || (i < pairs.count && pairs[i] < added[j]) {
                p.append(pairs[i]); s.append(shared[i]); v.append(verdicts[i])
                i += 1
            } else {
                p.append(added[j]); s.append(addedShared[j]); v.append(addedVerdicts[j])
                j += 1
            }
        }
        pairs = p
        shared = s
        verdicts = v
    }

    /// Takes a clustering's stories and their ids.
    mutating func apply(_ numbering: StoryNumbering.Result, representatives: [Int]) {
        stories = numbering.stories
        self.representatives = representatives
        nextStoryID = numbering.nextID
        storyCount = numbering.count
        merges = numbering.merges
    }
}
