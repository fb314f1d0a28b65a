/// Aligns the content words of two passages one to one, in the spirit of the monolingual word
/// aligner of Sultan, Bethard & Sumner, "Back to Basics for Monolingual Alignment" (TACL 2014):
/// the strongest evidence first, context to break ties. The sentence aligner scores sentence
/// pairs by the weight it aligns (``similarity(_:_:entries:)``, after Sultan, Bethard & Sumner,
/// "DLS@CU: Sentence Similarity from Word Alignment", SemEval 2014); the fact extractor reads
/// what it leaves unaligned.
///
/// Evidence, strongest first (``Match``): the same key (stem, British/American spelling,
/// negation, number value: "2" = "two"); an acronym and its words ("EU" = "European Union");
/// WordNet synonyms; a broader or derived term ("assassination" → "killing", "Tehran" →
/// "Iran"); a shared stem prefix of five bytes or more ("Iran"/"Iranian"). Within one level a
/// word takes the candidate whose neighbouring content words also match, then the one at the
/// nearest relative position. Word order plays no other part, so moved phrases still align.
///
/// - Complexity: O(n m) key comparisons for n and m words, plus concept look-ups for the words
///   left after the key level.
enum WordAligner {
    /// The kind of evidence behind a word link, strongest first.
    enum Match: UInt8, Sendable, Comparable {
        case key, acronym, synonym, related, prefix

        static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }

