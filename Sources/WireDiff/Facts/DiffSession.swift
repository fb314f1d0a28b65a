/// The documents of one comparison, analyzed once: a shared lexicon, IDF over all of them, the
/// sentence profiles, and the aligner. ``Differ`` builds one per call.
struct DiffSession: Sendable {
    let options: AlignmentOptions
    let lexicon: Lexicon
    let analyzed: [AnalyzedDocument]
    let profiles: [[SentenceProfile]]
    let aligner: Aligner
    /// Each document as `dedup` reads it, for the shared same-story decision of the verdict.
    let features: [StoryFeatures]

    init(documents: [Document], options: AlignmentOptions) {
        self.options = options
        var lexicon = Lexicon()
        var analyzed: [AnalyzedDocument] = []
        analyzed.reserveCapacity(documents.count)
        for d in documents { analyzed.append(AnalyzedDocument(d, lexicon: &lexicon)) }
        let builder = ProfileBuilder(analyzed, lexicon: lexicon)
        self.profiles = analyzed.map { builder.profiles(of: $0, lexicon: lexicon) }
        self.lexicon = lexicon
        self.analyzed = analyzed
        self.aligner = Aligner(options: options, lexicon: lexicon)
        self.features = documents.map { StoryFeatures.read($0).features }
    }

    func union(_ doc: Int, _ sentences: [Int]) -> SentenceProfile {
        SentenceProfile.union(sentences.map { profiles[doc][$0] })
    }

    /// The report of document `y` against reference `x`.
    func report(_ x: Int, _ y: Int) -> PairReport {
        let a = analyzed[x], b = analyzed[y]
        let groups = aligner.align(profiles[x], profiles[y])
        let extractor = DetailExtractor(reference: a, other: b, lexicon: lexicon)
        var alignments: [Alignment] = []
        alignments.reserveCapacity(groups.count)
        // Content words no counterpart explains: those of unaligned sentences, and those left
        // unlinked inside alignments (where a moved phrase may have gone).
        var unexplainedA: Set<Int> = [], unexplainedB: Set<Int> = []
        for g in groups {
            var alignment = Alignment(a: g.a, b: g.b, score: g.score, kind: kind(x, g.a, y, g.b), breakdown: breakdown(x, g.a, y, g.b))
            alignment.score = alignment.breakdown.score
            let analysis = extractor.analyze(g.a, g.b)
            (alignment.changes, alignment.rewordings) = (analysis.changes, analysis.rewordings)
            unexplainedA.formUnion(analysis.unlinked.reference)
            unexplainedB.formUnion(analysis.unlinked.other)
            alignment.wordDiff = WordDiff.diff(a, g.a, b, g.b)
            alignments.append(alignment)
        }
        let alignedA = Set(groups.flatMap(\.a)), alignedB = Set(groups.flatMap(\.b))
        for s in a.reportingIndices where !alignedA.contains(s) { unexplainedA.formUnion(a.sentenceTokens[s]) }
        for s in b.reportingIndices where !alignedB.contains(s) { unexplainedB.formUnion(b.sentenceTokens[s]) }
        settleMovedPhrases(&alignments, x, y, unexplained: [x: unexplainedA, y: unexplainedB])
        let reportingA = a.reportingIndices, reportingB = b.reportingIndices
        let omitted = reportingA.filter { !alignedA.contains($0) }
        let added = reportingB.filter { !alignedB.contains($0) }
        let credits = SourceCreditDetector(lexicon: lexicon).credits(in: b, reference: a)
        return PairReport(
            referenceID: a.document.id, otherID: b.document.id, alignments: alignments,
            added: added, omitted: omitted,
            verdict: verdict(
                x, y, reportingA: reportingA, reportingB: reportingB, alignedA: alignedA, alignedB: alignedB, alignments: alignments),
            credits: credits)
    }

    func kind(_ x: Int, _ sa: [Int], _ y: Int, _ sb: [Int]) -> Alignment.Kind {
        switch (sa.count, sb.count) {
        case (1, 1):
            let ta = analyzed[x].sentenceTokens[sa[0]].map { analyzed[x].tokens[$0].hash }
            let tb = analyzed[y].sentenceTokens[sb[0]].map { analyzed[y].tokens[$0].hash }
            return ta == tb ? .identical : .paraphrase
        case (_, 1): return .merge
        case (1, _): return .split
        default: return .regroup
        }
    }

