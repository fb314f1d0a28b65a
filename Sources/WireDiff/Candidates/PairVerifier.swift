/// Decides whether two articles are versions of one story from their passage-level features,
/// with exact scores: no LSH noise reaches the output.
///
/// Two sentences *match* when they share at least ``DedupOptions/minimumSharedShingles``
/// shingles, at least ``DedupOptions/minimumSharedNonNames`` of them not names (different
/// stories about the same people share names, not what happened), and either their Jaccard reaches ``DedupOptions/sentenceThreshold`` or the shared
/// shingles make up ``DedupOptions/sentenceOverlap`` of the smaller sentence (a sentence merged
/// into a longer one, or split out of it). Two articles are *rewrites* when, on the side with
/// fewer sentences, at least ``DedupOptions/minimumMatchedSentences`` sentences (all of them
/// if it has fewer, but at least two) match and they cover
/// ``DedupOptions/minimumCoverage`` of its sentences. A different story that shares a
/// background paragraph matches one or two sentences out of dozens and fails both tests.
///
/// - Complexity: O((a + b) log b + m) for a and b shingles and m shared postings.
public struct PairVerifier: Sendable {
    public var options: DedupOptions

    public init(options: DedupOptions = DedupOptions()) {
        self.options = options
    }

    /// The evidence for `first` and `second`.
    public func evidence(_ first: StoryFeatures, _ second: StoryFeatures) -> PairEvidence {
        let (shared, _) = Self.intersectionCount(first.documentSet, second.documentSet)
        let sizeA = first.documentSet.count, sizeB = second.documentSet.count
        let union = sizeA + sizeB - shared
        var matchedA = [Bool](repeating: false, count: first.sentenceCount)
        var matchedB = [Bool](repeating: false, count: second.sentenceCount)
        matchSentences(first, second, &matchedA, &matchedB)
        let countA = matchedA.reduce(0) { $0 + ($1 ? 1 : 0) }
        let countB = matchedB.reduce(0) { $0 + ($1 ? 1 : 0) }
        var evidence = PairEvidence(
            jaccard: union == 0 ? 0 : Double(shared) / Double(union),
            containmentOfFirst: sizeA == 0 ? 0 : Double(shared) / Double(sizeA),
            containmentOfSecond: sizeB == 0 ? 0 : Double(shared) / Double(sizeB),
            matchedSentencesOfFirst: countA, matchedSentencesOfSecond: countB,
            sentencesOfFirst: first.sentenceCount, sentencesOfSecond: second.sentenceCount,
            isRewrite: false)
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

    /// Marks the sentences of each side that match a sentence of the other.
    func matchSentences(_ a: StoryFeatures, _ b: StoryFeatures, _ matchedA: inout [Bool], _ matchedB: inout [Bool]) {
        guard a.sentenceCount > 0, b.sentenceCount > 0 else { return }
        // Postings of b: (hash, sentence) sorted by hash.
        var postings: [UInt64] = []
        postings.reserveCapacity(b.hashes.count)
        for j in 0..<b.sentenceCount {
            for k in b.range(ofSentence: j) { postings.append(UInt64(b.hashes[k]) << 32 | UInt64(j)) }
        }
        postings.sort()
        var shared = [Int32](repeating: 0, count: b.sentenceCount)
        var sharedNames = [Int32](repeating: 0, count: b.sentenceCount)
        var touched: [Int] = []
        let minShared = options.minimumSharedShingles
        let minNonNames = options.minimumSharedNonNames
        postings.withUnsafeBufferPointer { postings in
            for i in 0..<a.sentenceCount {
                let range = a.range(ofSentence: i)
                touched.removeAll(keepingCapacity: true)
                for k in range {
                    let hash = UInt64(a.hashes[k]) << 32
                    var position = Self.lowerBound(postings, hash)
                    guard position < postings.count && postings[position] & 0xFFFF_FFFF_0000_0000 == hash else { continue }
                    let name: Int32 = a.isName(a.hashes[k]) || b.isName(a.hashes[k]) ? 1 : 0
                    while position < postings.count && postings[position] & 0xFFFF_FFFF_0000_0000 == hash {
                        let j = Int(postings[position] & 0xFFFF_FFFF)
                        if shared[j] == 0 { touched.append(j) }
                        shared[j] += 1
                        sharedNames[j] += name
                        position += 1
                    }
                }
                let sizeA = range.count
                for j in touched {
                    let count = Int(shared[j])
                    let names = Int(sharedNames[j])
                    shared[j] = 0
                    sharedNames[j] = 0
                    guard count >= minShared, count - names >= minNonNames else { continue }
                    let sizeB = b.range(ofSentence: j).count
                    let jaccard = Double(count) / Double(sizeA + sizeB - count)
                    let overlap = Double(count) / Double(min(sizeA, sizeB))
                    if jaccard >= options.sentenceThreshold || overlap >= options.sentenceOverlap {
                        matchedA[i] = true
                        matchedB[j] = true
                    }
                }
            }
        }
    }

    /// The first index whose value is ≥ `value`.
    @inline(__always)
    static func lowerBound(_ values: UnsafeBufferPointer<UInt64>, _ value: UInt64) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// |a ∩ b| for sorted, deduplicated arrays, and the merge length.
    static func intersectionCount(_ a: [UInt32], _ b: [UInt32]) -> (Int, Int) {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return (shared, i + j)
    }
}
