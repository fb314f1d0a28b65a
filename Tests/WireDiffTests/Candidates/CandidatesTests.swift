import Foundation
import Testing
@testable import WireDiff

/// Features from hand-made sentences of small integers (each integer a shingle).
func features(_ sentences: [[UInt64]]) -> StoryFeatures {
    StoryFeatures(
        sentences: sentences.enumerated().map { SentenceShingles(sentence: $0.offset, shingles: $0.element.map { $0 << 48 }.sorted()) },
        minimumShingles: 3)
}

@Suite struct PairVerifierTests {
    let verifier = PairVerifier()

    @Test func paraphrasedSentencesAlignOneToOneAndMakeARewrite() {
        let a = features([[1, 2, 3, 4, 5], [10, 11, 12, 13], [20, 21, 22, 23, 24], [30, 31, 32, 33]])
        // Each sentence keeps 3 of its words and gains others (Jaccard ≥ 0.3), order shuffled.
        let b = features([[20, 21, 22, 90, 91], [1, 2, 3, 80, 81], [10, 11, 12, 70], [99, 98, 97]])
        let e = verifier.evidence(a, b)
        #expect(e.matchedSentencesOfFirst == 3)
        #expect(e.matchedSentencesOfSecond == 3)
        #expect(e.isRewrite)
        let judgement = verifier.judgement(a, b)
        #expect(judgement.reason == .model)
        #expect(Set(judgement.aligned.map { [$0.first, $0.second] }) == [[0, 1], [1, 2], [2, 0]])
    }

    /// Clustering reuses a pair's evidence in either direction: measuring it the other way
    /// round must only swap the sides.
    @Test func evidenceIsSymmetric() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<200 {
            func article() -> StoryFeatures {
                features((0..<Int(generator.next() % 12 + 1)).map { _ in
                    (0..<Int(generator.next() % 8 + 3)).map { _ in generator.next() % 40 }
                })
            }
            let a = article(), b = article()
            #expect(verifier.evidence(a, b).swapped == verifier.evidence(b, a))
        }
    }

    /// One scratch serves a whole run: first articles change, grow (its tables are
    /// reallocated) and repeat; every result must equal a fresh measurement.
    @Test func reusedScratchGivesFreshResults() {
        var generator = SplitMix64(seed: 5)
        func article(_ sentences: Int) -> StoryFeatures {
            features((0..<sentences).map { _ in (0..<Int(generator.next() % 8 + 3)).map { _ in generator.next() % 60 } })
        }
        let articles = (0..<40).map { article($0 % 7 == 0 ? 3 * $0 + 1 : Int(generator.next() % 10 + 1)) }
        var scratch = PairVerifier.Scratch()
        for _ in 0..<400 {
            let i = Int(generator.next() % 40), j = Int(generator.next() % 40)
            let reused = verifier.evidence(articles[i], articles[j], firstKey: i, scratch: &scratch)
            #expect(reused == verifier.evidence(articles[i], articles[j]))
        }
    }

    /// Two sentence pairs that mirror each other score the same; which one the alignment
    /// keeps must not depend on which article is given first (the lede and runs it reports
    /// would differ).
    @Test func mirroredSentencePairsAlignTheSameWhicheverArticleComesFirst() {
        let a = features([[1, 2, 3, 4], [50, 51, 52, 53], [60, 61, 62, 63], [5, 6, 7, 8]])
        let b = features([[5, 6, 7, 9], [70, 71, 72, 73], [80, 81, 82, 83], [1, 2, 3, 9]])
        let forward = verifier.judgement(a, b), backward = verifier.judgement(b, a)
        #expect(forward.swapped == backward)
        #expect(verifier.evidence(a, b).swapped == verifier.evidence(b, a))
    }

    @Test func oneSharedBackgroundSentenceIsNotARewrite() {
        var sentencesA = [[UInt64]](), sentencesB = [[UInt64]]()
        for i in 0..<20 {
            sentencesA.append((0..<6).map { UInt64(1000 + i * 10 + $0) })
            sentencesB.append((0..<6).map { UInt64(5000 + i * 10 + $0) })
        }
        sentencesB[7] = sentencesA[3]  // the shared background paragraph
        let e = verifier.evidence(features(sentencesA), features(sentencesB))
        #expect(e.matchedSentencesOfFirst == 1)
        #expect(!e.isRewrite)
    }

    @Test func twoSharedWordsAreNotAMatch() {
        let e = verifier.evidence(features([[1, 2, 50, 51], [3, 4, 5, 6]]), features([[1, 2, 60], [3, 4, 70, 71]]))
        #expect(e.matchedSentencesOfFirst == 0)
    }

    @Test func aMergedSentenceAlignsWithOneOfItsHalvesByOverlap() {
        let a = features([[1, 2, 3, 4], [5, 6, 7, 8]])
        let b = features([[1, 2, 3, 4, 5, 6, 7, 8, 40, 41, 42, 43]])
        let judgement = verifier.judgement(a, b)
        // Jaccard 4/12 = 0.33, overlap 1: a candidate; one to one, it aligns once.
        #expect(judgement.aligned.count == 1)
        #expect(verifier.evidence(a, b).matchedSentencesOfFirst == 1)
    }

    /// A block of background sentences pasted into a different story, away from both ledes, is
    /// a shared passage however many sentences it holds.
    @Test func aPastedBlockAwayFromTheLedesIsAPassage() {
        var sentencesA = [[UInt64]](), sentencesB = [[UInt64]]()
        for i in 0..<20 {
            sentencesA.append((0..<6).map { UInt64(1000 + i * 10 + $0) })
            sentencesB.append((0..<6).map { UInt64(5000 + i * 10 + $0) })
        }
        for k in 0..<5 { sentencesB[8 + k] = sentencesA[4 + k] }
        let judgement = verifier.judgement(features(sentencesA), features(sentencesB))
        #expect(judgement.features.aligned == 5)
        #expect(judgement.features.isPassage)
        #expect(judgement.reason == .sharedPassage)
        #expect(!judgement.isSameStory)
    }

    @Test func exactSetScores() {
        let e = verifier.evidence(features([[1, 2, 3, 4]]), features([[3, 4, 5, 6, 7, 8]]))
        #expect(e.jaccard == 2.0 / 8.0)
        #expect(e.containmentOfFirst == 0.5)
        #expect(e.containmentOfSecond == 2.0 / 6.0)
    }
}