    func breakdown(_ x: Int, _ sa: [Int], _ y: Int, _ sb: [Int]) -> SimilarityBreakdown {
        let pa = union(x, sa), pb = union(y, sb)
        let summary = aligner.wordSummary(pa, pb)
        let wordScore = summary.similarity, characterScore = Double(pa.grams.cosine(pb.grams))
        let a = analyzed[x], b = analyzed[y]
        var keysB: Set<UInt64> = []
        for s in sb { for t in b.sentenceTokens[s] where b.features[t].flags.contains(.content) { keysB.insert(lexicon[b.features[t].entry].key) } }
        var seen: Set<UInt64> = []
        var words: [(String, Float)] = [], names: [String] = [], numbers: [String] = []
        var lastNameToken = -2, nameStart = 0
        for s in sa {
            for t in a.sentenceTokens[s] {
                let f = a.features[t]
                guard f.flags.contains(.content) else { continue }
                let key = lexicon[f.entry].key
                guard keysB.contains(key), seen.insert(key).inserted else { continue }
                let text = a.text(a.tokens[t].range)
                if f.flags.contains(.number) { numbers.append(text) }
                else if f.flags.contains(.name) {
                    // Consecutive shared name words read as one name: "Ismail Haniyeh".
                    if lastNameToken == t - 1, !names.isEmpty {
                        names[names.count - 1] = a.text(nameStart..<a.tokens[t].end)
                    } else {
                        names.append(text)
                        nameStart = a.tokens[t].start
                    }
                    lastNameToken = t
                }
                else {
                    let index = pa.terms.keys.binarySearch(key)
                    words.append((text, index.map { pa.terms.weights[$0] } ?? 0))
                }
            }
        }
        words.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var quoteOverlap = 0.0
        if !pa.quoted.isEmpty && !pb.quoted.isEmpty {
            quoteOverlap = Double(SentenceProfile.sharedCount(pa.quoted, pb.quoted)) / Double(min(pa.quoted.count, pb.quoted.count))
        }
        return SimilarityBreakdown(
            sharedWords: words.map(\.0), sharedNames: names, sharedNumbers: numbers,
            quoteOverlap: quoteOverlap, wordScore: wordScore, characterScore: characterScore,
            score: options.score(
                word: wordScore, character: characterScore,
                sharedQuoted: SentenceProfile.sharedCount(pa.quoted, pb.quoted), quotedA: pa.quoted.count, quotedB: pb.quoted.count),
            referenceCoverage: summary.coverageA, otherCoverage: summary.coverageB,
            unmatchedNumbers: summary.unmatchedNumbersA + summary.unmatchedNumbersB, contradictingNumbers: summary.contradictingNumbers,
            unmatchedNames: summary.unmatchedNamesA + summary.unmatchedNamesB, negationMismatch: summary.negationMismatch,
            unmatchedReferenceWords: summary.unmatchedWordsA, unmatchedOtherWords: summary.unmatchedWordsB,
            bigramOverlap: overlap(x, sa, y, sb, n: 2, ofSmaller: true), wordOverlap: overlap(x, sa, y, sb, n: 1, ofSmaller: false))
    }

    /// The share of distinct word n-grams (n = 1 or 2, as written, case aside) of the side with
    /// fewer (`ofSmaller`) or more that the other side has too.
    func overlap(_ x: Int, _ sa: [Int], _ y: Int, _ sb: [Int], n: Int, ofSmaller: Bool) -> Double {
        func grams(_ doc: AnalyzedDocument, _ sentences: [Int]) -> Set<UInt64> {
            var result: Set<UInt64> = []
            for s in sentences {
                let range = doc.sentenceTokens[s]
                guard range.count >= n else { continue }
                for t in range.lowerBound...(range.upperBound - n) {
                    result.insert(n == 1 ? doc.tokens[t].hash : StableHash.combine(doc.tokens[t].hash, doc.tokens[t + 1].hash))
                }
            }
            return result
        }
        let a = grams(analyzed[x], sa), b = grams(analyzed[y], sb)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(ofSmaller ? min(a.count, b.count) : max(a.count, b.count))
    }

    /// The verdict on documents `x` and `y`: the same-story decision of `dedup` on their
    /// features, with the alignment's figures.
    func verdict(
        _ x: Int, _ y: Int, reportingA: [Int], reportingB: [Int], alignedA: Set<Int>, alignedB: Set<Int>, alignments: [Alignment]
    ) -> Verdict {
        var scoreOfA: [Int: Double] = [:], scoreOfB: [Int: Double] = [:]
        for al in alignments {
            for i in al.a { scoreOfA[i] = al.score }
            for j in al.b { scoreOfB[j] = al.score }
        }
        func share(_ reporting: [Int], _ scores: [Int: Double], weighted: Bool) -> Double {
            guard !reporting.isEmpty else { return 0 }
            let total = reporting.reduce(0.0) { sum, s in sum + (scores[s].map { weighted ? $0 : 1 } ?? 0) }
            return total / Double(reporting.count)
        }
        let coverageA = share(reportingA, scoreOfA, weighted: false), coverageB = share(reportingB, scoreOfB, weighted: false)
        let weightedA = share(reportingA, scoreOfA, weighted: true), weightedB = share(reportingB, scoreOfB, weighted: true)
        var longest = 0, run = 0
        for s in reportingA { if alignedA.contains(s) { run += 1; longest = max(longest, run) } else { run = 0 } }
        let best = alignments.map(\.score).max() ?? 0
        let judgement = PairVerifier().judgement(features[x], features[y])
        let kind: Verdict.Kind
        if judgement.isSameStory {
            kind = .sameStory
        } else if best >= options.partialReuseScore {
            kind = .partialReuse
        } else {
            kind = .differentStory
        }
        return Verdict(
            kind: kind, referenceCoverage: coverageA, otherCoverage: coverageB,
            referenceWeightedCoverage: weightedA, otherWeightedCoverage: weightedB,
            referenceSentences: reportingA.count, otherSentences: reportingB.count,
            links: alignments.count, bestScore: best, longestSharedPassage: longest,
            sameStoryScore: judgement.score, sameStoryReason: judgement.reason.rawValue)
    }
}

extension Array where Element == UInt64 {
    /// The index of `key` in this sorted array, if present.
    func binarySearch(_ key: UInt64) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == key ? lo : nil
    }
}
