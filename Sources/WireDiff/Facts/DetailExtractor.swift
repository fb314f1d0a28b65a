import Foundation

/// Finds the facts that differ between aligned sentences, and only those: a number's value, a
/// date or weekday, a name on one side only, a quote's words, an attribution's source, and a
/// content phrase dropped or added.
///
/// The content words of the two sides are first aligned one to one (``WordAligner``), so
/// rewording never shows as a change: synonyms, inflections, British/American spellings,
/// numbers written two ways ("two"/"2", "£5m"/"£5 million"), negations ("didn't"/"did not"),
/// honorifics ("Mr Blair"/"Blair"), acronyms ("EU"/"European Union") and word order all align.
/// What is left unaligned is then read as facts, in this order, each token reported at most
/// once:
/// 1. **dates**: a date mention (weekday, month, relative day, with its day number) on each side
///    without an equal on the other;
/// 2. **numbers**: unaligned figures on both sides, paired closest value first when they agree
///    in currency and unit and either sit among matching words or could be one figure changed
///    (``NumberValue/couldBeChanged(_:_:)``);
/// 3. **attributions**: when both sides attribute, a source (who said it: the attribution
///    phrase without its verb) whose names, figures or head noun have no counterpart on the
///    other side; "said X" and "X said" are the same source. An attribution kept on one side
///    only is a credit dropped or added, not a changed fact;
/// 4. **quotes**: paired quotations (sharing content words) whose words differ beyond rewording,
///    i.e. with unaligned content words on both sides;
/// 5. **phrases**: a run of unaligned words (across function words, within a sentence) is a
///    dropped or added detail when the other side has nothing in its place (no unaligned content
///    words between the images of the run's aligned neighbours) and the run has two content
///    words or more, or opens a clause or parenthesis ("who replaced Zidane", "(Glasgow)"); or
///    when it is ``phraseSurplus`` content words longer than what the other side has in its
///    place. A run made only of names is a **name** change ("Lloyd Austin"). Anything else is
///    rewording: a word swapped for another in place.
///
/// In a headline, a trailing " | Site name" or " - Site name" of names only is branding, not
/// a fact.
///
/// - Complexity: O(n + m) for the aligned part plus O(u v) for the u and v words left unaligned
///   (see ``WordAligner``).
struct DetailExtractor: Sendable {
    /// How many more content words a run needs than the words in its place to count as added
    /// or dropped rather than reworded.
    static let phraseSurplus = 3

    let reference: AnalyzedDocument
    let other: AnalyzedDocument
    let lexicon: Lexicon

    private struct Side {
        let doc: AnalyzedDocument
        let sentences: [Int]
        /// All tokens of the side's sentences, in order.
        let tokens: [Int]
        /// Tokens already reported or excused (branding), so later steps skip them.
        var covered: Set<Int> = []

        init(_ doc: AnalyzedDocument, _ sentences: [Int]) {
            self.doc = doc
            self.sentences = sentences
            self.tokens = sentences.flatMap { Array(doc.sentenceTokens[$0]) }
        }

        func sentence(of token: Int) -> Int {
            sentences.first { doc.sentenceTokens[$0].contains(token) } ?? sentences[0]
        }

        func isContent(_ t: Int) -> Bool { doc.features[t].flags.contains(.content) }
    }

    /// The word links between the two sides, by token index.
    private struct Links {
        var partnerOfA: [Int: Int] = [:]
        var partnerOfB: [Int: Int] = [:]
        /// Linked words written differently: (A token, B token, evidence).
        var reworded: [(Int, Int, WordAligner.Match)] = []
        func isAligned(a t: Int) -> Bool { partnerOfA[t] != nil }
        func isAligned(b t: Int) -> Bool { partnerOfB[t] != nil }
    }

