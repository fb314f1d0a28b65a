/// Decides whether two articles are versions of one story from their passage-level features,
/// with exact scores: no LSH noise reaches the output.
///
/// Two sentences *match* when they share at least ``DedupOptions/minimumSharedShingles``
/// shingles, at least ``DedupOptions/minimumSharedNonNames`` of them not names (different
/// stories about the same people share names, not what happened), and either their Jaccard
/// reaches ``DedupOptions/sentenceThreshold`` or the shared shingles make up
/// ``DedupOptions/sentenceOverlap`` of the smaller sentence (a sentence merged into a longer
/// one, or split out of it). Two articles are *rewrites* when, on the side with fewer
/// sentences (the better covered side when both have as many), at least ``DedupOptions/minimumMatchedSentences`` sentences (all of them if it
/// has fewer, but at least two) match and they cover ``DedupOptions/minimumCoverage`` of its
/// sentences. A different story that shares a background paragraph matches one or two
/// sentences out of dozens and fails both tests.
///
/// - Complexity: O(a + b + m + s·t) for a and b postings, m shared occurrences and s·t
///   sentence pairs.
public struct PairVerifier: Sendable {
    public var options: DedupOptions

    public init(options: DedupOptions = DedupOptions()) {
        self.options = options
    }

    /// Reusable buffers of ``evidence(_:_:scratch:)``, one per thread: the sentence-pair
    /// counters and a table of the first article's shingles, kept while the same first article
    /// is verified against several others.
    public struct Scratch: Sendable {
        /// Per sentence pair `i * columns + j`: shared shingles (low 16 bits) and shared
        /// non-name shingles (high 16 bits); zero between pairs.
        var cells: [UInt32] = []
        /// Per sentence of the first article: the evaluation that last touched its row of
        /// `cells` / found it matched; per sentence of the second: the evaluation that last
        /// found it matched.
        var rowTouched: [UInt32] = []
        var rowMark: [UInt32] = []
        var columnMark: [UInt32] = []
        var evaluation: UInt32 = 0
        /// The first article's table, addressed by 16-bit hash: its slot plus one (0 = absent).
        var slotOf: [UInt32] = []
        /// Per slot: the hash (to clear `slotOf`), first occurrence, whether the first article
        /// uses it as a name, and the pair that last counted it shared or marked it a name of
        /// the second article.
        var slotHash: [UInt16] = []
        var heads: [Int32] = []
        var isName: [Bool] = []
        var sharedStamp: [UInt32] = []
        var nameStamp: [UInt32] = []
        var slots = 0
        /// Occurrences of the first article's hashes: sentence number and next occurrence.
        var sentence: [UInt16] = []
        var next: [Int32] = []
        /// The caller's key of the article in the table, if it gave one.
        var tableKey: Int?
        var pair: UInt32 = 0
        public init() {}
    }

    /// The evidence for `first` and `second`. Allocates its scratch tables (about 1 MB): to
    /// verify many pairs, reuse one ``Scratch`` per thread with
    /// ``evidence(_:_:scratch:)``.
    public func evidence(_ first: StoryFeatures, _ second: StoryFeatures) -> PairEvidence {
        var scratch = Scratch()
        return evidence(first, second, scratch: &scratch)
    }

    /// The evidence for `first` and `second`, reusing `scratch`'s buffers.
    public func evidence(_ first: StoryFeatures, _ second: StoryFeatures, scratch: inout Scratch) -> PairEvidence {
        evidence(first, second, firstKey: nil, scratch: &scratch)
    }

