import Testing
@testable import WireDiff

@Suite struct SimilarityTests {
    let differ = Differ()

    @Test func identicalTextScoresOne() {
        let s = "The IDF said it struck more than 1,600 Hezbollah sites in Lebanon."
        let b = differ.similarity(s, s)
        #expect(abs(b.score - 1) < 1e-6)
        #expect(abs(b.wordScore - 1) < 1e-6)
        #expect(b.sharedNumbers == ["1,600"])
    }

    @Test func unrelatedTextScoresLow() {
        let b = differ.similarity(
            "The city council approved a budget for the new fire station.",
            "Hezbollah launched rockets deep into northern Israel overnight.")
        #expect(b.score < 0.1)
        #expect(b.sharedWords.isEmpty)
    }

    @Test func paraphraseScoresAboveUnrelated() {
        let a = "Two Israeli officials said Iranian officials told Hezbollah the timing isn't right for an attack."
        let para = "Iranian officials told Hezbollah that the timing was not right for an attack, two Israeli officials said."
        let other = "The reservoir stood three meters above its normal level on Tuesday morning."
        #expect(differ.similarity(a, para).score > 0.5)
        #expect(differ.similarity(a, para).score > differ.similarity(a, other).score + 0.3)
    }

    @Test func numbersMatchByValue() {
        let b = differ.similarity("Officials counted 1,600 sites.", "Officials counted 1600 sites.")
        #expect(b.sharedNumbers.count == 1)
        #expect(b.score > 0.9)
    }

    @Test func namesAreReportedSeparately() {
        let b = differ.similarity(
            "The talks in Doha were led by Ismail Haniyeh last week.",
            "Last week the talks with Haniyeh took place in Doha.")
        #expect(Set(b.sharedNames).isSuperset(of: ["Haniyeh", "Doha"]))
        let full = differ.similarity("Hamas leader Ismail Haniyeh was killed in Tehran.", "In Tehran, Ismail Haniyeh was killed.")
        #expect(full.sharedNames.contains("Ismail Haniyeh"))
    }

    @Test func quoteOverlapIsMeasured() {
        let b = differ.similarity(
            "He said the timing “isn’t right for an attack” on Monday.",
            "The timing “isn’t right for an attack,” he told reporters.")
        #expect(b.quoteOverlap >= 0.5)
        let none = differ.similarity("He said the timing was wrong.", "The timing was wrong, he said.")
        #expect(none.quoteOverlap == 0)
    }

    @Test func characterGramsCatchInflection() {
        // No shared stem under any stemmer, but shared 4-grams: "assassinat-".
        let b = differ.similarity("The assassination shocked Tehran.", "They assassinated him in Tehran.")
        #expect(b.characterScore > 0.3)
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func scoresStayInUnitInterval(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let words = ["iran", "Israel", "attack", "1,600", "officials", "said", "the", "Gaza", "strike", "“quoted", "words”", "on", "Monday"]
        func sentence() -> String {
            (0..<Int(rng.next() % 12 + 1)).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ") + "."
        }
        for _ in 0..<20 {
            let b = differ.similarity(sentence(), sentence())
            #expect(b.score >= 0 && b.score <= 1 + 1e-9)
            #expect(b.wordScore >= 0 && b.wordScore <= 1 + 1e-9)
            #expect(b.characterScore >= 0 && b.characterScore <= 1 + 1e-9)
            #expect(b.quoteOverlap >= 0 && b.quoteOverlap <= 1)
        }
    }

    @Test func sparseVectorCosineAndUnion() {
        let x = SparseVector(pairs: [(3, 1), (1, 2), (3, 5)])
        #expect(x.keys == [1, 3])
        #expect(x.weights == [2, 5])
        let y = SparseVector(pairs: [(1, 2), (7, 1)])
        let u = x.union(y)
        #expect(u.keys == [1, 3, 7])
        #expect(u.weights == [2, 5, 1])
        #expect(abs(x.cosine(x) - 1) < 1e-6)
        #expect(x.cosine(SparseVector.empty) == 0)
        #expect(abs(x.dot(y) - 4) < 1e-6)
    }
}

extension SimilarityTests {
    @Test func sharedQuotationRaisesTheScore() {
        let a = "“Hezbollah cannot stand alone against a country supplied by Western countries,” he said."
        let b = "Pezeshkian said Hezbollah “cannot stand alone” against Israel."
        let withQuotes = differ.similarity(a, b)
        let base = 0.7 * withQuotes.wordScore + 0.3 * withQuotes.characterScore
        #expect(withQuotes.quoteOverlap == 1)
        #expect(withQuotes.score > base + 0.1)
        #expect(withQuotes.score <= 1)
    }
}

extension SimilarityTests {
    /// The generated table and the expansion the model computes list the same terms: the
    /// features, their squares, and the product of each two.
    @Test func paraphraseModelTermsMatchItsTable() {
        let values = ParaphraseModel.values(SimilarityBreakdown())
        #expect(ParaphraseModel.terms(of: values).count == ParaphraseModel.terms.count)
        #expect(ParaphraseModel.terms.count == values.count * (values.count + 3) / 2)
    }

    @Test func paraphraseModelSeparatesParaphraseFromUnrelated() {
        let differ = Differ({ var o = AlignmentOptions(); o.wordWeight = 1; return o }())
        let pairs = [
            ("The company said its quarterly profit rose 12 percent on strong sales in Asia.",
             "Quarterly profit at the company climbed 12 percent on strong Asian sales, it said."),
            ("The company said its quarterly profit rose 12 percent on strong sales in Asia.",
             "Flooding closed three schools in the county on Tuesday, officials said."),
        ]
        let p = differ.similarities(pairs).map(ParaphraseModel.probability)
        #expect(p[0] > 0.5)
        #expect(p[1] < 0.5)
    }
}