        /// The credit a link of this kind gives to sentence similarity.
        var weight: Float {
            switch self {
            case .key, .acronym: 1
            case .synonym: 0.9
            case .related: 0.7
            case .prefix: 0.8
            }
        }
    }

    /// Extra weight of figures that contradict each other (see ``similarity(_:_:entries:)``).
    static let conflictPenalty: Float = 2

    /// A content word to align: its ``Lexicon`` entry, its weight (for similarity), its token
    /// position (for acronym runs) and capitalization.
    struct Word: Sendable, Hashable {
        var entry: Int32
        var weight: Float
        var position: Int32
        var capitalized: Bool
        var allCaps: Bool
    }

    /// One link: indices into the two word lists. An acronym links to the last word of its
    /// expansion; the expansion's other words are in ``Result/absorbed``.
    struct Link: Sendable, Hashable {
        var a: Int
        var b: Int
        var match: Match
    }

    struct Result: Sendable {
        var links: [Link] = []
        /// For each word of each side, the index of its link, or -1.
        var linkOfA: [Int]
        var linkOfB: [Int]
    }

    /// Aligns `x` with `y`; `context` breaks ties by neighbours and position (the fact
    /// extractor), else the first candidate wins (scoring, where only the weight counts).
    static func align(_ x: [Word], _ y: [Word], entries: UnsafeBufferPointer<Lexicon.Entry>, context: Bool = true) -> Result {
        var result = Result(linkOfA: [Int](repeating: -1, count: x.count), linkOfB: [Int](repeating: -1, count: y.count))
        guard !x.isEmpty, !y.isEmpty else { return result }
        func link(_ i: Int, _ j: Int, _ match: Match) {
            result.linkOfA[i] = result.links.count
            result.linkOfB[j] = result.links.count
            result.links.append(Link(a: i, b: j, match: match))
        }
        func position(_ i: Int, _ n: Int) -> Float { n > 1 ? Float(i) / Float(n - 1) : 0.5 }
        func neighbours(_ i: Int, _ j: Int) -> Int {
            var c = 0
            if i > 0 && j > 0 && entries[Int(x[i - 1].entry)].key == entries[Int(y[j - 1].entry)].key { c += 1 }
            if i + 1 < x.count && j + 1 < y.count && entries[Int(x[i + 1].entry)].key == entries[Int(y[j + 1].entry)].key { c += 1 }
            return c
        }
        /// Links each free word of x to its best free candidate of y among those `matches`.
        func pass(_ match: Match, _ matches: (Int, Int) -> Bool) {
            for i in x.indices where result.linkOfA[i] < 0 {
                var best = -1, bestContext = -1, bestDistance: Float = .infinity
                for j in y.indices where result.linkOfB[j] < 0 && matches(i, j) {
                    guard context else { best = j; break }
                    let c = neighbours(i, j), d = abs(position(i, x.count) - position(j, y.count))
                    if c > bestContext || (c == bestContext && d < bestDistance) { best = j; bestContext = c; bestDistance = d }
                }
                if best >= 0 { link(i, best, match) }
            }
        }
        pass(.key) { entries[Int(x[$0].entry)].key == entries[Int(y[$1].entry)].key }
        if result.links.count == min(x.count, y.count) { return result }
        acronyms(x, y, entries: entries, acronymOnA: true, &result)
        acronyms(y, x, entries: entries, acronymOnA: false, &result)
        func lexical(_ i: Int, _ j: Int) -> LexicalTable.Relation {
            let ex = entries[Int(x[i].entry)], ey = entries[Int(y[j].entry)]
            guard !ex.isNumber, !ey.isNumber else { return .none }
            return ex.concepts.relation(to: ey.concepts)
        }
        pass(.synonym) { lexical($0, $1) == .synonym }
        pass(.related) { lexical($0, $1) == .related }
        pass(.prefix) { sharePrefix(entries[Int(x[$0].entry)], entries[Int(y[$1].entry)]) }
        return result
    }

    /// The similarity of two word lists in [0, 1]: the weight of the aligned words of both
    /// sides, each scaled by its link's ``Match/weight``, over the weight of all words.
    static func similarity(_ x: [Word], _ y: [Word], entries: UnsafeBufferPointer<Lexicon.Entry>) -> Double {
        var totalA: Float = 0, totalB: Float = 0
        for w in x { totalA += w.weight }
        for w in y { totalB += w.weight }
        guard totalA > 0, totalB > 0 else { return 0 }
        let result = align(x, y, entries: entries, context: false)
        var alignedA: Float = 0, alignedB: Float = 0
        for (i, k) in result.linkOfA.enumerated() where k >= 0 { alignedA += result.links[k].match.weight * x[i].weight }
        for (j, k) in result.linkOfB.enumerated() where k >= 0 { alignedB += result.links[k].match.weight * y[j].weight }
        // Figures on both sides that cannot be one figure changed are evidence of different
        // facts ("five killed" against "600 killed"): they count 1 + conflictPenalty times.
        let numbersA = x.indices.filter { result.linkOfA[$0] < 0 && entries[Int(x[$0].entry)].isNumber }
        let numbersB = y.indices.filter { result.linkOfB[$0] < 0 && entries[Int(y[$0].entry)].isNumber }
        if !numbersA.isEmpty && !numbersB.isEmpty {
            let close = numbersA.contains { i in numbersB.contains { j in
                NumberValue.couldBeChanged(entries[Int(x[i].entry)].value, entries[Int(y[j].entry)].value)
            } }
            if !close {
                for i in numbersA { totalA += WordAligner.conflictPenalty * x[i].weight }
                for j in numbersB { totalB += WordAligner.conflictPenalty * y[j].weight }
            }
        }
        return min(1, Double((alignedA + alignedB) / (totalA + totalB)))
    }

    /// The share of `x`'s weight aligned to words of `y`, each scaled by its link's
    /// ``Match/weight``, in [0, 1].
    static func coverage(_ x: [Word], by y: [Word], entries: UnsafeBufferPointer<Lexicon.Entry>) -> Double {
        var total: Float = 0
        for w in x { total += w.weight }
        guard total > 0 else { return 0 }
        let result = align(x, y, entries: entries, context: false)
        var aligned: Float = 0
        for (i, k) in result.linkOfA.enumerated() where k >= 0 { aligned += result.links[k].match.weight * x[i].weight }
        return Double(min(1, aligned / total))
    }

    /// Links free all-caps words of `x` ("EU", "US") to a run of free capitalized words of `y`
    /// whose initials spell them ("European Union", "United States"; "of", "and", "the" may
    /// come between). The link goes to the run's last word; the others are linked to it too.
    private static func acronyms(_ x: [Word], _ y: [Word], entries: UnsafeBufferPointer<Lexicon.Entry>, acronymOnA: Bool, _ result: inout Result) {
        func free(_ i: Int, onA: Bool) -> Bool { onA ? result.linkOfA[i] < 0 : result.linkOfB[i] < 0 }
        for i in x.indices where free(i, onA: acronymOnA) && x[i].allCaps {
            let letters = entries[Int(x[i].entry)].normalized
            guard letters.count >= 2, letters.count <= 5, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7a }) else { continue }
            search: for j in y.indices where free(j, onA: !acronymOnA) && y[j].capitalized && entries[Int(y[j].entry)].normalized.first == letters[0] {
                var k = j
                var run = [j]
                while run.count < letters.count {
                    guard k + 1 < y.count, free(k + 1, onA: !acronymOnA), y[k + 1].position - y[k].position <= 3, y[k + 1].capitalized,
                          entries[Int(y[k + 1].entry)].normalized.first == letters[run.count] else { continue search }
                    k += 1
                    run.append(k)
                }
                let index = result.links.count
                if acronymOnA {
                    result.links.append(Link(a: i, b: k, match: .acronym))
                    result.linkOfA[i] = index
                    for r in run { result.linkOfB[r] = index }
                } else {
                    result.links.append(Link(a: k, b: i, match: .acronym))
                    result.linkOfB[i] = index
                    for r in run { result.linkOfA[r] = index }
                }
                break
            }
        }
    }

    /// Whether two word stems share a prefix of at least five bytes (or the whole of a stem of
    /// four: "Iran"/"Iranian", "assassinate"/"assassination").
    static func sharePrefix(_ x: Lexicon.Entry, _ y: Lexicon.Entry) -> Bool {
        if x.isNumber || y.isNumber || x.isNegation || y.isNegation { return false }
        let shorter = min(x.stem.count, y.stem.count)
        guard shorter >= 4 else { return false }
        var k = 0
        while k < shorter && x.stem[k] == y.stem[k] { k += 1 }
        return k >= min(5, shorter)
    }
}
