/// Measures the evidence that two articles are versions of one story from their passage-level
/// features, and decides with ``SameStoryModel``: exact counts, no LSH noise reaches the output.
///
/// Verification joins the two articles on their shingle hashes and counts, for every sentence
/// pair, the shingles, non-name shingles and numbers the two sentences share
/// (``SentencePairCounts``). The pairs that pass ``SameStoryModel/isCandidate(_:options:)`` are
/// aligned one to one and weighed by the model; a different story that shares a background
/// paragraph aligns one block of sentences and is rejected as a passage.
///
/// - Complexity: O(a + b + m + s·t + c log c) for a and b postings, m shared occurrences, s·t
///   sentence pairs and c candidate sentence pairs.
package struct PairVerifier: Sendable {
    package var options: DedupOptions

    package init(options: DedupOptions = DedupOptions()) {
        self.options = options
    }

    /// Reusable buffers of ``evidence(_:_:scratch:)``, one per thread: the sentence-pair
    /// counters and a table of the first article's shingles, kept while the same first article
    /// is verified against several others. The buffers are ``ScratchBuffer``s, freed with the
    /// last copy of the scratch: copies share them, so a scratch must not be used by two
    /// threads at once.
    package struct Scratch: Sendable {
        /// Per sentence pair `i * columns + j`: shared shingles (bits 0–9), shared non-name
        /// shingles (bits 10–19) and shared numbers (bits 20–29); zero between pairs.
        let cells = ScratchBuffer<UInt32>()
        /// Per sentence of the first article: the evaluation that last touched its row of
        /// `cells`.
        let rowTouched = ScratchBuffer<UInt32>()
        var evaluation: UInt32 = 0
        /// Numbers in each sentence of the first (kept with its table) and of the second article.
        let rowNumbers = ScratchBuffer<UInt16>()
        let columnNumbers = ScratchBuffer<UInt16>()
        /// The first article's table, addressed by 16-bit hash: its slot plus one (0 = absent).
        let slotOf = ScratchBuffer<UInt32>()
        /// Per 16-bit hash: the join that last marked it a number of the second article
        /// (`joins` counts every join, whatever the first article).
        let secondNumber = ScratchBuffer<UInt32>()
        var joins: UInt32 = 0
        /// The first article's distinct hashes (``Slot``), `slots` of them.
        let table = ScratchBuffer<Slot>()
        var slots = 0
        /// Occurrences of the first article's hashes (``Occurrence``), linked per slot.
        let occurrences = ScratchBuffer<Occurrence>()
        /// The caller's key of the article in the table, if it gave one.
        var tableKey: Int?
        var pair: UInt32 = 0
        /// The candidate sentence pairs of the last evaluation.
        var candidates: [SentencePairCounts] = []
        /// The decision's buffers.
        var workspace = SameStoryModel.Workspace()
        package init() {}
    }

    /// One distinct hash of the first article: the hash (to clear `slotOf`), its first
    /// occurrence, whether the first article uses it as a name or a number, and the pair that
    /// last counted it shared or marked it a name of the second article.
    struct Slot {
        var hash: UInt16 = 0
        var isName = false
        var isNumber = false
        var head: Int32 = -1
        var sharedStamp: UInt32 = 0
        var nameStamp: UInt32 = 0
    }

    /// One occurrence of a hash of the first article: its sentence and the slot's next
    /// occurrence (-1 at the end).
    struct Occurrence {
        var sentence: UInt16 = 0
        var next: Int32 = -1
    }

    /// The evidence for `first` and `second`. Allocates its scratch tables (about 1 MB): to
    /// verify many pairs, reuse one ``Scratch`` per thread with
    /// ``evidence(_:_:scratch:)``.
    package func evidence(_ first: StoryFeatures, _ second: StoryFeatures) -> PairEvidence {
        var scratch = Scratch()
        return evidence(first, second, scratch: &scratch)
    }

    /// The evidence for `first` and `second`, reusing `scratch`'s buffers.
    package func evidence(_ first: StoryFeatures, _ second: StoryFeatures, scratch: inout Scratch) -> PairEvidence {
        evidence(first, second, firstKey: nil, scratch: &scratch)
    }

    /// The evidence for `first` and `second`; `firstKey` identifies `first` (an article
    /// number): consecutive calls with the same key reuse its table.
    func evidence(_ first: StoryFeatures, _ second: StoryFeatures, firstKey: Int?, scratch: inout Scratch) -> PairEvidence {
        let sharedDistinct = sentencePairs(first, second, firstKey: firstKey, scratch: &scratch)
        var noList: [SentencePairCounts]? = nil
        let (features, score, reason) = SameStoryModel.evaluate(
            scratch.candidates, firstSentences: first.sentenceCount, secondSentences: second.sentenceCount,
            threshold: options.minimumScore, strict: options.strict, tiesBySecond: Self.precedes(second, first),
            workspace: &scratch.workspace,
            aligned: &noList)
        let sizeA = first.distinctShingles, sizeB = second.distinctShingles
        let union = sizeA + sizeB - sharedDistinct
        return PairEvidence(
            jaccard: union == 0 ? 0 : Double(sharedDistinct) / Double(union),
            containmentOfFirst: sizeA == 0 ? 0 : Double(sharedDistinct) / Double(sizeA),
            containmentOfSecond: sizeB == 0 ? 0 : Double(sharedDistinct) / Double(sizeB),
            matchedSentencesOfFirst: features.aligned, matchedSentencesOfSecond: features.aligned,
            sentencesOfFirst: first.sentenceCount, sentencesOfSecond: second.sentenceCount,
            score: score, isRewrite: SameStoryJudgement.isSameStory(reason))
    }

    /// The whole judgement of `first` and `second`: the candidate sentence pairs, the aligned
    /// ones, the features and the decision (for `explain` and `diff`).
    package func judgement(_ first: StoryFeatures, _ second: StoryFeatures) -> SameStoryJudgement {
        var scratch = Scratch()
        _ = sentencePairs(first, second, firstKey: nil, scratch: &scratch)
        return judge(first, second, candidates: scratch.candidates)
    }

    /// The candidate sentence pairs of `first` and `second`
    /// (``SameStoryModel/isCandidate(_:options:)``), for tools that study the decision.
    package func candidates(_ first: StoryFeatures, _ second: StoryFeatures) -> [SentencePairCounts] {
        var scratch = Scratch()
        _ = sentencePairs(first, second, firstKey: nil, scratch: &scratch)
        return scratch.candidates
    }

    /// The model's judgement of candidate sentence pairs; ties in the alignment break the same
    /// way whichever article is given first.
    package func judge(_ first: StoryFeatures, _ second: StoryFeatures, candidates: [SentencePairCounts]) -> SameStoryJudgement {
        SameStoryModel.judge(
            candidates, firstSentences: first.sentenceCount, secondSentences: second.sentenceCount,
            threshold: options.minimumScore, strict: options.strict, tiesBySecond: Self.precedes(second, first))
    }

    /// A total order on articles' features: ties in the alignment break by the sentences of
    /// the one that precedes.
    static func precedes(_ a: StoryFeatures, _ b: StoryFeatures) -> Bool {
        if a.sentenceCount != b.sentenceCount { return a.sentenceCount < b.sentenceCount }
        if a.postings.count != b.postings.count { return a.postings.count < b.postings.count }
        return a.postings.lexicographicallyPrecedes(b.postings)
    }

    /// Counts every sentence pair of `first` and `second` and keeps the candidates
    /// (``SameStoryModel/isCandidate(_:options:)``) in `scratch.candidates`; returns the number
    /// of distinct shared hashes.
    func sentencePairs(_ first: StoryFeatures, _ second: StoryFeatures, firstKey: Int?, scratch: inout Scratch) -> Int {
        scratch.candidates.removeAll(keepingCapacity: true)
        let sa = first.sentenceCount, sb = second.sentenceCount
        guard sa > 0 && sb > 0 else { return 0 }
        scratch.cells.ensure(sa * sb, filledWith: 0)
        scratch.rowTouched.ensure(sa, filledWith: 0)
        scratch.columnNumbers.ensure(sb, filledWith: 0)
        scratch.evaluation &+= 1
        if scratch.evaluation == 0 {
            scratch.rowTouched.fill(0)
            scratch.evaluation = 1
        }
        let sharedDistinct = Self.join(first, second, firstKey: firstKey, &scratch)
        let evaluation = scratch.evaluation
        let options = self.options
        let cells = scratch.cells.pointer, rowTouched = scratch.rowTouched.pointer
        let rowNumbers = scratch.rowNumbers.pointer, columnNumbers = scratch.columnNumbers.pointer
        var found: [SentencePairCounts] = []
        swap(&found, &scratch.candidates)
        first.sentenceSizes.withUnsafeBufferPointer { sizesA in
        second.sentenceSizes.withUnsafeBufferPointer { sizesB in
            // Only the touched rows are read (and then zeroed whole), so the counters stay
            // zero between pairs. Most cells hold a word or two in common: the one test that
            // rejects them is rarely passed, so it predicts well.
            let sharedFloor = UInt32(clamping: max(1, options.minimumSharedShingles))
            let contentFloor = UInt32(clamping: options.minimumSharedNonNames)
            for i in 0..<sa where rowTouched[i] == evaluation {
                let base = i * sb
                for j in 0..<sb {
                    let value = cells[base + j]
                    if value & 0x3FF < sharedFloor || (value >> 10) & 0x3FF < contentFloor { continue }
                    let counts = SentencePairCounts(
                        first: i, second: j, firstSize: Int(sizesA[i]), secondSize: Int(sizesB[j]),
                        shared: Int(value & 0x3FF), sharedNonNames: Int((value >> 10) & 0x3FF),
                        firstNumbers: Int(rowNumbers[i]), secondNumbers: Int(columnNumbers[j]),
                        sharedNumbers: Int((value >> 20) & 0x3FF))
                    if SameStoryModel.isCandidate(counts, options: options) { found.append(counts) }
                }
                (cells + base).update(repeating: 0, count: sb)
            }
        }}
        scratch.candidates = found
        return sharedDistinct
    }

    /// Joins two articles on their shingle hashes: the first's occurrences go into a table
    /// addressed by hash (built once for consecutive calls with the same `firstKey`), then
    /// every posting of the second looks up its sentences there. Counts, per sentence pair,
    /// the shared shingles, shared non-name shingles and shared numbers, per sentence of the
    /// second its numbers, and marks the touched rows; returns the number of distinct shared
    /// hashes.
    static func join(_ a: StoryFeatures, _ b: StoryFeatures, firstKey: Int?, _ s: inout Scratch) -> Int {
        if firstKey == nil || firstKey != s.tableKey { build(a, &s) }
        s.tableKey = firstKey
        s.pair &+= 1
        if s.pair == 0 {
            let table = s.table.pointer
            for k in 0..<s.table.count {
                table[k].sharedStamp = 0
                table[k].nameStamp = 0
            }
            s.pair = 1
        }
        s.joins &+= 1
        if !s.secondNumber.ensure(1 << 16, filledWith: 0) && s.joins == 0 { s.secondNumber.fill(0) }
        if s.joins == 0 { s.joins = 1 }
        let pair = s.pair, join = s.joins, columns = b.sentenceCount, evaluation = s.evaluation
        let slotOf = s.slotOf.pointer, table = s.table.pointer, occurrences = s.occurrences.pointer
        let secondNumber = s.secondNumber.pointer, columnNumbers = s.columnNumbers.pointer
        let rowTouched = s.rowTouched.pointer, cells = s.cells.pointer
        var distinct = 0
        for hash in b.names {
            let k = Int(slotOf[Int(hash)])
            if k != 0 { table[k - 1].nameStamp = pair }
        }
        for hash in b.numbers { secondNumber[Int(hash)] = join }
        b.forEachSentence { column, hashes in
            var numbers: UInt16 = 0
            for hash in hashes {
                numbers &+= secondNumber[Int(hash)] == join ? 1 : 0
                let slot = Int(slotOf[Int(hash)])
                if slot == 0 { continue }
                let k = slot - 1
                // Branch-free: whether a hash was seen before in this pair is unpredictable.
                distinct &+= table[k].sharedStamp != pair ? 1 : 0
                table[k].sharedStamp = pair
                // One count for the shingle, one for it as a non-name, one as a number.
                // Names and numbers of either article count as such.
                let nonName: UInt32 = table[k].isName || table[k].nameStamp == pair ? 0 : 1 << 10
                let number: UInt32 = table[k].isNumber || secondNumber[Int(hash)] == join ? 1 << 20 : 0
                let increment: UInt32 = 1 | nonName | number
                var o = Int(table[k].head)
                while o >= 0 {
                    let row = Int(occurrences[o].sentence)
                    rowTouched[row] = evaluation
                    cells[row * columns + column] &+= increment
                    o = Int(occurrences[o].next)
                }
            }
            columnNumbers[column] = numbers
        }
        return distinct
    }

    /// Fills the table with the first article's hashes and their sentences, after clearing
    /// the previous article's entries from `slotOf`, and counts each sentence's numbers.
    private static func build(_ a: StoryFeatures, _ s: inout Scratch) {
        s.slotOf.ensure(1 << 16, filledWith: 0)
        let slotOf = s.slotOf.pointer
        for k in 0..<s.slots { slotOf[Int(s.table.pointer[k].hash)] = 0 }
        s.slots = 0
        s.table.ensure(a.postings.count, filledWith: Slot())
        s.occurrences.ensure(a.postings.count, filledWith: Occurrence())
        s.rowNumbers.ensure(a.sentenceCount, filledWith: 0)
        s.pair = 0
        let table = s.table.pointer, occurrences = s.occurrences.pointer, rowNumbers = s.rowNumbers.pointer
        var slots = 0
        var o = 0
        a.forEachSentence { number, hashes in
            for hash in hashes {
                var k = Int(slotOf[Int(hash)]) - 1
                if k < 0 {
                    k = slots
                    slots += 1
                    slotOf[Int(hash)] = UInt32(slots)
                    table[k] = Slot(hash: hash)
                }
                occurrences[o] = Occurrence(sentence: UInt16(truncatingIfNeeded: number), next: table[k].head)
                table[k].head = Int32(o)
                o += 1
            }
        }
        for hash in a.names {
            let k = Int(slotOf[Int(hash)])
            if k != 0 { table[k - 1].isName = true }
        }
        for hash in a.numbers {
            let k = Int(slotOf[Int(hash)])
            if k != 0 { table[k - 1].isNumber = true }
        }
        a.forEachSentence { number, hashes in
            var numbers: UInt16 = 0
            for hash in hashes { numbers &+= table[Int(slotOf[Int(hash)]) - 1].isNumber ? 1 : 0 }
            rowNumbers[number] = numbers
        }
        s.slots = slots
    }
}
