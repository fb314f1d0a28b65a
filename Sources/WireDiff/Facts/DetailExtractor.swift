/// Finds the details that differ between aligned sentences: numbers, dates and weekdays, names
/// on one side only, quotes, attributions, and content words dropped or added.
///
/// Each token is reported at most once, in that order of precedence: a number inside a date
/// is a date change, a name inside an attribution is an attribution change, and only what is
/// left becomes a dropped or added detail. Words match by stem, or by a shared prefix of at
/// least ``prefixMatch`` bytes ("Iran"/"Iranian", "assassinate"/"assassination").
///
/// - Complexity: O(n m) in the two sides' tokens.
struct DetailExtractor: Sendable {
    static let prefixMatch = 4

    let reference: AnalyzedDocument
    let other: AnalyzedDocument
    let lexicon: Lexicon

    private struct Side {
        let doc: AnalyzedDocument
        let sentences: [Int]
        let tokens: [Int]
        var covered: Set<Int> = []
        init(_ doc: AnalyzedDocument, _ sentences: [Int]) {
            self.doc = doc
            self.sentences = sentences
            self.tokens = sentences.flatMap { Array(doc.sentenceTokens[$0]) }
        }
        func sentence(of token: Int) -> Int {
            sentences.first { doc.sentenceTokens[$0].contains(token) } ?? sentences[0]
        }
    }