@Suite struct StoryClustererTests {
    @Test func similarityDoesNotChain() {
        // 0~1 and 1~2 are rewrites, 0 and 2 are not: 2 must not join 0's story.
        let neighbors: [[Int32]] = [[1], [0, 2], [1]]
        let assignments = StoryClusterer.cluster(order: [0, 1, 2], neighbors: neighbors) { x, c in
            (min(x, c), max(x, c)) != (0, 2) ? 1 : nil
        }
        #expect(assignments[0].cluster == assignments[1].cluster)
        #expect(assignments[2].cluster != assignments[0].cluster)
        #expect(assignments[0].representative == 0)
        #expect(assignments[2].representative == 2)
    }

    @Test func candidatesOfMembersAreVerifiedAgainstTheCenter() {
        // Candidates 0–1 and 1–2 only; 2 is a rewrite of 0 all the same.
        let assignments = StoryClusterer.cluster(order: [0, 1, 2], neighbors: [[1], [0, 2], [1]] as [[Int32]]) { _, _ in 1 }
        #expect(Set(assignments.map(\.cluster)) == [0])
    }

    @Test func representativeOrderDecides() {
        // Visiting 2 first makes it the center of everyone who verifies against it.
        let assignments = StoryClusterer.cluster(order: [2, 0, 1], neighbors: [[2], [2], [0, 1]] as [[Int32]]) { _, _ in 1 }
        #expect(assignments.allSatisfy { $0.representative == 2 })
    }

    /// The failure seen on real BBC text: an article that lent background sentences to a
    /// rewrite of another story came first and took the rewrite from its own story.
    @Test func anArticleJoinsTheStoryItSharesMostWith() {
        // 0 lent a passage to 2, a rewrite of 1; 0 comes first in representative order.
        let neighbors: [[Int32]] = [[2], [2], [0, 1]]
        let scores: [[Int]: Double] = [[2, 0]: 0.6, [2, 1]: 0.97]
        let assignments = StoryClusterer.cluster(order: [0, 1, 2], neighbors: neighbors) { x, c in scores[[x, c]] }
        #expect(assignments[2].representative == 1)
        #expect(assignments[0].representative == 0)
        #expect(assignments[1].representative == 1)
    }