    /// Aligns the content words of the two sides (``WordAligner``).
    private func links(_ a: Side, _ b: Side) -> Links {
        func words(_ side: Side) -> [(Int, WordAligner.Word)] {
            side.tokens.filter(side.isContent).map { t in
                let flags = side.doc.tokens[t].flags
                return (t, WordAligner.Word(entry: side.doc.features[t].entry, weight: 1, position: Int32(t),
                                            capitalized: flags.contains(.capitalized), allCaps: flags.contains(.allCaps)))
            }
        }
        let wa = words(a), wb = words(b)
        let result = lexicon.entries.withUnsafeBufferPointer { WordAligner.align(wa.map(\.1), wb.map(\.1), entries: $0) }
        var links = Links()
        for (i, k) in result.linkOfA.enumerated() where k >= 0 { links.partnerOfA[wa[i].0] = wb[result.links[k].b].0 }
        for (j, k) in result.linkOfB.enumerated() where k >= 0 { links.partnerOfB[wb[j].0] = wa[result.links[k].a].0 }
        for l in result.links {
            let ta = wa[l.a].0, tb = wb[l.b].0
            if l.match == .acronym || a.doc.tokens[ta].hash != b.doc.tokens[tb].hash { links.reworded.append((ta, tb, l.match)) }
        }
        return links
    }

    func details(_ sa: [Int], _ sb: [Int]) -> [ChangedDetail] { analyze(sa, sb).changes }

    /// The changed details of sentences `sa` of the reference against `sb` of the other, the
    /// rewording between them (linked words written differently), and the content words of
    /// each side that no word of the other side is linked to (token indices).
    func analyze(_ sa: [Int], _ sb: [Int]) -> (changes: [ChangedDetail], rewordings: [Rewording], unlinked: (reference: [Int], other: [Int])) {
        var a = Side(reference, sa), b = Side(other, sb)
        let words = links(a, b)
        let rewordings = words.reworded.map { ta, tb, match -> Rewording in
            let ea = entry(a, ta)
            let kind: Rewording.Kind
            switch match {
            case .key: kind = ea.isNumber ? .number : .form
            case .prefix: kind = .form
            case .acronym: kind = .acronym
            case .synonym: kind = .synonym
            case .related: kind = .broader
            }
            var ra = a.doc.tokens[ta].range, rb = b.doc.tokens[tb].range
            // An acronym's expansion: every word of the other side linked to the same word.
            if match == .acronym {
                let expansionA = words.partnerOfA.filter { $0.value == tb }.map(\.key)
                let expansionB = words.partnerOfB.filter { $0.value == ta }.map(\.key)
                if let lo = expansionA.min(), let hi = expansionA.max() { ra = a.doc.tokens[lo].start..<a.doc.tokens[hi].end }
                if let lo = expansionB.min(), let hi = expansionB.max() { rb = b.doc.tokens[lo].start..<b.doc.tokens[hi].end }
            }
            return Rewording(kind: kind, referenceText: a.doc.text(ra), otherText: b.doc.text(rb), referenceRange: ra, otherRange: rb)
        }
        excuseBranding(&a); excuseBranding(&b)
        var result: [ChangedDetail] = []
        dates(&a, &b, &result)
        numbers(&a, &b, words, &result)
        attributions(&a, &b, words, &result)
        quotes(&a, &b, words, &result)
        phrases(&a, in: b, words, reference: true, &result)
        phrases(&b, in: a, words, reference: false, &result)
        let unlinked = (a.tokens.filter { a.isContent($0) && !words.isAligned(a: $0) }, b.tokens.filter { b.isContent($0) && !words.isAligned(b: $0) })
        return (result, rewordings, unlinked)
    }

    // MARK: - Helpers

    private func entry(_ side: Side, _ t: Int) -> Lexicon.Entry { lexicon[side.doc.features[t].entry] }

    private func detail(_ kind: ChangedDetail.Kind, _ a: Side, _ ra: ClosedRange<Int>?, _ b: Side, _ rb: ClosedRange<Int>?) -> ChangedDetail {
        let rangeA = ra.map { a.doc.tokens[$0.lowerBound].start..<a.doc.tokens[$0.upperBound].end }
        let rangeB = rb.map { b.doc.tokens[$0.lowerBound].start..<b.doc.tokens[$0.upperBound].end }
        return ChangedDetail(
            kind: kind,
            referenceText: rangeA.map { a.doc.text($0) } ?? "",
            otherText: rangeB.map { b.doc.text($0) } ?? "",
            referenceSentence: ra.map { a.sentence(of: $0.lowerBound) }, referenceRange: rangeA,
            otherSentence: rb.map { b.sentence(of: $0.lowerBound) }, otherRange: rangeB)
    }

