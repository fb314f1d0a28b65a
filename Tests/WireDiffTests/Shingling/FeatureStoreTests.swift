import Testing
@testable import WireDiff

/// A 64-bit shingle hash whose 16-bit posting hash is `value`.
private func shingle(_ value: UInt64) -> UInt64 { value << 48 | 0xABCD }

/// Random features: `sentences` sentences of 3–12 shingles drawn from `vocabulary` values.
private func randomFeatures(_ generator: inout SplitMix64, sentences: Int, vocabulary: UInt64) -> StoryFeatures {
    let list = (0..<sentences).map { s in
        SentenceShingles(sentence: s, shingles: (0..<(3 + Int(generator.next() % 10))).map { _ in shingle(generator.next() % vocabulary) })
    }
    let names = (0..<3).map { _ in shingle(generator.next() % vocabulary) }
    let numbers = (0..<3).map { _ in shingle(generator.next() % vocabulary) }
    return StoryFeatures(sentences: list, names: names, numbers: numbers, minimumShingles: 3)
}

@Suite struct FeatureBuilderTests {
    @Test func sentencesAreDeduplicatedInFirstOccurrenceOrderAndShortOnesDropped() {
        let f = StoryFeatures(
            sentences: [
                SentenceShingles(sentence: 0, shingles: [shingle(9), shingle(2), shingle(9), shingle(5)]),
                SentenceShingles(sentence: 1, shingles: [shingle(7), shingle(7), shingle(8)]),  // 2 distinct: dropped
                SentenceShingles(sentence: 2, shingles: [shingle(5), shingle(6), shingle(1)]),
            ],
            names: [shingle(6), shingle(6)], minimumShingles: 3)
        #expect(Array(f.postings) == [9, 2, 5, 5, 6, 1])
        #expect(Array(f.sentenceSizes) == [3, 3])
        #expect(Array(f.names) == [6])
        #expect(f.distinctShingles == 5)
        var seen: [[UInt16]] = []
        f.forEachSentence { number, hashes in
            #expect(number == seen.count)
            seen.append(Array(hashes))
        }
        #expect(seen == [[9, 2, 5], [5, 6, 1]])
    }

    @Test func aSentenceWithEveryHashKeepsSizeAndPostingsInStep() {
        let huge = SentenceShingles(sentence: 0, shingles: (0..<UInt64(1 << 16)).map(shingle))
        let next = SentenceShingles(sentence: 1, shingles: [1, 2, 3].map(shingle))
        let f = StoryFeatures(sentences: [huge, next], minimumShingles: 3)
        #expect(Array(f.sentenceSizes) == [UInt16(StoryFeatures.maximumSentenceShingles), 3])
        #expect(f.postings.count == StoryFeatures.maximumSentenceShingles + 3)
        var last: [UInt16] = []
        f.forEachSentence { _, hashes in last = Array(hashes) }
        #expect(last == [1, 2, 3])
    }

    @Test func storedArticlesAreSlicesOfSharedStorage() {
        var builder = FeatureBuilder(minimumShingles: 3)
        for article in 0..<3 {
            for s in 0..<(article + 1) {
                let base = UInt64(article * 100 + s * 10)
                let kept = [shingle(base + 1), shingle(base + 2), shingle(base + 3)].withUnsafeBufferPointer { builder.addSentence($0) }
                #expect(kept)
            }
            builder.finishDocument(names: [shingle(UInt64(article * 100 + 1))])
        }
        let store = FeatureStore(parts: [builder.finish()])
        #expect(store.count == 3)
        #expect(store.sentenceCount == 6)
        #expect(Array(store[2].postings) == [201, 202, 203, 211, 212, 213, 221, 222, 223])
        #expect(Array(store[1].names) == [101])
        #expect(store[1].sentenceCount == 2)
        #expect(store[0].distinctShingles == 3)
    }