    @Test func anEarlierCenterKeepsATie() {
        let neighbors: [[Int32]] = [[2], [2], [0, 1]]
        let assignments = StoryClusterer.cluster(order: [0, 1, 2], neighbors: neighbors) { _, _ in 0.8 }
        #expect(assignments[2].representative == 0)
    }
}

@Suite struct CandidateGraphTests {
    @Test func rowsAreSymmetricAndSorted() {
        let graph = CandidateGraph(count: 4, pairs: [0 << 32 | 3, 1 << 32 | 3, 2 << 32 | 3])
        #expect(graph.map(Array.init) == [[3], [3], [3], [0, 1, 2]])
        #expect(graph.degree(3) == 3)
        #expect(CandidateGraph.index(of: 1 << 32 | 3, in: [0 << 32 | 3, 1 << 32 | 3]) == 1)
        #expect(CandidateGraph.index(of: 1 << 32 | 2, in: [0 << 32 | 3, 1 << 32 | 3]) == nil)
        // Each entry knows its pair's position, looked up from either side.
        let pairs: [UInt64] = [0 << 32 | 1, 0 << 32 | 4, 1 << 32 | 2, 2 << 32 | 4, 3 << 32 | 4]
        let g = CandidateGraph(count: 5, pairs: pairs)
        #expect(g.map(Array.init) == [[1, 4], [0, 2], [1, 4], [4], [0, 2, 3]])
        for (p, pair) in pairs.enumerated() {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            #expect(g.pair(a, b) == p && g.pair(b, a) == p)
        }
        #expect(g.pair(0, 2) == nil && g.pair(3, 0) == nil && g.pair(4, 1) == nil)
    }
}

@Suite struct CandidateFinderTests {
    @Test func sharedKeysMakePairs() {
        var entries = [
            CandidateFinder.entry(key: 0xAAAA_0000_0000_0000, article: 3),
            CandidateFinder.entry(key: 0xAAAA_0000_0000_0000, article: 1),
            CandidateFinder.entry(key: 0xBBBB_0000_0000_0000, article: 2),
            CandidateFinder.entry(key: 0xBBBB_0000_0000_0000, article: 1),
            CandidateFinder.entry(key: 0xCCCC_0000_0000_0000, article: 0),
        ]
        let pairs = CandidateFinder.pairs(entries: &entries, maximumBucket: 10)
        #expect(pairs == [1 << 32 | 2, 1 << 32 | 3])
    }

    /// Each pair comes with the number of buckets it shares (what makes a link strong).
    @Test func pairsComeWithTheirSharedKeyCounts() {
        var entries: [UInt64] = []
        for key in [0xA1, 0xA2, 0xA3, 0xA4, 0xA5] as [UInt64] {
            entries.append(CandidateFinder.entry(key: key << 48, article: 4))
            entries.append(CandidateFinder.entry(key: key << 48, article: 7))
        }
        for key in [0xB1, 0xB2] as [UInt64] {
            entries.append(CandidateFinder.entry(key: key << 48, article: 2))
            entries.append(CandidateFinder.entry(key: key << 48, article: 7))
        }
        RadixSort.sort(&entries)
        var chunks = [entries]
        let buckets = CandidateFinder.buckets(&chunks)
        let (pairs, shared) = CandidateFinder.counted(buckets: buckets, maximumBucket: 10, minimumShared: 2, memoryBudget: 1 << 20)
        #expect(pairs == [2 << 32 | 7, 4 << 32 | 7])
        #expect(shared == [2, 5])
    }

