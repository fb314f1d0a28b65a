/// One key table of an archive's index (a band group of one index run), read whole through the
/// memory map with every block's checksum verified up front, in parallel: a writer looks up
/// every bucket key of an addition (1.7M for 10k articles) and so reads nearly every block;
/// from here each look-up is a directory read and a binary search in mapped memory, with no
/// per-read checks, locks or copies.
///
/// The table's layout is `Documentation/Archive.md`'s (a directory of `2^bits + 1` offsets by
/// the key's top bits, then bit-packed entries: the key's remainder, then the article).
/// A directory offset out of order or an entry naming no archived article is a corrupt archive.
///
/// Read-only, and it holds the map its bytes lie in, so it may be shared between threads.
///
/// - Complexity: O(log b) per look-up in a directory slot of b entries.
struct VerifiedKeyTable: @unchecked Sendable {
    let table: ArchiveManifest.KeyTable
    /// The mapping `directory` and `entries` point into, kept alive with them.
    let map: ArchiveMap
    let directory: UnsafeRawBufferPointer
    let entries: UnsafeRawBufferPointer
    /// Articles in the archive: every entry's article is below.
    let articles: Int

    /// Reads `table` of `map` whole, verifying its blocks on `threads` threads.
    init(_ table: ArchiveManifest.KeyTable, of map: ArchiveMap, articles: Int, threads: Int) throws(ArchiveError) {
        self.table = table
        self.map = map
        directory = try map.bytes(table.directory, what: "key directory", threads: threads)
        entries = try map.bytes(table.entries, what: "key entries", threads: threads)
        self.articles = articles
    }

    /// Appends the articles holding `bucket` (a band key's top 40 bits, shifted down),
    /// ascending, but no more than `limit` of them; returns how many hold it.
    func appendMembers(ofBucket bucket: UInt64, upTo limit: Int, to members: inout [Int]) throws(ArchiveError) -> Int {
        let (slot, remainder) = table.slot(of: bucket)
        let start = Int(UInt32(littleEndian: directory.loadUnaligned(fromByteOffset: 4 * slot, as: UInt32.self)))
        let end = Int(UInt32(littleEndian: directory.loadUnaligned(fromByteOffset: 4 * slot + 4, as: UInt32.self)))
        guard start <= end, end <= table.entryCount else { throw .corrupt(path: map.path, what: "key directory", offset: table.directory.offset) }
        let holders = table.matching(remainder, in: entries, range: start..<end)
        for k in holders.prefix(max(0, limit)) {
            let article = table.article(at: k, in: entries)
            guard article < articles else { throw .corrupt(path: map.path, what: "key entries", offset: table.entries.offset) }
            members.append(article)
        }
        return holders.count
    }
}
