import Testing

@testable import WireDiff

/// Format 2's bit-packed key tables: what the writer packs (`BitPacker`, `KeyTable.pack`) the
/// readers unpack, at the extreme widths the format allows, whether they read the whole table
/// or one slot's bytes alone (a query's point read starts mid-byte).
@Suite struct KeyTablePackingTests {
    /// `entries` (remainder, article) packed as the writer packs them, with the slack after.
    func packed(_ entries: [(UInt64, UInt64)], _ table: ArchiveManifest.KeyTable) -> [UInt8] {
        var w = ByteWriter(capacity: 0)
        var packer = BitPacker()
        for (remainder, article) in entries {
            packer.append(table.pack(remainder: remainder, article: article), bits: table.entryBits, to: &w)
        }
        packer.finish(to: &w)
        w.put(0, width: ArchiveManifest.KeyTable.slackBytes)
        return w.bytes
    }

    @Test(arguments: [(8, 24), (8, 1), (16, 20), (21, 17), (28, 24), (28, 1)])
    func everyEntryReadsBackAsWritten(directoryBits: Int, articleBits: Int) {
        var table = ArchiveManifest.KeyTable(
            directoryBits: directoryBits, articleBits: articleBits, entryCount: 0, directory: .empty, entries: .empty)
        #expect(table.entryBits <= BitPacker.maximumBits)
        var random = SplitMix64(seed: UInt64(directoryBits * 100 + articleBits))
        let maxRemainder: UInt64 = 1 << UInt64(table.remainderBits) - 1
        let maxArticle: UInt64 = 1 << UInt64(articleBits) - 1
        // Ascending remainders, as in a slot, with the extremes.
        var entries: [(UInt64, UInt64)] = [(0, 0), (0, maxArticle), (maxRemainder, maxArticle)]
        for _ in 0..<300 { entries.append((random.next() & maxRemainder, random.next() & maxArticle)) }
        entries.sort { $0 < $1 }
        table.entryCount = entries.count
        let bytes = packed(entries, table)
        #expect(bytes.count == table.entriesLength)
        bytes.withUnsafeBytes { all in
            for (k, (remainder, article)) in entries.enumerated() {
                #expect(table.remainder(at: k, in: all) == remainder)
                #expect(table.article(at: k, in: all) == Int(article))
            }
            // A slot's entries read alone, from the byte its first entry starts in.
            for range in [1..<5, 37..<38, 100..<entries.count] {
                let (slice, bitBase) = table.byteRange(ofEntries: range)
                #expect(slice.upperBound <= bytes.count)
                let part = UnsafeRawBufferPointer(rebasing: all[slice])
                for k in range {
                    #expect(table.article(at: k - range.lowerBound, in: part, bitBase: bitBase) == Int(entries[k].1))
                }
                let wanted = entries[range.lowerBound].0
                let found = table.matching(wanted, in: part, range: 0..<range.count, bitBase: bitBase)
                #expect(!found.isEmpty)
                #expect(found.allSatisfy { entries[$0 + range.lowerBound].0 == wanted })
            }
        }
    }
}