    @Test func anArticleRepeatingAKeyIsNotItsOwnPairAndCountsOnce() {
        var entries = [
            CandidateFinder.entry(key: 0xAAAA_0000_0000_0000, article: 5),
            CandidateFinder.entry(key: 0xAAAA_0000_0000_0000, article: 5),
            CandidateFinder.entry(key: 0xBBBB_0000_0000_0000, article: 5),
            CandidateFinder.entry(key: 0xBBBB_0000_0000_0000, article: 5),
            CandidateFinder.entry(key: 0xBBBB_0000_0000_0000, article: 2),
        ]
        #expect(CandidateFinder.pairs(entries: &entries, maximumBucket: 10) == [2 << 32 | 5])
        var again = [
            CandidateFinder.entry(key: 0xAAAA_0000_0000_0000, article: 5),
            CandidateFinder.entry(key: 0xAAAA_0000_0000_0000, article: 5),
            CandidateFinder.entry(key: 0xAAAA_0000_0000_0000, article: 2),
        ]
        #expect(CandidateFinder.pairs(entries: &again, maximumBucket: 10, minimumShared: 2).isEmpty)
    }

    @Test func hugeBucketsBecomeStars() {
        var entries = (0..<100).map { CandidateFinder.entry(key: 0xAAAA_0000_0000_0000, article: $0) }
        let pairs = CandidateFinder.pairs(entries: &entries, maximumBucket: 10)
        #expect(pairs.count == 99)
        #expect(pairs.allSatisfy { $0 >> 32 == 0 })
    }
}

@Suite struct DeduplicatorTests {
    static let samples = Repository.samples.path

    @Test func streamingGivesTheSameStoriesAndKeepsIdsAndDatesNotText() throws {
        let records = try CorpusReader().read(paths: [Self.samples])
        #expect(records.count >= 4)
        let whole = try Deduplicator().run(records)
        let (streamed, result) = try Deduplicator().run(reading: [Self.samples])
        #expect(result.assignments == whole.assignments)
        #expect(streamed.allSatisfy { $0.bytes.isEmpty })
        #expect(streamed.map(\.id) == records.map(\.id))
        #expect(streamed.map(\.date) == records.map(\.date))
        #expect(result.statistics.bytes == whole.statistics.bytes)
        #expect(result.statistics.phases.first?.name == "read")
    }

    /// Many small batches (each its own feature parts) give what one read does.
    @Test func smallBatchesGiveTheSameStories() throws {
        var lines: [String] = []
        var generator = SplitMix64(seed: 3)
        let words = ["minister", "port", "strike", "talks", "budget", "storm", "court", "rates", "vote", "flood", "union", "deal"]
        for story in 0..<30 {
            // Sentences start with a capital, so the splitter sees eight sentences per version.
            let base = (0..<8).map { s in
                let sentence = (0..<9).map { _ in words[Int(generator.next() % 12)] + "\(story * 10 + s)" }.joined(separator: " ") + "."
                return sentence.prefix(1).uppercased() + sentence.dropFirst()
            }
            for version in 0..<3 {
                let text = base.shuffled(using: &generator).dropFirst(version).joined(separator: " ")
                lines.append(JSONValue.object(["id": .string("s\(story)v\(version)"), "text": .string(text)]).serialized)
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-batches-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try Deduplicator().run(CorpusReader().read(paths: [path]))
        var batches = 0
        try CorpusReader().read(paths: [path], batchBytes: 500, onSkip: { _ in }) { _ in batches += 1 }
        #expect(batches > 10)
        let (_, streamed) = try Deduplicator().run(reading: [path], batchBytes: 500)
        #expect(streamed.assignments == whole.assignments)
        // Versions of a story do get clustered (the equality above is not vacuous).
        #expect(Set(whole.assignments.map(\.cluster)).count == 30)
    }

    /// A bad line after many batches, their features already read, is the reader's error,
    /// naming its line.
    @Test func aBadLineAfterManyBatchesIsTheReadersError() throws {
        var lines: [String] = []
        for k in 0..<200 {
            let text = "The council met on day \(k) to vote on the harbour plan. Members argued about the budget for hours."
            lines.append(JSONValue.object(["id": .string("a\(k)"), "text": .string(text)]).serialized)
        }
        lines.append("{\"id\": \"broken\", \"text\": ")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-bad-batch-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try Deduplicator().run(reading: [path], batchBytes: 300)
        } throws: { error in
            guard case InputError.malformedJSON(_, let line, _, _) = error else { return false }
            return line == 201
        }
    }
}