    @Test func theStoreDoesNotDependOnTheThreadCount() {
        var generator = SplitMix64(seed: 7)
        let words = ["harbor", "council", "vote", "bridge", "Tuesday", "Marrow", "repairs", "flood", "dam", "budget", "mayor", "river"]
        let records = (0..<300).map { i in
            let text = (0..<6).map { _ in
                (0..<8).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") + "."
            }.joined(separator: " ")
            return CorpusRecord(id: "a\(i)", bytes: Array(text.utf8), source: "test")
        }
        let one = FeatureStore(records, kind: .contentWords(1), minimumShingles: 3, textOptions: TextOptions(), threads: 1)
        let two = FeatureStore(records, kind: .contentWords(1), minimumShingles: 3, textOptions: TextOptions(), threads: 2)
        #expect(one.count == 300 && two.count == 300)
        for i in 0..<300 { #expect(one[i] == two[i]) }
    }
}

@Suite struct CommonShinglesTests {
    @Test func shinglesInEnoughArticlesAreCommon() {
        // Hash 1 is in every article, 2 in half, 3 in one.
        let all = (0..<100).map { i in
            StoryFeatures(
                sentences: [SentenceShingles(sentence: 0, shingles: [shingle(1), shingle(i % 2 == 0 ? 2 : 40), shingle(i == 0 ? 3 : 50 + UInt64(i))])],
                minimumShingles: 3)
        }
        let common = CommonShingles.estimate(count: all.count, features: { all[$0] }, minimumShare: 0.4)
        #expect(common.contains(hash: 1))
        #expect(common.contains(hash: 2))
        #expect(common.contains(hash: 40))
        #expect(!common.contains(hash: 3))
        #expect(common.count == 3)
        #expect(!CommonShingles().contains(hash: 1))
        // rarity is the branch-free complement of contains, for every hash.
        for set in [common, CommonShingles(), CommonShingles(hashes: [0, 63, 64, 65535], sampled: 1)] {
            #expect((0...UInt16.max).allSatisfy { set.rarity(hash: $0) == (set.contains(hash: $0) ? 0 : 1) })
        }
        #expect(CommonShingles(hashes: [0, 63, 64, 65535], sampled: 1).count == 4)
    }
}

@Suite struct PassageSketcherTests {
    @Test func keysAreTheMinHashPairsCutIntoBandsGroupByGroup() {
        var generator = SplitMix64(seed: 3)
        let options = DedupOptions()
        let common = CommonShingles(hashes: [1, 2, 3], sampled: 10)
        let f = StoryFeatures(
            sentences: [
                SentenceShingles(sentence: 0, shingles: [1, 2, 3, 70, 80, 90].map(shingle)),  // 3 rare: sketched without 1, 2, 3
                SentenceShingles(sentence: 1, shingles: [1, 2, 3, 71].map(shingle)),  // 1 rare: sketched whole
                SentenceShingles(sentence: 2, shingles: (0..<9).map { _ in shingle(100 + generator.next() % 1000) }),
            ],
            minimumShingles: 3)
        let lsh = options.effectiveLSH
        let hasher = MinHasher(permutations: options.permutations, seed: options.seed)
        // Reference, written plainly: permutation 2p's value of a hash is the high half of
        // a[2p]·mix(hash ^ key) + b[2p], permutation 2p + 1's the low half of the same product.
        var expected: [UInt64] = []
        f.forEachSentence { _, hashes in
            let rare = hashes.filter { !common.contains(hash: $0) }
            let set = rare.count >= options.minimumSentenceShingles ? rare : Array(hashes)
            var minima = [UInt32](repeating: .max, count: lsh.bands * lsh.rows)
            hasher.withParameters { p in
                for hash in set {
                    let x = StableHash.mix(UInt64(hash) ^ p.key)
                    for i in minima.indices {
                        let product = p.multipliers[i & ~1] &* x &+ p.addends[i & ~1]
                        minima[i] = min(minima[i], UInt32(truncatingIfNeeded: i % 2 == 0 ? product >> 32 : product))
                    }
                }
            }
            minima.withUnsafeBytes { raw in
                for band in 0..<lsh.bands {
                    expected.append(LSHParameters.bandKey(UnsafeRawBufferPointer(rebasing: raw[band * lsh.rows * 4..<(band + 1) * lsh.rows * 4]), band: band))
                }
            }
        }
        var sketcher = PassageSketcher(options: options, common: common)
        var all: [UInt64] = []
        sketcher.appendBandKeys(of: f, into: &all)
        #expect(all == expected)
        // Any band grouping gives the same keys.
        for size in [1, 3, 4] {
            var grouped: [UInt64] = []
            for first in stride(from: 0, to: lsh.bands, by: size) {
                sketcher.appendBandKeys(of: f, bands: first..<min(lsh.bands, first + size), into: &grouped)
            }
            #expect(grouped.sorted() == expected.sorted())
        }
    }
}

@Suite struct CandidateRangeTests {
    @Test func pairsDoNotDependOnTheMemoryBudgetOrThreads() {
        var generator = SplitMix64(seed: 11)
        // 2,000 articles, keys from a small space so buckets of all sizes (stars too) form.
        var entries: [UInt64] = []
        for article in 0..<2000 {
            for _ in 0..<6 { entries.append(CandidateFinder.entry(key: (generator.next() % 3000) << 40, article: article)) }
        }
        func pairs(budget: Int, threads: Int) -> [UInt64] {
            var chunks = [entries]
            RadixSort.partitionByTopByte(&chunks[0])
            return CandidateFinder.pairs(
                buckets: CandidateFinder.buckets(&chunks, threads: threads), maximumBucket: 8, minimumShared: 2,
                memoryBudget: budget, threads: threads)
        }
        let reference = pairs(budget: 1 << 30, threads: 1)
        #expect(!reference.isEmpty)
        #expect(reference == reference.sorted())
        #expect(pairs(budget: 1, threads: 1) == reference)
        #expect(pairs(budget: 1, threads: 2) == reference)
    }
}

@Suite struct PairVerifierScratchTests {
    @Test func reusedScratchGivesTheEvidenceOfAFreshOne() {
        var generator = SplitMix64(seed: 5)
        let articles = (0..<30).map { _ in randomFeatures(&generator, sentences: 1 + Int(generator.next() % 30), vocabulary: 120) }
        let verifier = PairVerifier()
        var scratch = PairVerifier.Scratch()
        for a in articles.indices {
            for b in articles.indices where b != a {
                let reused = verifier.evidence(articles[a], articles[b], firstKey: a, scratch: &scratch)
                #expect(reused == verifier.evidence(articles[a], articles[b]))
                #expect(reused == bruteForce(articles[a], articles[b], verifier))
                #expect(verifier.evidence(articles[b], articles[a]) == reused.swapped)
            }
        }
    }
}

/// The verification counts computed with sets, sentence pair by sentence pair, and judged by
/// the model.
private func bruteForce(_ a: StoryFeatures, _ b: StoryFeatures, _ verifier: PairVerifier) -> PairEvidence {
    func sentences(_ f: StoryFeatures) -> [Set<UInt16>] {
        var result: [Set<UInt16>] = []
        f.forEachSentence { _, hashes in result.append(Set(hashes)) }
        return result
    }
    let sa = sentences(a), sb = sentences(b)
    let names = Set(a.names).union(b.names)
    let numbersA = Set(a.numbers), numbersB = Set(b.numbers)
    var candidates: [SentencePairCounts] = []
    for (i, x) in sa.enumerated() {
        for (j, y) in sb.enumerated() {
            let shared = x.intersection(y)
            let counts = SentencePairCounts(
                first: i, second: j, firstSize: x.count, secondSize: y.count, shared: shared.count,
                sharedNonNames: shared.subtracting(names).count, firstNumbers: x.intersection(numbersA).count,
                secondNumbers: y.intersection(numbersB).count, sharedNumbers: shared.intersection(numbersA.union(numbersB)).count)
            if SameStoryModel.isCandidate(counts, options: verifier.options) { candidates.append(counts) }
        }
    }
    let judgement = verifier.judge(a, b, candidates: candidates)
    let da = Set(a.postings), db = Set(b.postings)
    let shared = da.intersection(db).count
    return PairEvidence(
        jaccard: Double(shared) / Double(da.union(db).count),
        containmentOfFirst: Double(shared) / Double(da.count), containmentOfSecond: Double(shared) / Double(db.count),
        matchedSentencesOfFirst: judgement.features.aligned, matchedSentencesOfSecond: judgement.features.aligned,
        sentencesOfFirst: sa.count, sentencesOfSecond: sb.count, score: judgement.score, isRewrite: judgement.isSameStory)
}
