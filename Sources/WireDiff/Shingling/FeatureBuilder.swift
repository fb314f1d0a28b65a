/// Packs articles into ``StoryFeatures``, appending to shared storage: sentence by sentence,
/// then the article's names and distinct count.
///
/// Holds scratch buffers (two 256 KB tables indexed by 16-bit hash): use one builder per
/// thread.
///
/// - Complexity: O(s) per sentence of s shingles: duplicates are dropped with a table of
///   stamps, no sorting.
struct FeatureBuilder: Sendable {
    let minimumShingles: Int
    private var part = FeatureStore.Part()
    private var sentence: [UInt16] = []
    private var names: [UInt16] = []
    private var numbers: [UInt16] = []
    /// Per 16-bit hash, the number of the article that last counted it as distinct.
    private var seen = [UInt32](repeating: 0, count: 1 << 16)
    private var article: UInt32 = 1
    private var distinct = 0
    private var sentences = 0
    /// Per 16-bit hash, the number of the list (sentence or names) that last took it.
    private var inList = [UInt32](repeating: 0, count: 1 << 16)
    private var list: UInt32 = 0

    init(minimumShingles: Int) {
        self.minimumShingles = minimumShingles
    }

    /// Adds one sentence's shingles (64-bit hashes, in any order, duplicates allowed) to the
    /// current article; a sentence with fewer than `minimumShingles` distinct shingles, or
    /// past the ``StoryFeatures/maximumSentences``th, is left out.
    ///
    /// - Returns: whether the sentence was kept.
    @discardableResult
    mutating func addSentence(_ shingles: UnsafeBufferPointer<UInt64>) -> Bool {
        guard sentences < StoryFeatures.maximumSentences else { return false }
        let stamp = nextList()
        Self.appendDistinct(shingles, to: &sentence, table: &inList, stamp: stamp)
        guard sentence.count >= minimumShingles else { return false }
        // Verification counts a sentence pair's shared shingles in 10 bits: a "sentence" with
        // more distinct shingles keeps its first ``StoryFeatures/maximumSentenceShingles``.
        if sentence.count > StoryFeatures.maximumSentenceShingles {
            sentence.removeLast(sentence.count - StoryFeatures.maximumSentenceShingles)
        }
        let article = self.article
        var distinct = self.distinct
        seen.withUnsafeMutableBufferPointer { seen in
            for hash in sentence {
                // Branch-free: most hashes of a sentence are new to the article.
                distinct &+= seen[Int(hash)] != article ? 1 : 0
                seen[Int(hash)] = article
            }
        }
        self.distinct = distinct
        part.postings.append(contentsOf: sentence)
        part.sentenceSizes.append(UInt16(sentence.count))
        sentences += 1
        return true
    }

    /// A new list number for ``appendDistinct(_:to:table:stamp:)``.
    private mutating func nextList() -> UInt32 {
        list &+= 1
        if list == 0 {
            inList = [UInt32](repeating: 0, count: 1 << 16)
            list = 1
        }
        return list
    }

    /// Replaces `output` with the distinct 16-bit folds of `shingles`, in order of first
    /// occurrence; `table` remembers per hash the list that last took it.
    private static func appendDistinct(
        _ shingles: UnsafeBufferPointer<UInt64>, to output: inout [UInt16], table: inout [UInt32], stamp: UInt32
    ) {
        output.removeAll(keepingCapacity: true)
        // Each shingle is written at the end; only a new one advances the end (no branch,
        // no per-element append).
        table.withUnsafeMutableBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: max(1, shingles.count)) { staging in
                var n = 0
                for shingle in shingles {
                    let hash = StoryFeatures.fold(shingle)
                    staging[n] = hash
                    n &+= table[Int(hash)] != stamp ? 1 : 0
                    table[Int(hash)] = stamp
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: staging[0..<n]))
            }
        }
    }

    /// Ends the current article, recording the shingles that are names anywhere in it and
    /// those that are numbers (64-bit hashes, any order).
    mutating func finishDocument(names nameShingles: [UInt64], numbers numberShingles: [UInt64] = []) {
        nameShingles.withUnsafeBufferPointer { Self.appendDistinct($0, to: &names, table: &inList, stamp: nextList()) }
        numberShingles.withUnsafeBufferPointer { Self.appendDistinct($0, to: &numbers, table: &inList, stamp: nextList()) }
        part.names.append(contentsOf: names)
        part.numbers.append(contentsOf: numbers)
        part.postingEnds.append(UInt32(part.postings.count))
        part.sentenceEnds.append(UInt32(part.sentenceSizes.count))
        part.nameEnds.append(UInt32(part.names.count))
        part.numberEnds.append(UInt32(part.numbers.count))
        part.distinct.append(UInt32(distinct))
        distinct = 0
        sentences = 0
        article &+= 1
        if article == 0 {
            seen = [UInt32](repeating: 0, count: 1 << 16)
            article = 1
        }
    }

    /// Adds a whole article: the shingles of every sentence that ``Shingler/includes(_:)``.
    mutating func add(_ document: Document, shingler: inout Shingler, scratch: inout [UInt64]) {
        var kept: [Int]? = nil
        add(document, shingler: &shingler, scratch: &scratch, kept: &kept)
    }

    /// Adds a whole article and, when `kept` is not `nil`, appends to it the index in
    /// `document.sentences` of each sentence kept (kept sentence `k` is `kept[k]`).
    mutating func add(_ document: Document, shingler: inout Shingler, scratch: inout [UInt64], kept: inout [Int]?) {
        shingler.beginDocument()
        document.bytes.withUnsafeBufferPointer { bytes in
            for (index, sentence) in document.sentences.enumerated() where Shingler.includes(sentence) {
                scratch.removeAll(keepingCapacity: true)
                shingler.appendShingles(of: sentence.contentRange, in: bytes, into: &scratch)
                if !scratch.isEmpty, scratch.withUnsafeBufferPointer({ addSentence($0) }) { kept?.append(index) }
            }
        }
        finishDocument(names: shingler.nameShingles, numbers: shingler.numberShingles)
    }

    /// The articles built so far, in exactly sized storage; the builder starts over.
    mutating func finish() -> FeatureStore.Part {
        defer { part = FeatureStore.Part() }
        return part.compacted()
    }
}
