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
/// - Complexity: O(a + b + m + s·t) for a and b postings, m shared postings and s·t sentence
///   pairs.
public struct PairVerifier: Sendable {
    public var options: DedupOptions

    public init(options: DedupOptions = DedupOptions()) {
        self.options = options
    }

    /// Reusable buffers of ``evidence(_:_:scratch:)``, one per thread.
    public struct Scratch: Sendable {
        var shared: [UInt16] = []
        var sharedContent: [UInt16] = []
        var matchedB: [Bool] = []
        public init() {}
    }

    /// The evidence for `first` and `second`.
    public func evidence(_ first: StoryFeatures, _ second: StoryFeatures) -> PairEvidence {
        var scratch = Scratch()
        return evidence(first, second, scratch: &scratch)
    }

    /// The evidence for `first` and `second`, reusing `scratch`'s buffers.
    public func evidence(_ first: StoryFeatures, _ second: StoryFeatures, scratch: inout Scratch) -> PairEvidence {
        let sa = first.sentenceCount, sb = second.sentenceCount
        var sharedDistinct = 0
        var countA = 0, countB = 0
        if sa > 0 && sb > 0 {
            // shared[i * sb + j]: shingles sentence i of A shares with sentence j of B, and how
            // many of them are not names.
            scratch.shared.removeAll(keepingCapacity: true)
            scratch.shared.append(contentsOf: repeatElement(0, count: sa * sb))
            scratch.sharedContent.removeAll(keepingCapacity: true)
            scratch.sharedContent.append(contentsOf: repeatElement(0, count: sa * sb))
            scratch.matchedB.removeAll(keepingCapacity: true)
            scratch.matchedB.append(contentsOf: repeatElement(false, count: sb))
            sharedDistinct = Self.join(first.postings, second.postings, columns: sb, &scratch.shared, &scratch.sharedContent)
            let shared = scratch.shared, sharedContent = scratch.sharedContent
            var matchedB = scratch.matchedB
            for i in 0..<sa {
                var matched = false
                let sizeA = Int(first.sentenceSizes[i])
                for j in 0..<sb {
                    let count = Int(shared[i * sb + j])
                    guard count >= options.minimumSharedShingles,
                          Int(sharedContent[i * sb + j]) >= options.minimumSharedNonNames else { continue }
                    let sizeB = Int(second.sentenceSizes[j])
                    let jaccard = Double(count) / Double(sizeA + sizeB - count)
                    let overlap = Double(count) / Double(min(sizeA, sizeB))
                    if jaccard >= options.sentenceThreshold || overlap >= options.sentenceOverlap {
                        matched = true
                        matchedB[j] = true
                    }
                }
                if matched { countA += 1 }
            }
            countB = matchedB.reduce(0) { $0 + ($1 ? 1 : 0) }
            scratch.matchedB = matchedB
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

    /// Merge-joins two sorted posting lists on their hash; counts, per sentence pair, the shared
    /// shingles and the shared non-name shingles; returns the number of distinct shared hashes.
    static func join(
        _ a: [UInt32], _ b: [UInt32], columns: Int, _ shared: inout [UInt16], _ sharedContent: inout [UInt16]
    ) -> Int {
        let mask = StoryFeatures.hashMask
        let sentenceMask: UInt32 = 1 << StoryFeatures.sentenceBits - 1
        var distinct = 0
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let ha = a[i] & mask, hb = b[j] & mask
            if ha < hb { i += 1; continue }
            if hb < ha { j += 1; continue }
            var ie = i + 1
            while ie < a.count && a[ie] & mask == ha { ie += 1 }
            var je = j + 1
            while je < b.count && b[je] & mask == hb { je += 1 }
            var name = false
            for x in i..<ie where a[x] & StoryFeatures.nameBit != 0 { name = true }
            for y in j..<je where b[y] & StoryFeatures.nameBit != 0 { name = true }
            for x in i..<ie {
                let row = Int(a[x] & sentenceMask) * columns
                for y in j..<je {
                    let cell = row + Int(b[y] & sentenceMask)
                    shared[cell] &+= 1
                    if !name { sharedContent[cell] &+= 1 }
                }
            }
            distinct += 1
            i = ie
            j = je
        }
        return distinct
    }
}
