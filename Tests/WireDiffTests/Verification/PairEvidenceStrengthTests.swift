import Testing
@testable import WireDiff

@Suite struct PairEvidenceStrengthTests {
    func evidence(matched: Int, score: Double, isRewrite: Bool = true) -> PairEvidence {
        PairEvidence(
            jaccard: 0.2, containmentOfFirst: 0.3, containmentOfSecond: 0.3, matchedSentencesOfFirst: matched,
            matchedSentencesOfSecond: matched, sentencesOfFirst: 20, sentencesOfSecond: 20, score: score, isRewrite: isRewrite)
    }

    /// The case that made the model's probability a bad choice of story: a heavy rewrite of
    /// the article's own story, accepted by the broad-paraphrase rule at probability 0.05 with
    /// 7 aligned sentences, against 2 verbatim sentences lent by another story, which the
    /// model is sure of (0.9). The article shares more with its own story.
    @Test func moreSharedReportingOutranksAHigherProbability() throws {
        let ownStory = try #require(evidence(matched: 7, score: 0.05).storyStrength)
        let lender = try #require(evidence(matched: 2, score: 0.9).storyStrength)
        #expect(ownStory > lender)
    }

    @Test func theProbabilityBreaksTies() throws {
        let sure = try #require(evidence(matched: 4, score: 0.9).storyStrength)
        let unsure = try #require(evidence(matched: 4, score: 0.6).storyStrength)
        #expect(sure > unsure)
        // Even a certain pair does not reach one more aligned sentence.
        #expect(try #require(evidence(matched: 4, score: 1).storyStrength) < 5)
    }

    @Test func notOneStoryHasNoStrength() {
        #expect(evidence(matched: 6, score: 0.4, isRewrite: false).storyStrength == nil)
    }

    /// Seen from either article, the strength is the same (clustering compares it whichever
    /// side measured the pair).
    @Test func theStrengthIsSymmetric() {
        let e = evidence(matched: 3, score: 0.7)
        #expect(e.storyStrength == e.swapped.storyStrength)
    }
}