    /// Whether token `t` of a side is aligned (A side when `isA`).
    private func aligned(_ words: Links, _ t: Int, isA: Bool) -> Bool {
        isA ? words.isAligned(a: t) : words.isAligned(b: t)
    }

    /// Marks a headline's trailing " | Site" or " - Site" made of names only as covered.
    private func excuseBranding(_ side: inout Side) {
        let bytes = side.doc.document.bytes
        for s in side.sentences where side.doc.document.sentences[s].role == .headline {
            let range = side.doc.sentenceTokens[s]
            guard range.count > 2 else { continue }
            var t = range.upperBound - 1
            while t > range.lowerBound {
                let gap = side.doc.tokens[t - 1].end..<side.doc.tokens[t].start
                let separator = gap.contains { bytes[$0] == 0x7c }  // |
                    || (gap.count >= 3 && bytes[gap.lowerBound] == 0x20 && bytes[gap.upperBound - 1] == 0x20
                        && gap.contains { bytes[$0] == 0x2d || bytes[$0] == 0xe2 })  // " - ", " – "
                if separator {
                    let tail = t..<range.upperBound
                    let namesOnly = tail.allSatisfy {
                        !side.isContent($0) || side.doc.features[$0].flags.contains(.name) || side.doc.tokens[$0].flags.contains(.capitalized)
                    }
                    if namesOnly { side.covered.formUnion(tail) }
                    break
                }
                t -= 1
            }
        }
    }

    // MARK: - Dates

    /// Date mentions: a date word plus an adjacent day number ("October 7", "Nov. 3").
    private func dateMentions(_ side: Side) -> [(ClosedRange<Int>, UInt64)] {
        var result: [(ClosedRange<Int>, UInt64)] = []
        for t in side.tokens where side.doc.features[t].flags.contains(.date) && !side.covered.contains(t) {
            var first = t, last = t
            var key = entry(side, t).key
            if t + 1 < side.doc.tokens.count, side.tokens.contains(t + 1), side.doc.features[t + 1].flags.contains(.number) {
                last = t + 1
                key = StableHash.combine(key, entry(side, t + 1).key)
            } else if t > 0, side.tokens.contains(t - 1), side.doc.features[t - 1].flags.contains(.number) {
                first = t - 1
                key = StableHash.combine(key, entry(side, t - 1).key)
            }
            result.append((first...last, key))
        }
        return result
    }

    private func dates(_ a: inout Side, _ b: inout Side, _ out: inout [ChangedDetail]) {
        let ma = dateMentions(a), mb = dateMentions(b)
        let ka = Set(ma.map(\.1)), kb = Set(mb.map(\.1))
        let onlyA = ma.filter { !kb.contains($0.1) }, onlyB = mb.filter { !ka.contains($0.1) }
        for (x, y) in zip(onlyA, onlyB) {
            out.append(detail(.date, a, x.0, b, y.0))
            a.covered.formUnion(x.0); b.covered.formUnion(y.0)
        }
        for x in ma where kb.contains(x.1) { a.covered.formUnion(x.0) }
        for y in mb where ka.contains(y.1) { b.covered.formUnion(y.0) }
    }

    // MARK: - Numbers

