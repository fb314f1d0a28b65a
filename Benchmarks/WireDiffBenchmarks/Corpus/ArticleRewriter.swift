import WireDiff

/// Rewrites an article the way another outlet would, with a strength from 0 (light) to 1 (heavy).
///
/// Operations, each applied with a probability that grows with the strength: drop sentences,
/// move sentences, merge two adjacent sentences, split one, paraphrase (synonym swaps from the
/// lexicon's groups, active ↔ passive, fronted ↔ trailing adverbials, reordered modifiers,
/// attribution moves "X said Y" ↔ "Y, X said" ↔ quotes, name forms "Minister X" ↔ "X, the
/// minister,"), add new sentences from the story's vocabulary, change a figure, new headline.
///
/// - Complexity: O(words).
struct ArticleRewriter {
    var composer: ArticleComposer
    let strength: Double

    init(story: StoryVocabulary, strength: Double, rng: SplitMix64) {
        composer = ArticleComposer(story: story, rng: rng)
        self.strength = strength
    }

    mutating func chance(_ p: Double) -> Bool { composer.chance(p) }
    mutating func int(_ n: Int) -> Int { composer.int(n) }

    mutating func rewrite(_ original: ArticleModel) -> ArticleModel {
        let s = strength
        var sentences = original.sentences
        // Drop: condensed versions keep the lead and lose later sentences more often.
        let minimum = max(5, sentences.count / 3)
        var kept: [SentenceModel] = []
        for (i, sentence) in sentences.enumerated() {
            let p = i == 0 ? 0.05 * s : 0.4 * s * (0.5 + Double(i) / Double(sentences.count))
            if sentences.count - (i - kept.count) > minimum && chance(p) { continue }
            kept.append(sentence)
        }
        sentences = kept
        // Move sentences.
        for _ in 0..<Int((3 * s).rounded()) where sentences.count > 2 && chance(0.4 + 0.5 * s) {
            let from = int(sentences.count)
            let moved = sentences.remove(at: from)
            sentences.insert(moved, at: int(sentences.count + 1))
        }
        // Merge adjacent pairs.
        var merged: [SentenceModel] = []
        var i = 0
        while i < sentences.count {
            if i + 1 < sentences.count, sentences[i].fixed == nil, sentences[i + 1].fixed == nil,
               sentences[i].clauses.count == 1, sentences[i + 1].clauses.count == 1, chance(0.25 * s) {
                var m = sentences[i]
                let next = sentences[i + 1]
                m.clauses.append(contentsOf: next.clauses)
                m.connectors = [[composer.lexSlot(chance(0.5) ? composer.lex.addition : composer.lex.contrast, .base)]]
                if m.attribution == nil { m.attribution = next.attribution }
                if m.attribution?.style == .quoteEnd || m.attribution?.style == .quoteFront { m.attribution?.style = .endSaid }
                merged.append(m)
                i += 2
            } else {
                merged.append(sentences[i])
                i += 1
            }
        }
        sentences = merged
        // Split multi-clause sentences, or split off a trailing modifier.
        var split: [SentenceModel] = []
        for sentence in sentences {
            if sentence.clauses.count > 1 && chance(0.5 * s) {
                var first = sentence
                first.clauses = [sentence.clauses[0]]
                first.connectors = []
                var second = SentenceModel(clauses: Array(sentence.clauses.dropFirst()))
                second.connectors = Array(sentence.connectors.dropFirst())
                if chance(0.5) { second.opener = [composer.lexSlot(composer.lex.openers, .base)] }
                split += [first, second]
            } else if sentence.clauses.count == 1, sentence.clauses[0].tails.count >= 2, chance(0.3 * s) {
                var first = sentence
                let tail = first.clauses[0].tails.removeLast()
                let subject: [Slot] = [.text("the"), .text(composer.pick(["move", "decision", "step", "announcement", "change"]))]
                let second = SentenceModel(clauses: [Clause(subject: subject, subjectPlural: false, prefix: [.text(composer.pick(["came", "followed", "was made", "was announced"]))], tails: [tail])])
                split += [first, second]
            } else {
                split.append(sentence)
            }
        }
        sentences = split
        // Paraphrase.
        sentences = sentences.map { paraphrase($0) }
        // Add new sentences.
        let additions = int(Int(1 + 4 * s))
        for _ in 0..<additions {
            sentences.insert(composer.sentence(), at: 1 + int(sentences.count))
        }
        // Change a figure.
        if chance(0.3 + 0.4 * s) { changeFigure(&sentences) }
        let headline = chance(0.4 + 0.6 * s) ? composer.headline() : paraphraseSlots(original.headline)
        return ArticleModel(headline: headline, sentences: sentences, paragraphs: composer.paragraphs(for: sentences.count))
    }

