import Testing

@testable import WireDiff

/// `SameStoryModel.isBroadParaphrase`: when sentence after sentence of loose paraphrase makes
/// two articles one story although the model doubts each pair.
///
/// The evidence below is the shape of real cases (`Documentation/SameStory.md`): the condensed
/// seed rewrite (seven loose paraphrases, none near-verbatim, two thirds of the shorter
/// article) and two reports on one topic that open on the same news and loosely paraphrase
/// each other for a third of the shorter article (on `bbc`, five such pairs of different
/// stories were merged with nothing confident among them, and none of its 101 true pairs the
/// rule accepts lacks a near-verbatim sentence).
@Suite struct BroadParaphraseRuleTests {
    /// Five aligned sentences in four runs through a 15- and a 26-sentence article, the ledes
    /// among them, covering `coverage` of the shorter one.
    func evidence(strong: Int, coverage: Double, excess: Double = 0.1) -> SameStoryFeatures {
        SameStoryFeatures(
            aligned: Int((coverage * 15).rounded()), strong: strong, meanJaccard: 0.32, meanParaphrase: 0.46, paraphraseExcess: excess,
            coverageOfShorter: coverage, coverageOfLonger: coverage * 15 / 26, ledeMatched: true, runs: 4, shorterSentences: 15,
            longerSentences: 26)
    }

    @Test func aMatchedLedeWithOnlyLooseParaphrasesIsNotAWholeStory() {
        #expect(!SameStoryModel.isBroadParaphrase(evidence(strong: 0, coverage: 1.0 / 3.0)))
        #expect(!SameStoryModel.isBroadParaphrase(evidence(strong: 0, coverage: 0.45)))
    }

    @Test func aMatchedLedeWithOneNearVerbatimSentenceIs() {
        // The shape of the seed rewrite 000/001: a third of the shorter article, one sentence
        // kept nearly word for word.
        #expect(SameStoryModel.isBroadParaphrase(evidence(strong: 1, coverage: 0.35)))
    }

    @Test func aMatchedLedeWithParaphrasesTheModelIsSureOfIs() {
        // One pair at probability 0.8 and another at 0.7: 0.5 above one half in sum.
        #expect(SameStoryModel.isBroadParaphrase(evidence(strong: 0, coverage: 0.35, excess: 0.5)))
        #expect(!SameStoryModel.isBroadParaphrase(evidence(strong: 0, coverage: 0.35, excess: 0.2)))
    }

    @Test func looseParaphrasesOfHalfTheShorterArticleAre() {
        // The shape of the condensed seed rewrite 003/004.
        #expect(SameStoryModel.isBroadParaphrase(evidence(strong: 0, coverage: 0.64)))
        var noLede = evidence(strong: 0, coverage: 0.5)
        noLede.ledeMatched = false
        #expect(SameStoryModel.isBroadParaphrase(noLede))
    }

    @Test func aThirdOfTheShorterArticleIsTheLeastInAnyCase() {
        #expect(!SameStoryModel.isBroadParaphrase(evidence(strong: 2, coverage: 0.3)))
    }
}