    /// The evidence for `first` and `second`; `firstKey` identifies `first` (an article
    /// number): consecutive calls with the same key reuse its table.
    func evidence(_ first: StoryFeatures, _ second: StoryFeatures, firstKey: Int?, scratch: inout Scratch) -> PairEvidence {
        let sa = first.sentenceCount, sb = second.sentenceCount
        var sharedDistinct = 0
        var countA = 0, countB = 0
        if sa > 0 && sb > 0 {
            if scratch.cells.count < sa * sb { scratch.cells = [UInt32](repeating: 0, count: sa * sb) }
            if scratch.rowMark.count < max(sa, sb) {
                scratch.rowTouched = [UInt32](repeating: 0, count: max(sa, sb))
                scratch.rowMark = scratch.rowTouched
                scratch.columnMark = scratch.rowTouched
                scratch.evaluation = 0
            }
            scratch.evaluation &+= 1
            if scratch.evaluation == 0 {
                for marks in [\Scratch.rowTouched, \Scratch.rowMark, \Scratch.columnMark] {
                    scratch[keyPath: marks].withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
                }
                scratch.evaluation = 1
            }
            sharedDistinct = Self.join(first, second, firstKey: firstKey, &scratch)
            let evaluation = scratch.evaluation
            let minimumShared = options.minimumSharedShingles, minimumContent = options.minimumSharedNonNames
            let threshold = options.sentenceThreshold, overlapThreshold = options.sentenceOverlap
            first.sentenceSizes.withUnsafeBufferPointer { sizesA in
            second.sentenceSizes.withUnsafeBufferPointer { sizesB in
            scratch.cells.withUnsafeMutableBufferPointer { cells in
            scratch.rowTouched.withUnsafeBufferPointer { rowTouched in
            scratch.rowMark.withUnsafeMutableBufferPointer { rowMark in
            scratch.columnMark.withUnsafeMutableBufferPointer { columnMark in
                // Only the touched rows are read (and then zeroed whole), so the counters stay
                // zero between pairs. Most cells hold a word or two in common: the one test
                // that rejects them is rarely passed, so it predicts well.
                let sharedFloor = UInt32(clamping: max(1, minimumShared)), contentFloor = UInt32(clamping: minimumContent)
                for i in 0..<sa where rowTouched[i] == evaluation {
                    let base = i * sb
                    for j in 0..<sb {
                        let value = cells[base + j]
                        if value & 0xFFFF < sharedFloor || value >> 16 < contentFloor { continue }
                        let count = Int(value & 0xFFFF)
                        let sizeA = Int(sizesA[i]), sizeB = Int(sizesB[j])
                        let jaccard = Double(count) / Double(sizeA + sizeB - count)
                        let overlap = Double(count) / Double(min(sizeA, sizeB))
                        guard jaccard >= threshold || overlap >= overlapThreshold else { continue }
                        if rowMark[i] != evaluation {
                            rowMark[i] = evaluation
                            countA += 1
                        }
                        if columnMark[j] != evaluation {
                            columnMark[j] = evaluation
                            countB += 1
                        }
                    }
                    UnsafeMutableBufferPointer(rebasing: cells[base..<base + sb]).update(repeating: 0)
                }
            }}}}}}
        }
        let sizeA = first.distinctShingles, sizeB = second.distinctShingles
        let union = sizeA + sizeB - sharedDistinct
        var evidence = PairEvidence(
            jaccard: union == 0 ? 0 : Double(sharedDistinct) / Double(union),
            containmentOfFirst: sizeA == 0 ? 0 : Double(sharedDistinct) / Double(sizeA),
            containmentOfSecond: sizeB == 0 ? 0 : Double(sharedDistinct) / Double(sizeB),
            matchedSentencesOfFirst: countA, matchedSentencesOfSecond: countB,
            sentencesOfFirst: sa, sentencesOfSecond: sb, isRewrite: false)
        evidence.isRewrite = isRewrite(evidence)
        return evidence
    }

    /// The verification rule on measured evidence. It does not depend on which article is
    /// first: when both have as many sentences, either is "the side with fewer", and the
    /// better covered one counts.
    public func isRewrite(_ e: PairEvidence) -> Bool {
        let small = min(e.sentencesOfFirst, e.sentencesOfSecond)
        let matched: Int
        if e.sentencesOfFirst == e.sentencesOfSecond {
            matched = max(e.matchedSentencesOfFirst, e.matchedSentencesOfSecond)
        } else {
            matched = e.sentencesOfFirst < e.sentencesOfSecond ? e.matchedSentencesOfFirst : e.matchedSentencesOfSecond
        }
        guard small > 0 else { return false }
        let needed = small == 1 ? 1 : max(2, min(options.minimumMatchedSentences, small))
        return matched >= needed && Double(matched) / Double(small) >= options.minimumCoverage
    }

