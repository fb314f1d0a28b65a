import Foundation

extension DiffSession {
    /// Least share of a phrase's word weight (figures aside) that one sentence of the other
    /// version must align for the phrase to have moved there rather than been added or dropped.
    static let movedPhraseCoverage = 0.8
    /// Fewest content words (figures aside) of a phrase that can move: a name or a word alone
    /// is found anywhere ("(Glasgow)").
    static let movedPhraseWords = 2

    /// Settles the phrases that one alignment reports as added, dropped or a name on one side
    /// only, against the whole other version: a phrase that some sentence of the other version
    /// says too moved (a clause split off to the next sentence, a sentence folded into a merge
    /// the aligner did not join), so it is no added or dropped fact. When the moved phrase
    /// carries a figure the other sentence gives differently ("while puzzle games were played
    /// by 80% of females" → "Meanwhile, puzzle games were played by 87% of females"), the
    /// figure is reported as a changed number instead.
    ///
    /// A phrase of ``movedPhraseWords`` content words or more has moved when the words of one
    /// sentence of the other version that nothing explains there (`unexplained`: the words of
    /// an unaligned sentence, or those left unlinked inside an alignment) align at least
    /// ``movedPhraseCoverage`` of its content words' weight, figures aside (``WordAligner``: the
    /// same stem, number value, synonym…). Words the other version already tells as their own
    /// sentence's do not count: a fact said twice and dropped once is dropped. Details of alignments weaker than
    /// ``AlignmentOptions/partialReuseScore`` (sentences that share a few words, not one
    /// sentence told twice) report no phrases: what one says and the other does not is their
    /// difference, not a detail one version added.
    ///
    /// - Complexity: O(p s w²) word comparisons for p reported phrases, s sentences of the
    ///   other version and w words a sentence; p is small (a few per pair).
    func settleMovedPhrases(_ alignments: inout [Alignment], _ x: Int, _ y: Int, unexplained: [Int: Set<Int>]) {
        var figures: Set<[Int]> = []
        for k in alignments.indices {
            let weak = alignments[k].score < options.partialReuseScore
            var settled: [ChangedDetail] = []
            for change in alignments[k].changes {
                switch change.kind {
                case .droppedDetail, .addedDetail, .name:
                    if weak { continue }
                    switch move(of: change, x, y, unexplained) {
                    case .stayed: settled.append(change)
                    case .moved: continue
                    case .changedFigure(let number):
                        // The dropped and the added copy of one moved phrase give one figure.
                        if figures.insert(number.key).inserted { settled.append(number) }
                    }
                case .number:
                    figures.insert(change.key)
                    settled.append(change)
                default:
                    settled.append(change)
                }
            }
            alignments[k].changes = settled
        }
    }

    /// What became of a phrase reported on one side only.
    private enum Move {
        /// No sentence of the other version says it: added or dropped indeed.
        case stayed
        /// A sentence of the other version says it.
        case moved
        /// A sentence of the other version says it with this figure changed.
        case changedFigure(ChangedDetail)
    }

    /// Where `change` (a phrase on one side only) went in the other version (``Move``).
    private func move(of change: ChangedDetail, _ x: Int, _ y: Int, _ unexplained: [Int: Set<Int>]) -> Move {
        let onReference = change.referenceRange != nil
        guard let sentence = onReference ? change.referenceSentence : change.otherSentence,
              let range = onReference ? change.referenceRange : change.otherRange else { return .stayed }
        let (from, to) = onReference ? (x, y) : (y, x)
        let doc = analyzed[from]
        let phrase = profiles[from][sentence].words.filter {
            let token = doc.tokens[Int($0.position)]
            return token.start >= range.lowerBound && token.end <= range.upperBound
        }
        let entries = lexicon.entries
        let isNumber = { (w: WordAligner.Word) in entries[Int(w.entry)].isNumber }
        let wordWeight = phrase.filter { !isNumber($0) }.reduce(Float(0)) { $0 + $1.weight }
        guard phrase.filter({ !isNumber($0) }).count >= DiffSession.movedPhraseWords, wordWeight > 0 else { return .stayed }
        let free = unexplained[to] ?? []
        var best: (coverage: Double, sentence: Int, result: WordAligner.Result)? = nil
        for t in profiles[to].indices where !profiles[to][t].isEmpty {
            let words = profiles[to][t].words.filter { free.contains(Int($0.position)) }
            guard !words.isEmpty else { continue }
            let result = entries.withUnsafeBufferPointer { WordAligner.align(phrase, words, entries: $0, context: false) }
            var aligned: Float = 0
            for (i, l) in result.linkOfA.enumerated() where l >= 0 && !isNumber(phrase[i]) {
                aligned += result.links[l].match.weight * phrase[i].weight
            }
            let coverage = Double(aligned / wordWeight)
            if coverage > (best?.coverage ?? 0) { best = (coverage, t, result) }
        }
        guard let best, best.coverage >= DiffSession.movedPhraseCoverage else { return .stayed }
        // Figures of the phrase the other sentence does not give: one given differently there
        // is a changed number; one it lacks altogether leaves the phrase a detail.
        let words = profiles[to][best.sentence].words.filter { free.contains(Int($0.position)) }
        let freeFigures = phrase.indices.filter { best.result.linkOfA[$0] < 0 && isNumber(phrase[$0]) }
        guard let figure = freeFigures.first else { return .moved }
        let value = entries[Int(phrase[figure].entry)].value
        let counterpart = words.indices.filter { best.result.linkOfB[$0] < 0 && isNumber(words[$0]) }
            .compactMap { j -> (Double, Int)? in
                guard let value, let other = entries[Int(words[j].entry)].value,
                      other.currency == value.currency, other.suffix == value.suffix else { return nil }
                return (abs(log(max(abs(value.value), 1e-9) / max(abs(other.value), 1e-9))), j)
            }
            .min { $0 < $1 }
        guard let counterpart else { return .stayed }
        let fromToken = doc.tokens[Int(phrase[figure].position)], toToken = analyzed[to].tokens[Int(words[counterpart.1].position)]
        let fromRange = fromToken.start..<fromToken.end, toRange = toToken.start..<toToken.end
        let fromText = doc.text(fromRange), toText = analyzed[to].text(toRange)
        return .changedFigure(onReference
            ? ChangedDetail(kind: .number, referenceText: fromText, otherText: toText, referenceSentence: sentence,
                            referenceRange: fromRange, otherSentence: best.sentence, otherRange: toRange)
            : ChangedDetail(kind: .number, referenceText: toText, otherText: fromText, referenceSentence: best.sentence,
                            referenceRange: toRange, otherSentence: sentence, otherRange: fromRange))
    }
}

private extension ChangedDetail {
    /// Where a changed figure sits on both sides, to report it once.
    var key: [Int] {
        [referenceSentence ?? -1, referenceRange?.lowerBound ?? -1, otherSentence ?? -1, otherRange?.lowerBound ?? -1]
    }
}