    mutating func paraphrase(_ sentence: SentenceModel) -> SentenceModel {
        var m = sentence
        let s = strength
        if let fixed = m.fixed {
            m.fixed = paraphraseSlots(fixed)
            return m
        }
        m.opener = paraphraseSlots(m.opener)
        if chance(0.15 * s) { m.opener = m.opener.isEmpty && m.attribution?.style != .quoteFront ? [composer.lexSlot(composer.lex.openers, .base)] : [] }
        m.connectors = m.connectors.map { paraphraseSlots($0) }
        m.lead = paraphraseSlots(m.lead)
        if chance(s) { m.leadFront.toggle() }
        for c in m.clauses.indices {
            var clause = m.clauses[c]
            clause.subject = paraphraseSlots(clause.subject)
            clause.prefix = paraphraseSlots(clause.prefix)
            clause.object = paraphraseSlots(clause.object)
            if let v = clause.verb { clause.verb = paraphraseSlots([v]).first }
            clause.tails = clause.tails.map { paraphraseSlots($0) }
            if clause.canBePassive && chance(0.5 * s) { clause.passive.toggle() }
            if clause.tails.count > 1 && chance(s) { clause.tails.reverse() }
            // Front a trailing modifier as the lead.
            if m.lead.isEmpty, c == 0, !clause.tails.isEmpty, chance(0.4 * s) {
                m.lead = clause.tails.removeLast()
                m.leadFront = true
            }
            m.clauses[c] = clause
        }
        if var a = m.attribution {
            a.speaker = paraphraseSlots(a.speaker)
            if chance(s) { a.verbMember = UInt8(int(composer.lex.count(composer.lex.sayVerb))) }
            if chance(s) {
                let quote = a.style == .quoteEnd || a.style == .quoteFront
                let styles: [Attribution.Style] = quote ? [.quoteEnd, .quoteFront, .saidThat, .endSaid] : [.saidThat, .saidBare, .endSaid, .endSaidInverted, .accordingToFront, .accordingToEnd]
                a.style = composer.pick(styles)
            }
            m.attribution = a
        } else if chance(0.2 * s) {
            m.attribution = composer.attribution(quote: false)
        }
        return m
    }

    /// Swaps synonyms, name forms and figure styles, each with probability `strength`.
    mutating func paraphraseSlots(_ slots: [Slot]) -> [Slot] {
        let s = strength
        return slots.map { slot in
            switch slot {
            case .lex(let g, let m, let f):
                let n = composer.lex.count(Int(g))
                guard n > 1, chance(s) else { return slot }
                return .lex(group: g, member: UInt8((Int(m) + 1 + int(n - 1)) % n), form: f)
            case .person(let i, let form):
                guard chance(s) else { return slot }
                return .person(index: i, form: composer.pick(PersonForm.allCases.filter { $0 != form }))
            case .org(let i, let short):
                return chance(0.5 * s) ? .org(index: i, short: !short) : slot
            case .figure(var f):
                if chance(0.5 * s) { f.style ^= 1 }
                return .figure(f)
            default:
                return slot
            }
        }
    }

    mutating func changeFigure(_ sentences: inout [SentenceModel]) {
        for _ in 0..<8 {
            let i = int(sentences.count)
            guard sentences[i].fixed == nil, !sentences[i].clauses.isEmpty else { continue }
            let c = int(sentences[i].clauses.count)
            var clause = sentences[i].clauses[c]
            for t in clause.tails.indices {
                for k in clause.tails[t].indices {
                    if case .figure(var f) = clause.tails[t][k], f.kind != .year {
                        let delta = max(1, f.value * (10 + int(40)) / 100)
                        f.value = chance(0.5) ? f.value + delta : max(1, f.value - delta)
                        clause.tails[t][k] = .figure(f)
                        sentences[i].clauses[c] = clause
                        return
                    }
                }
            }
        }
    }
}
