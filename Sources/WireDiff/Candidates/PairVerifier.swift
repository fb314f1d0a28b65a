/// Decides whether two articles are versions of one story from their passage-level features,
/// with exact scores: no LSH noise reaches the output.
///
/// Two sentences *match* when they share at least ``DedupOptions/minimumSharedShingles``
/// shingles, at least ``DedupOptions/minimumSharedNonNames`` of them not names (different
/// stories about the same people share names, not what happened), and either their Jaccard
/// reaches ``DedupOptions/sentenceThreshold`` or the shared shingles make up
/// ``DedupOptions/sentenceOverlap`` of the smaller sentence (a sentence merged into a longer
/// one, or split out of it). Two articles are *rewrites* when, on the side with fewer
/// sentences, at least ``DedupOptions/minimumMatchedSentences`` sentences (all of them if it
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
    /// counters and a small hash table of the first article's shingles, kept while the same
    /// first article is verified against several others.
    public struct Scratch: Sendable {
        var shared: [UInt16] = []
        var sharedContent: [UInt16] = []
        /// The cells of `shared` that the current pair touched.
        var touched: [Int32] = []
        /// Per sentence of the first / second article: the evaluation that last found it matched.
        var rowMark: [UInt32] = []
        var columnMark: [UInt32] = []
        var evaluation: UInt32 = 0
        /// Open-addressing table of the first article's hashes: key `hash + 1` (0 = empty),
        /// first occurrence, whether the first article uses it as a name, and the pair that
        /// last counted it shared or marked it a name of the second article.
        var keys: [UInt32] = []
        var heads: [Int32] = []
        var isName: [Bool] = []
        var sharedStamp: [UInt32] = []
        var nameStamp: [UInt32] = []
        var bits = 0
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
            // shared[i * sb + j]: shingles sentence i of A shares with sentence j of B, and how
            // many of them are not names. Only the cells the join touches are read and reset,
            // so the counters stay zero between pairs.
            if scratch.shared.count < sa * sb {
                scratch.shared = [UInt16](repeating: 0, count: sa * sb)
                scratch.sharedContent = [UInt16](repeating: 0, count: sa * sb)
            }
            if scratch.rowMark.count < max(sa, sb) {
                scratch.rowMark = [UInt32](repeating: 0, count: max(sa, sb))
                scratch.columnMark = [UInt32](repeating: 0, count: max(sa, sb))
                scratch.evaluation = 0
            }
            scratch.evaluation &+= 1
            if scratch.evaluation == 0 {
                scratch.rowMark.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
                scratch.columnMark.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
                scratch.evaluation = 1
            }
            scratch.touched.removeAll(keepingCapacity: true)
            sharedDistinct = Self.join(first, second, firstKey: firstKey, &scratch)
            let evaluation = scratch.evaluation
            let minimumShared = options.minimumSharedShingles, minimumContent = options.minimumSharedNonNames
            let threshold = options.sentenceThreshold, overlapThreshold = options.sentenceOverlap
            let touched = scratch.touched
            first.sentenceSizes.withUnsafeBufferPointer { sizesA in
            second.sentenceSizes.withUnsafeBufferPointer { sizesB in
            scratch.shared.withUnsafeMutableBufferPointer { shared in
            scratch.sharedContent.withUnsafeMutableBufferPointer { sharedContent in
            scratch.rowMark.withUnsafeMutableBufferPointer { rowMark in
            scratch.columnMark.withUnsafeMutableBufferPointer { columnMark in
                for cell in touched {
                    let c = Int(cell)
                    let count = Int(shared[c]), content = Int(sharedContent[c])
                    shared[c] = 0
                    sharedContent[c] = 0
                    guard count >= minimumShared, content >= minimumContent else { continue }
                    let i = c / sb, j = c % sb
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

    /// The verification rule on measured evidence.
    public func isRewrite(_ e: PairEvidence) -> Bool {
        let firstIsSmaller = e.sentencesOfFirst <= e.sentencesOfSecond
        let small = firstIsSmaller ? e.sentencesOfFirst : e.sentencesOfSecond
        let matched = firstIsSmaller ? e.matchedSentencesOfFirst : e.matchedSentencesOfSecond
        guard small > 0 else { return false }
        let needed = small == 1 ? 1 : max(2, min(options.minimumMatchedSentences, small))
        return matched >= needed && Double(matched) / Double(small) >= options.minimumCoverage
    }

    /// Joins two articles on their shingle hashes: the first's occurrences go into a small
    /// open-addressing table (built once for consecutive calls with the same `firstKey`), then
    /// every posting of the second looks up its sentences there. Counts, per sentence pair,
    /// the shared shingles and the shared non-name shingles; returns the number of distinct
    /// shared hashes.
    static func join(_ a: StoryFeatures, _ b: StoryFeatures, firstKey: Int?, _ s: inout Scratch) -> Int {
        if firstKey == nil || firstKey != s.tableKey { build(a, &s) }
        s.tableKey = firstKey
        s.pair &+= 1
        if s.pair == 0 {
            s.sharedStamp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            s.nameStamp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            s.pair = 1
        }
        let pair = s.pair, columns = b.sentenceCount, shift = UInt32(32 - s.bits)
        var distinct = 0
        s.keys.withUnsafeBufferPointer { keys in
        s.heads.withUnsafeBufferPointer { heads in
        s.isName.withUnsafeBufferPointer { isName in
        s.sharedStamp.withUnsafeMutableBufferPointer { sharedStamp in
        s.nameStamp.withUnsafeMutableBufferPointer { nameStamp in
        s.sentence.withUnsafeBufferPointer { sentence in
        s.next.withUnsafeBufferPointer { next in
        var touched = s.touched
        s.touched = []
        defer { s.touched = touched }
        s.shared.withUnsafeMutableBufferPointer { shared in
        s.sharedContent.withUnsafeMutableBufferPointer { sharedContent in
            @inline(__always) func slot(_ hash: UInt16) -> Int? {
                let (slot, found) = probe(hash, in: keys, shift: shift)
                return found ? slot : nil
            }
            for hash in b.names {
                if let k = slot(hash) { nameStamp[k] = pair }
            }
            b.forEachSentence { column, hashes in
                for hash in hashes {
                    guard let k = slot(hash) else { continue }
                    if sharedStamp[k] != pair {
                        sharedStamp[k] = pair
                        distinct += 1
                    }
                    let name = isName[k] || nameStamp[k] == pair
                    var o = Int(heads[k])
                    while o >= 0 {
                        let cell = Int(sentence[o]) * columns + column
                        if shared[cell] == 0 { touched.append(Int32(cell)) }
                        shared[cell] &+= 1
                        if !name { sharedContent[cell] &+= 1 }
                        o = Int(next[o])
                    }
                }
            }
        }}}}}}}}}
        return distinct
    }

    /// Fills the table with the first article's hashes and their sentences.
    private static func build(_ a: StoryFeatures, _ s: inout Scratch) {
        var bits = 6
        while 1 << bits < 2 * a.postings.count { bits += 1 }
        let capacity = 1 << bits
        if s.keys.count != capacity {
            s.keys = [UInt32](repeating: 0, count: capacity)
            s.heads = [Int32](repeating: -1, count: capacity)
            s.isName = [Bool](repeating: false, count: capacity)
            s.sharedStamp = [UInt32](repeating: 0, count: capacity)
            s.nameStamp = [UInt32](repeating: 0, count: capacity)
        } else {
            s.keys.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            s.isName.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
            s.sharedStamp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            s.nameStamp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        s.bits = bits
        s.pair = 0
        s.sentence.removeAll(keepingCapacity: true)
        s.next.removeAll(keepingCapacity: true)
        let shift = UInt32(32 - bits)
        var sentence = s.sentence, next = s.next
        s.sentence = []
        s.next = []
        s.keys.withUnsafeMutableBufferPointer { keys in
        s.heads.withUnsafeMutableBufferPointer { heads in
        s.isName.withUnsafeMutableBufferPointer { isName in
            /// The slot of `hash`, inserted (with no occurrence yet) when `insert`.
            @inline(__always) func slot(_ hash: UInt16, insert: Bool) -> Int? {
                let (slot, found) = probe(hash, in: UnsafeBufferPointer(keys), shift: shift)
                if found { return slot }
                guard insert else { return nil }
                keys[slot] = UInt32(hash) + 1
                heads[slot] = -1
                return slot
            }
            a.forEachSentence { number, hashes in
                for hash in hashes {
                    let k = slot(hash, insert: true)!
                    next.append(heads[k])
                    sentence.append(UInt16(truncatingIfNeeded: number))
                    heads[k] = Int32(sentence.count - 1)
                }
            }
            for hash in a.names {
                if let k = slot(hash, insert: false) { isName[k] = true }
            }
        }}}
        s.sentence = sentence
        s.next = next
    }

    /// Where `hash` is in the first article's table `keys` (key `hash + 1`, 0 = empty; linear
    /// probing from a multiplicative hash kept to `32 - shift` bits): its slot, or the empty
    /// slot where it would go.
    @inline(__always)
    private static func probe(_ hash: UInt16, in keys: UnsafeBufferPointer<UInt32>, shift: UInt32) -> (slot: Int, found: Bool) {
        let key = UInt32(hash) + 1
        let mask = keys.count - 1
        var slot = Int((key &* 0x9E37_79B1) >> shift)
        while true {
            let stored = keys[slot]
            if stored == key { return (slot, true) }
            if stored == 0 { return (slot, false) }
            slot = (slot + 1) & mask
        }
    }
}