    private func numbers(_ a: inout Side, _ b: inout Side, _ words: Links, _ out: inout [ChangedDetail]) {
        func free(_ side: Side, isA: Bool) -> [Int] {
            side.tokens.filter { side.doc.features[$0].flags.contains(.number) && !side.covered.contains($0) && !aligned(words, $0, isA: isA) }
        }
        let na = free(a, isA: true), nb = free(b, isA: false)
        guard !na.isEmpty, !nb.isEmpty else { return }
        /// Whether the content words next to two figures are linked to each other.
        func neighboursMatch(_ x: Int, _ y: Int) -> Bool {
            for (dx, dy) in [(-1, -1), (1, 1)] {
                let px = neighbour(a, x, dx), py = neighbour(b, y, dy)
                if let px, let py, words.partnerOfA[px] == py { return true }
            }
            return false
        }
        var candidates: [(Double, Int, Int)] = []
        for x in na {
            let vx = entry(a, x).value
            for y in nb {
                let vy = entry(b, y).value
                guard let vx, let vy, vx.currency == vy.currency, vx.suffix == vy.suffix,
                      neighboursMatch(x, y) || NumberValue.couldBeChanged(vx, vy) else { continue }
                candidates.append((abs(log(max(abs(vx.value), 1e-9) / max(abs(vy.value), 1e-9))), x, y))
            }
        }
        candidates.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var pairs: [(Int, Int)] = []
        var usedA: Set<Int> = [], usedB: Set<Int> = []
        for (_, x, y) in candidates where !usedA.contains(x) && !usedB.contains(y) {
            usedA.insert(x); usedB.insert(y)
            pairs.append((x, y))
        }
        for (x, y) in pairs.sorted(by: { $0.0 < $1.0 }) {
            out.append(detail(.number, a, x...x, b, y...y))
            a.covered.insert(x); b.covered.insert(y)
        }
    }

    /// The nearest content token of the side in direction `step` (±1) from `t`, if any.
    private func neighbour(_ side: Side, _ t: Int, _ step: Int) -> Int? {
        var k = t + step
        let range = side.doc.sentenceTokens[side.sentence(of: t)]
        while range.contains(k) {
            if side.isContent(k) { return k }
            k += step
        }
        return nil
    }

    // MARK: - Attributions

    /// The source words of each attribution phrase: content words other than verbs of saying,
    /// "according", "cited"; honorifics are not content.
    private func sources(_ side: Side) -> [(phrase: AttributionPhrase, words: [Int])] {
        let finder = AttributionFinder(document: side.doc, lexicon: lexicon)
        return side.sentences.flatMap { finder.phrases(in: $0) }.map { p in
            let words = (p.firstToken...p.lastToken).filter { t in
                side.isContent(t) && entry(side, t).keywords.isDisjoint(with: [.attributionVerb, .according, .cited, .to, .by, .article])
            }
            return (p, words)
        }
    }

    private func attributions(_ a: inout Side, _ b: inout Side, _ words: Links, _ out: inout [ChangedDetail]) {
        let sa = sources(a).filter { !$0.words.isEmpty }, sb = sources(b).filter { !$0.words.isEmpty }
        guard !sa.isEmpty || !sb.isEmpty else { return }
        func unnamed(_ list: [(phrase: AttributionPhrase, words: [Int])], _ side: Side) -> Bool {
            list.contains { s in s.words.last.map { DetailExtractor.unnamedSources.contains(entry(side, $0).key) } ?? false }
        }
        let unnamedA = unnamed(sa, a), unnamedB = unnamed(sb, b)
        let reportedA = a.covered, reportedB = b.covered
        /// Whether a source has a counterpart on the other side (wherever it is named there):
        /// all its names and figures when it has some ("two Israeli officials" ≠ "a senior
        /// Israeli official"), else its head (last content word) or half its words.
        func matched(_ source: [Int], isA: Bool) -> Bool {
            let doc = isA ? a.doc : b.doc
            func isAligned(_ t: Int) -> Bool { isA ? words.isAligned(a: t) : words.isAligned(b: t) }
            // Dates and figures already reported are their steps' ("later on Monday … said").
            let side = isA ? a : b, reported = isA ? reportedA : reportedB
            let words = source.filter { !doc.features[$0].flags.contains(.date) && !reported.contains($0) }
            guard let head = words.last else { return true }
            let defining = words.filter { doc.features[$0].flags.contains(.name) || doc.features[$0].flags.contains(.number) }
            if !defining.isEmpty { return defining.allSatisfy(isAligned) }
            // An unnamed source ("the officials", "the sources") is the same as another unnamed one.
            if DetailExtractor.unnamedSources.contains(entry(side, head).key), (isA ? unnamedB : unnamedA) { return true }
            return isAligned(head) || 2 * words.filter(isAligned).count >= words.count
        }
        // Every attribution phrase is the attribution step's: a source kept, moved or dropped
        // is never read as a dropped or added phrase.
        for s in sa { a.covered.formUnion(s.phrase.firstToken...s.phrase.lastToken) }
        for s in sb { b.covered.formUnion(s.phrase.firstToken...s.phrase.lastToken) }
        // A source changed: both sides attribute, and a source's defining words have no
        // counterpart on the other side. An attribution dropped or added alone ("He told BBC
        // Sport: …" → "…") is a credit, not a changed fact.
        guard !sa.isEmpty, !sb.isEmpty else { return }
        let newA = sa.filter { !matched($0.words, isA: true) }, newB = sb.filter { !matched($0.words, isA: false) }
        guard !newA.isEmpty || !newB.isEmpty else { return }
        let ra = (newA.first ?? sa[0]).phrase, rb = (newB.first ?? sb[0]).phrase
        var d = detail(.attribution, a, ra.firstToken...ra.lastToken, b, rb.firstToken...rb.lastToken)
        if newA.count > 1 { d.referenceText = newA.map { a.doc.text(tokens: $0.phrase.firstToken, through: $0.phrase.lastToken) }.joined(separator: " / ") }
        if newB.count > 1 { d.otherText = newB.map { b.doc.text(tokens: $0.phrase.firstToken, through: $0.phrase.lastToken) }.joined(separator: " / ") }
        out.append(d)
    }

