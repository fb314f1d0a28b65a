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

    /// Reusable buffers of ``evidence(_:_:scratch:)``, one per thread (about 1 MB: tables
    /// indexed by 16-bit shingle hash).
    public struct Scratch: Sendable {
        var shared: [UInt16] = []
        var sharedContent: [UInt16] = []
        var matchedB: [Bool] = []
        /// Per hash: the pair number that last put it in the first article's table, that last
        /// marked it a name, that last counted it as shared; and its first occurrence.
        var stamp = [UInt32](repeating: 0, count: 1 << 16)
        var nameStamp = [UInt32](repeating: 0, count: 1 << 16)
        var sharedStamp = [UInt32](repeating: 0, count: 1 << 16)
        var head = [Int32](repeating: -1, count: 1 << 16)
        /// Occurrences of the first article's hashes: sentence number and next occurrence.
        var sentence: [UInt16] = []
        var next: [Int32] = []
        var pair: UInt32 = 0
        public init() {}

        /// Starts a new pair; clears the tables when the pair counter wraps.
        mutating func nextPair() {
            pair &+= 1
            if pair == 0 {
                self = Scratch()
                pair = 1
            }
        }
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
            sharedDistinct = Self.join(first, second, &scratch)
            let shared = scratch.shared, sharedContent = scratch.sharedContent
            var matchedB = scratch.matchedB
            let sizesA = first.sentenceSizes, sizesB = second.sentenceSizes
            for i in 0..<sa {
                var matched = false
                let sizeA = Int(sizesA[sizesA.startIndex + i])
                for j in 0..<sb {
                    let count = Int(shared[i * sb + j])
                    guard count >= options.minimumSharedShingles,
                          Int(sharedContent[i * sb + j]) >= options.minimumSharedNonNames else { continue }
                    let sizeB = Int(sizesB[sizesB.startIndex + j])
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

    /// Joins two articles on their shingle hashes: the first's occurrences go into a table
    /// addressed by hash (no hashing, no clearing: entries are stamped with the pair number),
    /// then every posting of the second looks up its sentences there. Counts, per sentence
    /// pair, the shared shingles and the shared non-name shingles; returns the number of
    /// distinct shared hashes.
    static func join(_ a: StoryFeatures, _ b: StoryFeatures, _ scratch: inout Scratch) -> Int {
        scratch.nextPair()
        let pair = scratch.pair
        let columns = b.sentenceCount
        scratch.sentence.removeAll(keepingCapacity: true)
        scratch.next.removeAll(keepingCapacity: true)
        var distinct = 0
        withUnsafeMutablePointers(&scratch) { stamp, nameStamp, sharedStamp, head, sentence, next, shared, sharedContent in
            a.forEachSentence { number, hashes in
                for hash in hashes {
                    let h = Int(hash)
                    next.append(stamp[h] == pair ? head[h] : -1)
                    sentence.append(UInt16(number))
                    head[h] = Int32(next.count - 1)
                    stamp[h] = pair
                }
            }
            for hash in a.names { nameStamp[Int(hash)] = pair }
            for hash in b.names { nameStamp[Int(hash)] = pair }
            b.forEachSentence { column, hashes in
                for hash in hashes {
                    let h = Int(hash)
                    guard stamp[h] == pair else { continue }
                    if sharedStamp[h] != pair {
                        sharedStamp[h] = pair
                        distinct += 1
                    }
                    let name = nameStamp[h] == pair
                    var k = Int(head[h])
                    while k >= 0 {
                        let cell = Int(sentence[k]) * columns + column
                        shared[cell] &+= 1
                        if !name { sharedContent[cell] &+= 1 }
                        k = Int(next[k])
                    }
                }
            }
        }
        return distinct
    }

    /// Runs `body` with the scratch tables as raw buffers (the occurrence lists stay arrays:
    /// they grow).
    private static func withUnsafeMutablePointers<R>(
        _ s: inout Scratch,
        _ body: (
            UnsafeMutableBufferPointer<UInt32>, UnsafeMutableBufferPointer<UInt32>, UnsafeMutableBufferPointer<UInt32>,
            UnsafeMutableBufferPointer<Int32>, inout [UInt16], inout [Int32],
            UnsafeMutableBufferPointer<UInt16>, UnsafeMutableBufferPointer<UInt16>
        ) -> R
    ) -> R {
        s.stamp.withUnsafeMutableBufferPointer { stamp in
            s.nameStamp.withUnsafeMutableBufferPointer { nameStamp in
                s.sharedStamp.withUnsafeMutableBufferPointer { sharedStamp in
                    s.head.withUnsafeMutableBufferPointer { head in
                        s.shared.withUnsafeMutableBufferPointer { shared in
                            s.sharedContent.withUnsafeMutableBufferPointer { sharedContent in
                                body(stamp, nameStamp, sharedStamp, head, &s.sentence, &s.next, shared, sharedContent)
                            }
                        }
                    }
                }
            }
        }
    }
}