    /// Joins two articles on their shingle hashes: the first's occurrences go into a table
    /// addressed by hash (built once for consecutive calls with the same `firstKey`), then
    /// every posting of the second looks up its sentences there. Counts, per sentence pair,
    /// the shared shingles and the shared non-name shingles, and marks the touched rows;
    /// returns the number of distinct shared hashes.
    static func join(_ a: StoryFeatures, _ b: StoryFeatures, firstKey: Int?, _ s: inout Scratch) -> Int {
        if firstKey == nil || firstKey != s.tableKey { build(a, &s) }
        s.tableKey = firstKey
        s.pair &+= 1
        if s.pair == 0 {
            s.sharedStamp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            s.nameStamp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            s.pair = 1
        }
        let pair = s.pair, columns = b.sentenceCount, evaluation = s.evaluation
        var distinct = 0
        s.slotOf.withUnsafeBufferPointer { slotOf in
        s.heads.withUnsafeBufferPointer { heads in
        s.isName.withUnsafeBufferPointer { isName in
        s.sharedStamp.withUnsafeMutableBufferPointer { sharedStamp in
        s.nameStamp.withUnsafeMutableBufferPointer { nameStamp in
        s.sentence.withUnsafeBufferPointer { sentence in
        s.next.withUnsafeBufferPointer { next in
        s.rowTouched.withUnsafeMutableBufferPointer { rowTouched in
        s.cells.withUnsafeMutableBufferPointer { cells in
            for hash in b.names {
                let k = Int(slotOf[Int(hash)])
                if k != 0 { nameStamp[k - 1] = pair }
            }
            b.forEachSentence { column, hashes in
                for hash in hashes {
                    let slot = Int(slotOf[Int(hash)])
                    if slot == 0 { continue }
                    let k = slot - 1
                    // Branch-free: whether a hash was seen before in this pair is unpredictable.
                    distinct &+= sharedStamp[k] != pair ? 1 : 0
                    sharedStamp[k] = pair
                    // One count for the shingle, and one for it as a non-name.
                    let increment: UInt32 = isName[k] || nameStamp[k] == pair ? 1 : 0x1_0001
                    var o = Int(heads[k])
                    while o >= 0 {
                        let row = Int(sentence[o])
                        rowTouched[row] = evaluation
                        cells[row * columns + column] &+= increment
                        o = Int(next[o])
                    }
                }
            }
        }}}}}}}}}
        return distinct
    }

    /// Fills the table with the first article's hashes and their sentences, after clearing
    /// the previous article's entries from `slotOf`.
    private static func build(_ a: StoryFeatures, _ s: inout Scratch) {
        if s.slotOf.isEmpty { s.slotOf = [UInt32](repeating: 0, count: 1 << 16) }
        let previous = s.slots
        s.slotOf.withUnsafeMutableBufferPointer { slotOf in
            s.slotHash.withUnsafeBufferPointer { slotHash in
                for k in 0..<previous { slotOf[Int(slotHash[k])] = 0 }
            }
        }
        s.slots = 0
        let postings = a.postings.count
        if s.heads.count < postings {
            let capacity = max(postings, 2 * s.heads.count)
            s.slotHash = [UInt16](repeating: 0, count: capacity)
            s.heads = [Int32](repeating: -1, count: capacity)
            s.isName = [Bool](repeating: false, count: capacity)
            s.sharedStamp = [UInt32](repeating: 0, count: capacity)
            s.nameStamp = [UInt32](repeating: 0, count: capacity)
            s.sentence = [UInt16](repeating: 0, count: capacity)
            s.next = [Int32](repeating: 0, count: capacity)
        }
        s.pair = 0
        var slots = 0
        s.slotOf.withUnsafeMutableBufferPointer { slotOf in
        s.slotHash.withUnsafeMutableBufferPointer { slotHash in
        s.heads.withUnsafeMutableBufferPointer { heads in
        s.isName.withUnsafeMutableBufferPointer { isName in
        s.sharedStamp.withUnsafeMutableBufferPointer { sharedStamp in
        s.nameStamp.withUnsafeMutableBufferPointer { nameStamp in
        s.sentence.withUnsafeMutableBufferPointer { sentence in
        s.next.withUnsafeMutableBufferPointer { next in
            var o = 0
            a.forEachSentence { number, hashes in
                for hash in hashes {
                    var k = Int(slotOf[Int(hash)]) - 1
                    if k < 0 {
                        k = slots
                        slots += 1
                        slotOf[Int(hash)] = UInt32(slots)
                        slotHash[k] = hash
                        heads[k] = -1
                        isName[k] = false
                        sharedStamp[k] = 0
                        nameStamp[k] = 0
                    }
                    next[o] = heads[k]
                    sentence[o] = UInt16(truncatingIfNeeded: number)
                    heads[k] = Int32(o)
                    o += 1
                }
            }
            for hash in a.names {
                let k = Int(slotOf[Int(hash)])
                if k != 0 { isName[k - 1] = true }
            }
        }}}}}}}}
        s.slots = slots
    }
}
