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
/// 2. **Alignment.** The pairs are aligned one to one, best Jaccard first; a pair is kept when
///    its Jaccard reaches ``alignedJaccard`` or its paraphrase probability one half.
/// 3. **Article pair.** The aligned pairs give ``SameStoryFeatures`` (how many, how strong,
///    how much of each article, lede, spread, a lone block of shared background); a second
///    logistic model turns them into the probability that the articles tell one story
///    (``score(_:)``). Two articles are versions of one story when it reaches ``threshold``
///    (``DedupOptions/minimumScore``), or when they are a heavy paraphrase of a whole story
///    (``isBroadParaphrase(_:)``) or of its figures (``isSameFigures(_:)``); never when all
///    they share is one block of background.
///
/// The weights are fitted by `Scripts/fit-same-story.py` from the development sets in
/// `../shared/dev` (see `Documentation/SameStory.md` for the data, the cross-validation and
/// which evidence moved which figure) and written to `SameStoryModel+Weights.swift`.
///
/// - Complexity: O(c log c) for c candidate sentence pairs.
public enum SameStoryModel {
    /// Candidate sentence pairs need this Jaccard, or ``candidateOverlap``.
    public static let candidateJaccard = 0.2
    /// …or this share of the smaller sentence's shingles.
    public static let candidateOverlap = 0.5
    /// An aligned pair counts when its Jaccard reaches this (or its paraphrase probability one
    /// half).
    public static let alignedJaccard = 0.25
    /// Aligned pairs at least this similar are near-verbatim (``SameStoryFeatures/strong``).
    public static let strongJaccard = 0.6
    /// The probability at which two articles are one story by default
    /// (``DedupOptions/minimumScore``).
    public static let threshold = 0.5
    /// A heavy paraphrase of a whole story aligns at least this many sentences…
    public static let broadParaphraseSentences = 5
    /// …in at least this many runs (spread through the story, not one block)…
    public static let broadParaphraseRuns = 3
    /// …of an article of at least this many sentences (in a short article a few runs cover
    /// almost everything, as a report of the same event does)…
    public static let broadParaphraseArticle = 12
    /// …covering at least this share of the shorter article, and reaching a lede or
    /// ``broadParaphraseFullCoverage`` of the shorter article.
    public static let broadParaphraseCoverage = 1.0 / 3.0
    public static let broadParaphraseFullCoverage = 0.5

    /// Whether `f` is a heavy paraphrase of a whole story: real rewrites reword so much that
    /// each aligned sentence is weak evidence (the seed rewrites align sentences at Jaccard
    /// 0.3–0.6, weaker than MRPC's same-event non-paraphrases, which the model learns to
    /// reject), but many of them spread through a whole story are not chance.
    public static func isBroadParaphrase(_ f: SameStoryFeatures) -> Bool {
        !f.isPassage && f.aligned >= broadParaphraseSentences && f.runs >= broadParaphraseRuns
            && f.longerSentences >= broadParaphraseArticle && f.coverageOfShorter >= broadParaphraseCoverage
            && (f.ledeMatched || f.coverageOfShorter >= broadParaphraseFullCoverage)
    }

    /// Aligned pairs sharing their figures that make a rewrite of the same facts
    /// (``isSameFigures(_:)``).
    public static let sameFiguresPairs = 3

    /// Whether `f` reports the story's own figures: at least ``sameFiguresPairs`` aligned
    /// sentence pairs share a number, none has conflicting numbers, and a lede is aligned. A
    /// rewrite rewords the sentences but keeps the figures ("140 homes", "63 residents",
    /// "1.4 metres"); a report of the same event from elsewhere has other figures.
    public static func isSameFigures(_ f: SameStoryFeatures) -> Bool {
        !f.isPassage && f.ledeMatched && f.numberConflicts == 0 && f.numberAgreements >= sameFiguresPairs
    }

    /// Whether a sentence pair is a candidate for the alignment.
    @inlinable
    public static func isCandidate(_ c: SentencePairCounts, options: DedupOptions) -> Bool {
        c.shared >= options.minimumSharedShingles && c.sharedNonNames >= options.minimumSharedNonNames
            && (c.jaccard >= candidateJaccard || c.overlap >= candidateOverlap)
    }

    /// The inputs of the sentence model, in ``sentenceWeights`` order.
    package static func sentenceVector(_ c: SentencePairCounts) -> [Double] {
        let shared = Double(c.shared), a = Double(c.firstSize), b = Double(c.secondSize)
        let leftA = a - shared, leftB = b - shared
        return [
            c.jaccard, shared / max(1, min(a, b)), shared / max(1, max(a, b)),
            min(leftA, leftB), max(leftA, leftB),
            Double(c.firstNumbers + c.secondNumbers - 2 * c.sharedNumbers),
            c.firstNumbers > 0 && c.secondNumbers > 0 && c.sharedNumbers == 0 ? 1 : 0,
            Double(c.sharedNumbers),
            abs(a - b) / max(1, a, b),
            shared == 0 ? 0 : Double(c.shared - c.sharedNonNames) / shared,
        ]
    }

    /// The probability that the two sentences of `c` say the same thing.
    public static func paraphrase(_ c: SentencePairCounts) -> Double {
        logistic(dot(sentenceVector(c), sentenceWeights) + sentenceBias)
    }