    /// Stems of nouns naming a source without naming it: one unnamed source is as good as
    /// another ("the officials said" = "the sources said", "the company said" = "the group
    /// said").
    static let unnamedSources: Set<UInt64> = {
        let stemmer = EnglishStemmer()
        return Set(["official", "source", "spokesman", "spokeswoman", "spokesperson", "aide", "diplomat", "people", "person", "insider",
                    "company", "group", "firm", "club", "organisation", "organization", "agency"]
            .map { StableHash.hash(stemmer.stem(Array($0.utf8))) })
    }()

    // MARK: - Quotes

    private func quoteRuns(_ side: Side) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for t in side.tokens where side.doc.features[t].flags.contains(.quoted) {
            if let last = runs.last, last.upperBound == t - 1, !boundaryIsQuote(side, t) {
                runs[runs.count - 1] = last.lowerBound...t
            } else {
                runs.append(t...t)
            }
        }
        return runs
    }

    private func boundaryIsQuote(_ side: Side, _ t: Int) -> Bool {
        let bytes = side.doc.document.bytes
        for i in side.doc.tokens[t - 1].end..<side.doc.tokens[t].start where bytes[i] == 0x22 || (bytes[i] == 0x9c || bytes[i] == 0x9d) { return true }
        return false
    }

    private func quotes(_ a: inout Side, _ b: inout Side, _ words: Links, _ out: inout [ChangedDetail]) {
        let qa = quoteRuns(a), qb = quoteRuns(b)
        guard !qa.isEmpty, !qb.isEmpty else { return }
        for x in qa {
            // The quote on B holding most of x's linked words.
            var counts: [Int: Int] = [:]
            for t in x { if let p = words.partnerOfA[t], let y = qb.firstIndex(where: { $0.contains(p) }) { counts[y, default: 0] += 1 } }
            guard let (yi, _) = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) else { continue }
            let y = qb[yi]
            let freeA = x.filter { a.isContent($0) && !words.isAligned(a: $0) && !a.covered.contains($0) }
            let freeB = y.filter { b.isContent($0) && !words.isAligned(b: $0) && !b.covered.contains($0) }
            // Words substituted on both sides: the quote says something else. Pure additions or
            // deletions inside a quote are left to the phrase step.
            guard !freeA.isEmpty, !freeB.isEmpty else { continue }
            out.append(detail(.quote, a, x, b, y))
            a.covered.formUnion(x); b.covered.formUnion(y)
        }
    }

    // MARK: - Phrases and names

    /// Words that open a clause or a qualifying phrase.
    static let clauseOpeners = Keywords.hashes([
        "who", "whom", "whose", "which", "that", "where", "when", "while", "but", "and", "although", "though",
        "because", "after", "before", "as", "including", "with", "without", "despite", "since", "until", "if",
    ])

    /// Reports runs of unaligned words of `side` (see the type's documentation).
    private func phrases(_ side: inout Side, in counterpart: Side, _ words: Links, reference: Bool, _ out: inout [ChangedDetail]) {
        let isA = reference
        func isFree(_ t: Int) -> Bool {
            side.isContent(t) && !side.covered.contains(t) && !aligned(words, t, isA: isA) && !entry(side, t).keywords.contains(.attributionVerb)
        }
        func isAnchor(_ t: Int) -> Bool { side.isContent(t) && !isFree(t) }
        var runs: [(first: Int, last: Int)] = []
        var current: (first: Int, last: Int)? = nil
        var sentence = -1
        for t in side.tokens {
            let s = side.sentence(of: t)
            if s != sentence, let c = current { runs.append(c); current = nil }
            sentence = s
            if isFree(t) {
                current = (current?.first ?? t, t)
            } else if isAnchor(t), let c = current {
                runs.append(c); current = nil
            }
        }
        if let c = current { runs.append(c) }
        let bytes = side.doc.document.bytes
        for run in runs {
            let content = (run.first...run.last).filter(isFree)
            guard !content.isEmpty else { continue }
            // Extend the start back over function words to a clause opener or a bracket.
            var first = run.first
            let sentenceStart = side.doc.sentenceTokens[side.sentence(of: run.first)].lowerBound
            var k = run.first - 1
            while k >= sentenceStart && !side.isContent(k) {
                if DetailExtractor.clauseOpeners.contains(entry(side, k).wordHash) { first = k }
                k -= 1
            }
            let before = run.first > sentenceStart ? side.doc.tokens[run.first - 1].end : side.doc.document.sentences[side.sentence(of: run.first)].start
            let bracketed = (before..<side.doc.tokens[run.first].start).contains { bytes[$0] == 0x28 }
            let place = counterpartFreeWords(run, side, counterpart, words, isA: isA)
            // A date alone is the date step's: unpaired, it is no fact by itself.
            let undated = content.filter { !side.doc.features[$0].flags.contains(.date) }
            guard !undated.isEmpty else { continue }
            let namesOnly = undated.allSatisfy { side.doc.features[$0].flags.contains(.name) }
            let report: Bool
            if place == 0 {
                report = content.count >= 2 || bracketed || namesOnly
            } else {
                report = content.count >= place + DetailExtractor.phraseSurplus
            }
            guard report else { continue }
            // A name alone is a name change; a clause or parenthesis around it is a phrase
            // ("who is also in Dubai").
            let clause = first < run.first || bracketed
            let asName = namesOnly && !clause
            let kind: ChangedDetail.Kind = asName ? .name : (reference ? .droppedDetail : .addedDetail)
            let range = (asName ? run.first : first)...run.last
            out.append(reference ? detail(kind, side, range, counterpart, nil) : detail(kind, counterpart, nil, side, range))
            side.covered.formUnion(range)
        }
    }

    /// The number of unaligned content words of the counterpart in the place of `run`: between
    /// the images of the run's nearest aligned neighbours (or next to the one image there is).
    private func counterpartFreeWords(_ run: (first: Int, last: Int), _ side: Side, _ counterpart: Side, _ words: Links, isA: Bool) -> Int {
        func image(_ t: Int) -> Int? { isA ? words.partnerOfA[t] : words.partnerOfB[t] }
        func imageOfNeighbour(_ from: Int, _ step: Int) -> Int? {
            var k = from + step
            let range = side.doc.sentenceTokens[side.sentence(of: from)]
            while range.contains(k) {
                if let i = image(k) { return i }
                k += step
            }
            return nil
        }
        let previous = imageOfNeighbour(run.first, -1), next = imageOfNeighbour(run.last, 1)
        let window: [Int]
        switch (previous, next) {
        case let (p?, n?) where p < n: window = counterpart.tokens.filter { $0 > p && $0 < n }
        case let (p?, _): window = counterpart.tokens.filter { $0 > p && $0 <= p + 4 }
        case let (_, n?): window = counterpart.tokens.filter { $0 < n && $0 >= n - 4 }
        default: window = counterpart.tokens
        }
        return window.filter { t in
            counterpart.isContent(t) && !counterpart.covered.contains(t) && !(isA ? words.isAligned(b: t) : words.isAligned(a: t))
        }.count
    }
}
