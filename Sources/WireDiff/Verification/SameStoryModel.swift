import Foundation

/// The one same-story decision of `dedup`, `find`, `explain` and `diff`'s verdict: two
/// logistic models fitted on real text, one over a sentence pair, one over the article pair.
///
/// 1. **Sentence pairs.** Each pair of sentences sharing at least
///    ``DedupOptions/minimumSharedShingles`` shingles, ``DedupOptions/minimumSharedNonNames``
///    of them not names, with Jaccard ≥ ``candidateJaccard`` or overlap ≥ ``candidateOverlap``,
///    gets a *paraphrase probability* (``paraphrase(_:)``) from its shingle counts: how much
///    each side shares and leaves out, and whether its figures agree. It is fitted on the
///    Microsoft Research Paraphrase Corpus (news sentences judged equivalent or not).
/// 2. **Alignment.** The pairs are aligned one to one, best Jaccard first (ties by position);
///    a pair is kept when its Jaccard reaches ``alignedJaccard`` or its paraphrase probability
///    one half.
/// 3. **Article pair.** The aligned pairs give ``SameStoryFeatures`` (how many, how strong,
///    how much of each article, lede, spread, a lone block of shared background); a second
///    logistic model turns them into the probability that the articles tell one story
///    (``score(_:)``). Two articles are versions of one story when it reaches ``threshold``
///    (``DedupOptions/minimumScore``), or when they are a heavy paraphrase of a whole story
///    (``isBroadParaphrase(_:)``); never when all they share is one block of background or
///    a single sentence (``isSingleSentence(_:)``).
///
/// The weights are fitted by `Scripts/fit-same-story.py` from the development sets in
/// `../shared/dev` (see `Documentation/SameStory.md` for the data, the cross-validation and
/// which evidence moved which figure) and written to `SameStoryModel+Weights.swift`.
///
/// - Complexity: O(c log c) for c candidate sentence pairs.
package enum SameStoryModel {
    /// The revision of the decision's rules, part of an archive's fingerprint
    /// (`ArchiveSettings`): raise it whenever a rule changes which pairs are one story or how
    /// strongly (``PairEvidence/storyStrength``), so an archive holding the old verdicts is
    /// refused instead of mixing them with new ones. 2: no same-figures rule, the
    /// single-sentence rule, verdicts store the story strength. 3: a broad paraphrase that
    /// reaches a lede with loose paraphrases only must cover half of the shorter article.
    package static let revision = 3
    /// Candidate sentence pairs need this Jaccard, or ``candidateOverlap``.
    package static let candidateJaccard = 0.2
    /// …or this share of the smaller sentence's shingles.
    package static let candidateOverlap = 0.5
    /// An aligned pair counts when its Jaccard reaches this (or its paraphrase probability one
    /// half).
    package static let alignedJaccard = 0.25
    /// Aligned pairs at least this similar are near-verbatim (``SameStoryFeatures/strong``).
    package static let strongJaccard = 0.6
    /// The probability at which two articles are one story by default
    /// (``DedupOptions/minimumScore``).
    package static let threshold = 0.5
    /// A heavy paraphrase of a whole story aligns at least this many sentences…
    package static let broadParaphraseSentences = 5
    /// …in at least this many runs (spread through the story, not one block)…
    package static let broadParaphraseRuns = 3
    /// …of an article of at least this many sentences (in a short article a few runs cover
    /// almost everything, as a report of the same event does)…
    package static let broadParaphraseArticle = 12
    /// …covering at least this share of the shorter article, and reaching a lede with some
    /// confident pair among them (near-verbatim, or paraphrase probabilities at least
    /// ``broadParaphraseConfidentExcess`` above one half in sum), or
    /// ``broadParaphraseFullCoverage`` of the shorter article.
    package static let broadParaphraseCoverage = 1.0 / 3.0
    package static let broadParaphraseConfidentExcess = 0.25
    package static let broadParaphraseFullCoverage = 0.5

    /// Whether `f` is a heavy paraphrase of a whole story: real rewrites reword so much that
    /// each aligned sentence is weak evidence (the seed rewrites align sentences at Jaccard
    /// 0.3–0.6, weaker than MRPC's same-event non-paraphrases, which the model learns to
    /// reject), but many of them spread through a whole story are not chance.
    ///
    /// A third of the shorter article is enough when the paraphrases reach a lede and some of
    /// them are confident: a rewrite keeps a quote or a key sentence nearly word for word, or
    /// says the same things in sentences the sentence model is sure of (the seed rewrite
    /// `000`/`001` does both). Loose paraphrases only and a matched lede are what two reports
    /// on one topic also give (they open on the same news): those must cover half of the
    /// shorter article (the condensed seed rewrite `003`/`004`, all loose, covers two thirds).
    /// On `bbc` this keeps all 101 true pairs the rule accepted and drops the 5 pairs of
    /// different stories that had nothing confident (`Documentation/SameStory.md`).
    package static func isBroadParaphrase(_ f: SameStoryFeatures) -> Bool {
        let confident = f.strong > 0 || f.paraphraseExcess >= broadParaphraseConfidentExcess
        return !f.isPassage && f.aligned >= broadParaphraseSentences && f.runs >= broadParaphraseRuns
            && f.longerSentences >= broadParaphraseArticle && f.coverageOfShorter >= broadParaphraseCoverage
            && ((f.ledeMatched && confident) || f.coverageOfShorter >= broadParaphraseFullCoverage)
    }

    /// Whether all `f` shares is one sentence that is less than half of the shorter article:
    /// a headline, a quote or a stock line lent to another story, never a story on its own
    /// (on `bbc`, a short heavy rewrite that kept one sentence of its own story and took
    /// another story's headline scored 0.53). A brief of one or two sentences that repeats a
    /// story's lede still counts.
    package static func isSingleSentence(_ f: SameStoryFeatures) -> Bool {
        f.aligned == 1 && f.coverageOfShorter < 0.5
    }

    /// Whether a sentence pair is a candidate for the alignment.
    @inlinable
    package static func isCandidate(_ c: SentencePairCounts, options: DedupOptions) -> Bool {
        c.shared >= options.minimumSharedShingles && c.sharedNonNames >= options.minimumSharedNonNames
            && (c.jaccard >= candidateJaccard || c.overlap >= candidateOverlap)
    }

    /// The inputs of the sentence model, in ``sentenceWeights`` order (padded with zeros).
    @inline(__always)
    static func sentenceInputs(_ c: SentencePairCounts) -> SIMD16<Double> {
        let shared = Double(c.shared), a = Double(c.firstSize), b = Double(c.secondSize)
        let leftA = a - shared, leftB = b - shared
        var x = SIMD16<Double>()
        x[0] = c.jaccard
        x[1] = shared / max(1, min(a, b))
        x[2] = shared / max(1, max(a, b))
        x[3] = min(leftA, leftB)
        x[4] = max(leftA, leftB)
        x[5] = Double(c.firstNumbers + c.secondNumbers - 2 * c.sharedNumbers)
        x[6] = c.firstNumbers > 0 && c.secondNumbers > 0 && c.sharedNumbers == 0 ? 1 : 0
        x[7] = Double(c.sharedNumbers)
        x[8] = abs(a - b) / max(1, a, b)
        x[9] = shared == 0 ? 0 : Double(c.shared - c.sharedNonNames) / shared
        return x
    }

    /// The inputs of the sentence model, in ``sentenceWeights`` order.
    package static func sentenceVector(_ c: SentencePairCounts) -> [Double] {
        let x = sentenceInputs(c)
        return (0..<sentenceWeights.count).map { x[$0] }
    }

    /// The probability that the two sentences of `c` say the same thing.
    package static func paraphrase(_ c: SentencePairCounts) -> Double {
        Weights.current.paraphrase(c)
    }

    /// The models' weights as vectors, read once per ``Workspace`` (a static array read in a
    /// hot loop costs a lazy-initialization check per read).
    struct Weights: Sendable {
        let sentence: SIMD16<Double>, sentenceBias: Double
        let document: SIMD16<Double>, documentBias: Double

        static let current = Weights()

        init() {
            precondition(sentenceWeights.count <= 16 && documentWeights.count <= 16, "the models take at most 16 inputs")
            var s = SIMD16<Double>(), d = SIMD16<Double>()
            for (k, w) in sentenceWeights.enumerated() { s[k] = w }
            for (k, w) in documentWeights.enumerated() { d[k] = w }
            sentence = s
            sentenceBias = SameStoryModel.sentenceBias
            document = d
            documentBias = SameStoryModel.documentBias
        }

        @inline(__always)
        func paraphrase(_ c: SentencePairCounts) -> Double {
            logistic((sentenceInputs(c) * sentence).sum() + sentenceBias)
        }

        @inline(__always)
        func score(_ f: SameStoryFeatures) -> Double {
            guard f.aligned > 0 else { return 0 }
            return logistic((documentInputs(f) * document).sum() + documentBias)
        }
    }

    /// Reusable buffers of the decision, one per thread (``PairVerifier/Scratch`` holds one).
    package struct Workspace: Sendable {
        let weights = Weights.current
        /// Candidate pairs in alignment order: sort key and index.
        var order: [(key: UInt64, index: Int32)] = []
        /// Per kept sentence of each article: the evaluation that aligned it.
        var firstUsed: [UInt32] = []
        var secondUsed: [UInt32] = []
        var evaluation: UInt32 = 0
        var firstAligned: [Int] = []
        var secondAligned: [Int] = []

        package init() {}
    }

    /// The decision on two articles with `firstSentences` and `secondSentences` kept
    /// sentences from their candidate sentence pairs (any order); `threshold` is the
    /// probability at which they are one story.
    package static func judge(
        _ candidates: [SentencePairCounts], firstSentences: Int, secondSentences: Int, threshold: Double = threshold,
        strict: Bool = false, tiesBySecond: Bool = false
    ) -> SameStoryJudgement {
        var workspace = Workspace()
        var aligned: [SentencePairCounts]? = []
        let (f, p, reason) = evaluate(
            candidates, firstSentences: firstSentences, secondSentences: secondSentences, threshold: threshold,
            strict: strict, tiesBySecond: tiesBySecond, workspace: &workspace, aligned: &aligned)
        return SameStoryJudgement(aligned: aligned ?? [], features: f, score: p, reason: reason)
    }

    /// The decision and its evidence, reusing `workspace`; the aligned pairs are appended to
    /// `aligned` unless it is `nil`. With `strict`, the model decides alone (no broad
    /// paraphrase). Pairs equally similar are aligned in the order of their
    /// sentence in the first article, or in the second with `tiesBySecond` (so that a caller
    /// can break ties the same way whichever article it was given first).
    package static func evaluate(
        _ candidates: [SentencePairCounts], firstSentences: Int, secondSentences: Int, threshold: Double,
        strict: Bool = false, tiesBySecond: Bool = false, workspace: inout Workspace, aligned: inout [SentencePairCounts]?
    ) -> (features: SameStoryFeatures, score: Double, reason: SameStoryJudgement.Reason) {
        let f = features(
            of: candidates, firstSentences: firstSentences, secondSentences: secondSentences, tiesBySecond: tiesBySecond,
            workspace: &workspace, aligned: &aligned)
        let p = workspace.weights.score(f)
        let reason: SameStoryJudgement.Reason
        if f.aligned == 0 {
            reason = .noSharedSentences
        } else if f.isPassage {
            reason = .sharedPassage
        } else if isSingleSentence(f) {
            reason = .singleSentence
        } else if p >= threshold {
            reason = .model
        } else if !strict && isBroadParaphrase(f) {
            reason = .broadParaphrase
        } else {
            reason = .weakEvidence
        }
        return (f, p, reason)
    }

    /// The article-level evidence from candidate sentence pairs (any order) of two articles
    /// with `firstSentences` and `secondSentences` kept sentences; the aligned pairs are
    /// appended to `aligned`, in the order they were aligned, unless it is `nil`.
    static func features(
        of candidates: [SentencePairCounts], firstSentences: Int, secondSentences: Int, tiesBySecond: Bool,
        workspace w: inout Workspace, aligned: inout [SentencePairCounts]?
    ) -> SameStoryFeatures {
        var f = SameStoryFeatures(
            shorterSentences: min(firstSentences, secondSentences), longerSentences: max(firstSentences, secondSentences))
        guard !candidates.isEmpty, firstSentences > 0, secondSentences > 0 else { return f }
        // Best Jaccard first; ties by position (deterministic). One integer key per pair: the
        // Jaccard's bits (a non-negative float's bits order like its value) above the position.
        // The paraphrase probability is computed only for the pairs the alignment reaches.
        let weights = w.weights
        w.order.removeAll(keepingCapacity: true)
        for (k, c) in candidates.enumerated() {
            let similarity = UInt64(UInt32.max - Float(c.jaccard).bitPattern) << 32
            let (major, minor) = tiesBySecond ? (c.second, c.first) : (c.first, c.second)
            w.order.append((similarity | UInt64(major) << 16 | UInt64(minor), Int32(k)))
        }
        w.order.sort { $0.key < $1.key }
        if w.firstUsed.count < firstSentences { w.firstUsed = [UInt32](repeating: 0, count: max(firstSentences, 2 * w.firstUsed.count)) }
        if w.secondUsed.count < secondSentences { w.secondUsed = [UInt32](repeating: 0, count: max(secondSentences, 2 * w.secondUsed.count)) }
        w.evaluation &+= 1
        if w.evaluation == 0 {
            w.firstUsed.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            w.secondUsed.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            w.evaluation = 1
        }
        let evaluation = w.evaluation
        w.firstAligned.removeAll(keepingCapacity: true)
        w.secondAligned.removeAll(keepingCapacity: true)
        var jaccards = 0.0, paraphrases = 0.0, excess = 0.0
        for (_, k) in w.order {
            let pair = candidates[Int(k)]
            guard w.firstUsed[pair.first] != evaluation && w.secondUsed[pair.second] != evaluation else { continue }
            w.firstUsed[pair.first] = evaluation
            w.secondUsed[pair.second] = evaluation
            let jaccard = pair.jaccard, paraphrase = weights.paraphrase(pair)
            guard jaccard >= alignedJaccard || paraphrase >= 0.5 else { continue }
            aligned?.append(pair)
            w.firstAligned.append(pair.first)
            w.secondAligned.append(pair.second)
            jaccards += jaccard
            paraphrases += paraphrase
            excess += max(0, paraphrase - 0.5)
            if jaccard >= strongJaccard { f.strong += 1 }
            if pair.sharedNumbers == 0 && pair.firstNumbers > 0 && pair.secondNumbers > 0 { f.numberConflicts += 1 }
            if pair.sharedNumbers > 0 { f.numberAgreements += 1 }
            if pair.first <= 1 || pair.second <= 1 { f.ledeMatched = true }
        }
        let n = w.firstAligned.count
        guard n > 0 else { return f }
        f.aligned = n
        f.meanJaccard = jaccards / Double(n)
        f.meanParaphrase = paraphrases / Double(n)
        f.paraphraseExcess = excess
        f.coverageOfShorter = Double(n) / Double(f.shorterSentences)
        f.coverageOfLonger = Double(n) / Double(f.longerSentences)
        w.firstAligned.sort()
        w.secondAligned.sort()
        let runsFirst = runCount(sorted: w.firstAligned), runsSecond = runCount(sorted: w.secondAligned)
        f.runs = max(runsFirst, runsSecond)
        f.isPassage = !f.ledeMatched && runsFirst <= 1 && runsSecond <= 1
        return f
    }

    /// The inputs of the article model, in ``documentWeights`` order (padded with zeros). A
    /// shared passage's pairs count as no evidence.
    @inline(__always)
    static func documentInputs(_ f: SameStoryFeatures) -> SIMD16<Double> {
        let evidence: Double = f.isPassage ? 0 : 1
        var x = SIMD16<Double>()
        x[0] = evidence * log(1 + Double(f.aligned))
        x[1] = evidence * Double(f.strong)
        x[2] = f.meanJaccard
        x[3] = f.meanParaphrase
        x[4] = evidence * f.paraphraseExcess
        x[5] = evidence * f.coverageOfShorter
        x[6] = evidence * f.coverageOfLonger
        x[7] = f.ledeMatched ? 1 : 0
        x[8] = Double(min(f.runs, 5))
        x[9] = f.isPassage ? 1 : 0
        x[10] = log(Double(max(1, f.shorterSentences)))
        x[11] = log(Double(max(1, f.longerSentences)))
        x[12] = Double(f.numberConflicts)
        x[13] = evidence * Double(f.numberAgreements)
        return x
    }

    /// The inputs of the article model, in ``documentWeights`` order.
    package static func documentVector(_ f: SameStoryFeatures) -> [Double] {
        let x = documentInputs(f)
        return (0..<documentWeights.count).map { x[$0] }
    }

    /// The probability that two articles with evidence `f` tell the same story.
    package static func score(_ f: SameStoryFeatures) -> Double {
        Weights.current.score(f)
    }

    /// The number of maximal runs of consecutive integers in `sorted` (ascending, distinct).
    static func runCount(sorted: [Int]) -> Int {
        var runs = 0
        for (k, x) in sorted.enumerated() where k == 0 || x != sorted[k - 1] + 1 { runs += 1 }
        return runs
    }

    @inline(__always)
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