    /// The decision on two articles with `firstSentences` and `secondSentences` kept
    /// sentences from their candidate sentence pairs (any order); `threshold` is the
    /// probability at which they are one story.
    public static func judge(
        _ candidates: [SentencePairCounts], firstSentences: Int, secondSentences: Int, threshold: Double = threshold
    ) -> SameStoryJudgement {
        let (f, aligned) = features(of: candidates, firstSentences: firstSentences, secondSentences: secondSentences)
        let p = score(f)
        let reason: SameStoryJudgement.Reason
        if f.aligned == 0 {
            reason = .noSharedSentences
        } else if f.isPassage {
            reason = .sharedPassage
        } else if p >= threshold {
            reason = .model
        } else if isBroadParaphrase(f) {
            reason = .broadParaphrase
        } else if isSameFigures(f) {
            reason = .sameFigures
        } else {
            reason = .weakEvidence
        }
        return SameStoryJudgement(aligned: aligned, features: f, score: p, reason: reason)
    }

    /// The article-level evidence from candidate sentence pairs (any order) of two articles
    /// with `firstSentences` and `secondSentences` kept sentences; also returns the aligned
    /// pairs, in the order they were aligned.
    static func features(
        of candidates: [SentencePairCounts], firstSentences: Int, secondSentences: Int
    ) -> (features: SameStoryFeatures, aligned: [SentencePairCounts]) {
        var f = SameStoryFeatures(
            shorterSentences: min(firstSentences, secondSentences), longerSentences: max(firstSentences, secondSentences))
        guard !candidates.isEmpty, firstSentences > 0, secondSentences > 0 else { return (f, []) }
        // Best Jaccard first; ties by paraphrase probability, then position (deterministic).
        let scored = candidates.map { (pair: $0, jaccard: $0.jaccard, paraphrase: paraphrase($0)) }.sorted { x, y in
            if x.jaccard != y.jaccard { return x.jaccard > y.jaccard }
            if x.paraphrase != y.paraphrase { return x.paraphrase > y.paraphrase }
            if x.pair.first != y.pair.first { return x.pair.first < y.pair.first }
            return x.pair.second < y.pair.second
        }
        var usedFirst = Set<Int>(), usedSecond = Set<Int>()
        var aligned: [SentencePairCounts] = []
        var jaccards = 0.0, paraphrases = 0.0, excess = 0.0
        for s in scored where !usedFirst.contains(s.pair.first) && !usedSecond.contains(s.pair.second) {
            usedFirst.insert(s.pair.first)
            usedSecond.insert(s.pair.second)
            guard s.jaccard >= alignedJaccard || s.paraphrase >= 0.5 else { continue }
            aligned.append(s.pair)
            jaccards += s.jaccard
            paraphrases += s.paraphrase
            excess += max(0, s.paraphrase - 0.5)
            if s.jaccard >= strongJaccard { f.strong += 1 }
            if s.pair.sharedNumbers == 0 && s.pair.firstNumbers > 0 && s.pair.secondNumbers > 0 { f.numberConflicts += 1 }
            if s.pair.sharedNumbers > 0 { f.numberAgreements += 1 }
        }
        guard !aligned.isEmpty else { return (f, []) }
        let n = aligned.count
        f.aligned = n
        f.meanJaccard = jaccards / Double(n)
        f.meanParaphrase = paraphrases / Double(n)
        f.paraphraseExcess = excess
        f.coverageOfShorter = Double(n) / Double(f.shorterSentences)
        f.coverageOfLonger = Double(n) / Double(f.longerSentences)
        f.ledeMatched = aligned.contains { $0.first <= 1 || $0.second <= 1 }
        let runsFirst = runCount(aligned.map(\.first)), runsSecond = runCount(aligned.map(\.second))
        f.runs = max(runsFirst, runsSecond)
        f.isPassage = !f.ledeMatched && runsFirst <= 1 && runsSecond <= 1
        return (f, aligned)
    }

    /// The inputs of the article model, in ``documentWeights`` order. A shared passage's pairs
    /// count as no evidence.
    package static func documentVector(_ f: SameStoryFeatures) -> [Double] {
        let evidence: Double = f.isPassage ? 0 : 1
        return [
            evidence * log(1 + Double(f.aligned)), evidence * Double(f.strong), f.meanJaccard, f.meanParaphrase,
            evidence * f.paraphraseExcess, evidence * f.coverageOfShorter, evidence * f.coverageOfLonger,
            f.ledeMatched ? 1 : 0, Double(min(f.runs, 5)), f.isPassage ? 1 : 0,
            log(Double(max(1, f.shorterSentences))), log(Double(max(1, f.longerSentences))),
            Double(f.numberConflicts), evidence * Double(f.numberAgreements),
        ]
    }

    /// The probability that two articles with evidence `f` tell the same story.
    public static func score(_ f: SameStoryFeatures) -> Double {
        guard f.aligned > 0 else { return 0 }
        return logistic(dot(documentVector(f), documentWeights) + documentBias)
    }

    /// The number of maximal runs of consecutive integers in `indices` (any order, distinct).
    static func runCount(_ indices: [Int]) -> Int {
        let sorted = indices.sorted()
        var runs = 0
        for (k, x) in sorted.enumerated() where k == 0 || x != sorted[k - 1] + 1 { runs += 1 }
        return runs
    }

    @inline(__always)
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    @inline(__always)
    static func dot(_ x: [Double], _ w: [Double]) -> Double {
        precondition(x.count == w.count, "model has \(w.count) weights for \(x.count) inputs")
        var sum = 0.0
        for k in x.indices { sum += x[k] * w[k] }
        return sum
    }
}