    func details(_ sa: [Int], _ sb: [Int]) -> [ChangedDetail] {
        var a = Side(reference, sa), b = Side(other, sb)
        var result: [ChangedDetail] = []
        dates(&a, &b, &result)
        numbers(&a, &b, &result)
        attributions(&a, &b, &result)
        quotes(&a, &b, &result)
        names(&a, &b, &result)
        missing(from: &a, in: b, kind: .droppedDetail, &result)
        missing(from: &b, in: a, kind: .addedDetail, &result)
        return result
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

    /// Whether two stems match exactly or by a long shared prefix.
    private func similar(_ x: Lexicon.Entry, _ y: Lexicon.Entry) -> Bool {
        if x.key == y.key { return true }
        if x.isNumber || y.isNumber { return false }
        let shorter = min(x.stem.count, y.stem.count)
        guard shorter >= DetailExtractor.prefixMatch else { return false }
        var k = 0
        while k < shorter && x.stem[k] == y.stem[k] { k += 1 }
        return k >= min(5, shorter)
    }

    /// Whether any token of `side` carries a word matching `e`.
    private func contains(_ side: Side, _ e: Lexicon.Entry) -> Bool {
        side.tokens.contains { similar(entry(side, $0), e) }
    }

    // MARK: - Dates

    /// Date mentions: a date word plus an adjacent day number ("October 7", "Nov. 3").
    private func dateMentions(_ side: Side) -> [(ClosedRange<Int>, UInt64)] {
        var result: [(ClosedRange<Int>, UInt64)] = []
        for t in side.tokens where side.doc.features[t].flags.contains(.date) {
            var last = t
            var key = entry(side, t).key
            if t + 1 < side.doc.tokens.count, side.tokens.contains(t + 1), side.doc.features[t + 1].flags.contains(.number) {
                last = t + 1
                key = StableHash.combine(key, entry(side, t + 1).key)
            }
            result.append((t...last, key))
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

    private func numbers(_ a: inout Side, _ b: inout Side, _ out: inout [ChangedDetail]) {
        let na = a.tokens.filter { a.doc.features[$0].flags.contains(.number) && !a.covered.contains($0) }
        let nb = b.tokens.filter { b.doc.features[$0].flags.contains(.number) && !b.covered.contains($0) }
        let ka = Set(na.map { entry(a, $0).key }), kb = Set(nb.map { entry(b, $0).key })
        let onlyA = na.filter { !kb.contains(entry(a, $0).key) }, onlyB = nb.filter { !ka.contains(entry(b, $0).key) }
        for (x, y) in zip(onlyA, onlyB) {
            out.append(detail(.number, a, x...x, b, y...y))
            a.covered.insert(x); b.covered.insert(y)
        }
        for x in na where kb.contains(entry(a, x).key) { a.covered.insert(x) }
        for y in nb where ka.contains(entry(b, y).key) { b.covered.insert(y) }
    }

    // MARK: - Attributions

    private func attributionKeys(_ side: Side, _ phrases: [AttributionPhrase]) -> Set<UInt64> {
        var keys: Set<UInt64> = []
        for p in phrases {
            for t in p.firstToken...p.lastToken {
                let e = entry(side, t)
                if Keywords.attributionVerbs.contains(e.wordHash) || Keywords.to == e.wordHash || Keywords.by == e.wordHash { continue }
                if Keywords.articles.contains(e.wordHash) { continue }
                keys.insert(e.key)
            }
        }
        return keys
    }

    private func attributions(_ a: inout Side, _ b: inout Side, _ out: inout [ChangedDetail]) {
        let fa = AttributionFinder(document: a.doc, lexicon: lexicon), fb = AttributionFinder(document: b.doc, lexicon: lexicon)
        let pa = a.sentences.flatMap { fa.phrases(in: $0) }, pb = b.sentences.flatMap { fb.phrases(in: $0) }
        guard !pa.isEmpty, !pb.isEmpty else { return }
        let ka = attributionKeys(a, pa), kb = attributionKeys(b, pb)
        for p in pa { a.covered.formUnion(p.firstToken...p.lastToken) }
        for p in pb { b.covered.formUnion(p.firstToken...p.lastToken) }
        guard ka != kb else { return }
        var d = detail(.attribution, a, pa[0].firstToken...pa[0].lastToken, b, pb[0].firstToken...pb[0].lastToken)
        if pa.count > 1 { d.referenceText = pa.map { a.doc.text(tokens: $0.firstToken, through: $0.lastToken) }.joined(separator: " / ") }
        if pb.count > 1 { d.otherText = pb.map { b.doc.text(tokens: $0.firstToken, through: $0.lastToken) }.joined(separator: " / ") }
        out.append(d)
    }

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

    private func quotes(_ a: inout Side, _ b: inout Side, _ out: inout [ChangedDetail]) {
        let qa = quoteRuns(a), qb = quoteRuns(b)
        guard !qa.isEmpty, !qb.isEmpty else { return }
        for x in qa {
            let keysA = Set(x.filter { a.doc.features[$0].flags.contains(.content) }.map { entry(a, $0).key })
            var best: (ClosedRange<Int>, Int)? = nil
            for y in qb {
                let keysB = Set(y.filter { b.doc.features[$0].flags.contains(.content) }.map { entry(b, $0).key })
                let shared = keysA.intersection(keysB).count
                if shared > 0 && shared > (best?.1 ?? 0) { best = (y, shared) }
            }
            guard let (y, _) = best else { continue }
            let ha = x.map { a.doc.tokens[$0].hash }, hb = y.map { b.doc.tokens[$0].hash }
            if ha != hb {
                out.append(detail(.quote, a, x, b, y))
                a.covered.formUnion(x); b.covered.formUnion(y)
            }
        }
    }

    // MARK: - Names

    private func nameRuns(_ side: Side) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for t in side.tokens where side.doc.features[t].flags.contains(.name) && !side.doc.features[t].flags.contains(.date) && !side.covered.contains(t) {
            if let last = runs.last, last.upperBound == t - 1 { runs[runs.count - 1] = last.lowerBound...t } else { runs.append(t...t) }
        }
        return runs
    }

    /// The part of a name run missing on the other side: the absent words ending at the run's
    /// head (last word), so "Secretary Lloyd Austin" against "the secretary" gives "Lloyd Austin"
    /// and "Masoud Pezeshkian" against "Pezeshkian" gives nothing.
    private func missingName(_ run: ClosedRange<Int>, _ side: Side, _ counterpart: Side) -> ClosedRange<Int>? {
        guard !contains(counterpart, entry(side, run.upperBound)) else { return nil }
        var start = run.upperBound
        while start > run.lowerBound && !contains(counterpart, entry(side, start - 1)) { start -= 1 }
        return start...run.upperBound
    }

    private func names(_ a: inout Side, _ b: inout Side, _ out: inout [ChangedDetail]) {
        var seen: Set<[UInt64]> = []
        for run in nameRuns(a) {
            guard let missing = missingName(run, a, b) else { continue }
            a.covered.formUnion(missing)
            guard seen.insert(missing.map { entry(a, $0).key }).inserted else { continue }
            out.append(detail(.name, a, missing, b, nil))
        }
        seen = []
        for run in nameRuns(b) {
            guard let missing = missingName(run, b, a) else { continue }
            b.covered.formUnion(missing)
            guard seen.insert(missing.map { entry(b, $0).key }).inserted else { continue }
            out.append(detail(.name, a, nil, b, missing))
        }
    }

    // MARK: - Dropped and added words

    private func missing(from side: inout Side, in counterpart: Side, kind: ChangedDetail.Kind, _ out: inout [ChangedDetail]) {
        var run: ClosedRange<Int>? = nil
        func flush() {
            guard let r = run else { return }
            out.append(kind == .droppedDetail ? detail(kind, side, r, counterpart, nil) : detail(kind, counterpart, nil, side, r))
            run = nil
        }
        var previousSentence = -1
        for t in side.tokens {
            let s = side.sentence(of: t)
            if s != previousSentence { flush(); previousSentence = s }
            let f = side.doc.features[t]
            guard f.flags.contains(.content) else { continue }
            if side.covered.contains(t) || contains(counterpart, entry(side, t)) {
                flush()
                continue
            }
            if let r = run, t > r.upperBound + 2 || (r.upperBound + 1 ..< t).contains(where: { side.doc.features[$0].flags.contains(.content) }) {
                flush()
            }
            if t > (run?.upperBound ?? Int.max), let r = run, AttributionFinder(document: side.doc, lexicon: lexicon).boundary(before: t), r.upperBound < t {
                flush()
            }
            run = (run?.lowerBound ?? t)...t
        }
        flush()
    }
}
