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
/// "Iran"); a shared stem prefix of five bytes or more ("Iran"/"Iranian"). Within one level the
/// pairs whose neighbouring content words also match link first, then those at the nearest
/// relative position. Word order plays no other part, so moved phrases still align.
///
/// - Complexity: O(n m) key comparisons for n and m words, plus concept look-ups for the words
///   left after the key level; with context, O(c log c) to order the c candidate pairs of a level.
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
        /// Part of a name (capitalized, not sentence-initial).
        var isName = false
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
        // Keys read once (an entry is a large struct; copying it retains its arrays).
        let kx = x.map { entries[Int($0.entry)].key }, ky = y.map { entries[Int($0.entry)].key }
        func link(_ i: Int, _ j: Int, _ match: Match) {
            result.linkOfA[i] = result.links.count
            result.linkOfB[j] = result.links.count
            result.links.append(Link(a: i, b: j, match: match))
        }
        func position(_ i: Int, _ n: Int) -> Float { n > 1 ? Float(i) / Float(n - 1) : 0.5 }
        func neighbours(_ i: Int, _ j: Int) -> Int {
            var c = 0
            if i > 0 && j > 0 && kx[i - 1] == ky[j - 1] { c += 1 }
            if i + 1 < x.count && j + 1 < y.count && kx[i + 1] == ky[j + 1] { c += 1 }
            return c
        }
        /// Links the free words of x and y among those `matches`: with `context`, the pairs
        /// with the most matching neighbours first, then the nearest in relative position, so
        /// a word written twice on one side goes to the copy the other side's context confirms
        /// ("… to McPake, who looked offside. The home side called for offside …"); without,
        /// each word of x to its first free candidate.
        func pass(_ match: Match, _ matches: (Int, Int) -> Bool) {
            guard context else {
                for i in x.indices where result.linkOfA[i] < 0 {
                    if let j = y.indices.first(where: { result.linkOfB[$0] < 0 && matches(i, $0) }) { link(i, j, match) }
                }
                return
            }
            var candidates: [(context: Int, distance: Float, i: Int, j: Int)] = []
            for i in x.indices where result.linkOfA[i] < 0 {
                for j in y.indices where result.linkOfB[j] < 0 && matches(i, j) {
                    candidates.append((neighbours(i, j), abs(position(i, x.count) - position(j, y.count)), i, j))
                }
            }
            candidates.sort {
                if $0.context != $1.context { return $0.context > $1.context }
                return ($0.distance, $0.i, $0.j) < ($1.distance, $1.i, $1.j)
            }
            for c in candidates where result.linkOfA[c.i] < 0 && result.linkOfB[c.j] < 0 { link(c.i, c.j, match) }
        }
        pass(.key) { kx[$0] == ky[$1] }
        if result.links.count == min(x.count, y.count) { return result }
        acronyms(x, y, entries: entries, acronymOnA: true, &result)
        acronyms(y, x, entries: entries, acronymOnA: false, &result)
        // Lexical relations of the free words, computed once for both lexical levels.
        let freeA = x.indices.filter { result.linkOfA[$0] < 0 }, freeB = y.indices.filter { result.linkOfB[$0] < 0 }
        guard !freeA.isEmpty, !freeB.isEmpty else { return result }
        var relation = [LexicalTable.Relation](repeating: .none, count: x.count * y.count)
        var any = false
        for i in freeA {
            let ex = entries.baseAddress! + Int(x[i].entry)
            guard !ex.pointee.isNumber, !ex.pointee.concepts.isEmpty else { continue }
            for j in freeB {
                let ey = entries.baseAddress! + Int(y[j].entry)
                guard !ey.pointee.isNumber, !ey.pointee.concepts.isEmpty else { continue }
                let r = ex.pointee.concepts.relation(to: ey.pointee.concepts)
                relation[i * y.count + j] = r
                if r != .none { any = true }
            }
        }
        if any {
            pass(.synonym) { relation[$0 * y.count + $1] == .synonym }
            pass(.related) { relation[$0 * y.count + $1] == .related }
        }
        pass(.prefix) { sharePrefix(entries.baseAddress! + Int(x[$0].entry), entries.baseAddress! + Int(y[$1].entry)) }
        return result
    }

    /// What an alignment of two word lists amounts to: the weight aligned on each side (each
    /// word scaled by its link's ``Match/weight``) out of the side's total, and the facts left
    /// without a counterpart.
    struct Summary: Sendable {
        var alignedA: Float = 0, totalA: Float = 0
        var alignedB: Float = 0, totalB: Float = 0
        /// Figures of each side with no counterpart.
        var unmatchedNumbersA = 0, unmatchedNumbersB = 0
        /// Whether unmatched figures on both sides cannot be one figure changed.
        var contradictingNumbers = false
        /// Names of each side with no counterpart.
        var unmatchedNamesA = 0, unmatchedNamesB = 0
        /// A negation on one side only.
        var negationMismatch = false
        /// Content words of each side with no counterpart.
        var unmatchedWordsA = 0, unmatchedWordsB = 0

        var coverageA: Double { totalA > 0 ? Double(min(1, alignedA / totalA)) : 0 }
        var coverageB: Double { totalB > 0 ? Double(min(1, alignedB / totalB)) : 0 }

        /// The similarity in [0, 1]: the aligned weight of both sides over their total weight;
        /// contradicting figures count ``conflictPenalty`` more times ("five killed" against
        /// "600 killed" are different facts).
        var similarity: Double {
            var total = totalA + totalB
            if contradictingNumbers { total += conflictPenalty * (numberWeightA + numberWeightB) }
            return total > 0 ? Double(min(1, (alignedA + alignedB) / total)) : 0
        }
        var numberWeightA: Float = 0, numberWeightB: Float = 0
    }

    /// Aligns `x` and `y` and sums up the result (``Summary``).
    static func summary(_ x: [Word], _ y: [Word], entries: UnsafeBufferPointer<Lexicon.Entry>) -> Summary {
        var s = Summary()
        for w in x { s.totalA += w.weight }
        for w in y { s.totalB += w.weight }
        guard s.totalA > 0, s.totalB > 0 else { return s }
        let result = align(x, y, entries: entries, context: false)
        for (i, k) in result.linkOfA.enumerated() where k >= 0 { s.alignedA += result.links[k].match.weight * x[i].weight }
        for (j, k) in result.linkOfB.enumerated() where k >= 0 { s.alignedB += result.links[k].match.weight * y[j].weight }
        let numbersA = x.indices.filter { result.linkOfA[$0] < 0 && entries[Int(x[$0].entry)].isNumber }
        let numbersB = y.indices.filter { result.linkOfB[$0] < 0 && entries[Int(y[$0].entry)].isNumber }
        s.unmatchedNumbersA = numbersA.count
        s.unmatchedNumbersB = numbersB.count
        if !numbersA.isEmpty && !numbersB.isEmpty {
            s.contradictingNumbers = !numbersA.contains { i in numbersB.contains { j in
                NumberValue.couldBeChanged(entries[Int(x[i].entry)].value, entries[Int(y[j].entry)].value)
            } }
            for i in numbersA { s.numberWeightA += x[i].weight }
            for j in numbersB { s.numberWeightB += y[j].weight }
        }
        s.unmatchedNamesA = x.indices.filter { result.linkOfA[$0] < 0 && x[$0].isName }.count
        s.unmatchedNamesB = y.indices.filter { result.linkOfB[$0] < 0 && y[$0].isName }.count
        let negationsA = x.indices.filter { result.linkOfA[$0] < 0 && entries[Int(x[$0].entry)].isNegation }.count
        let negationsB = y.indices.filter { result.linkOfB[$0] < 0 && entries[Int(y[$0].entry)].isNegation }.count
        s.negationMismatch = negationsA + negationsB > 0
        s.unmatchedWordsA = result.linkOfA.filter { $0 < 0 }.count
        s.unmatchedWordsB = result.linkOfB.filter { $0 < 0 }.count
        return s
    }

    /// The similarity of two word lists in [0, 1] (``Summary/similarity``).
    static func similarity(_ x: [Word], _ y: [Word], entries: UnsafeBufferPointer<Lexicon.Entry>) -> Double {
        summary(x, y, entries: entries).similarity
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
    static func sharePrefix(_ x: UnsafePointer<Lexicon.Entry>, _ y: UnsafePointer<Lexicon.Entry>) -> Bool {
        if x.pointee.isNumber || y.pointee.isNumber || x.pointee.isNegation || y.pointee.isNegation { return false }
        return x.pointee.stem.withUnsafeBufferPointer { a in
            y.pointee.stem.withUnsafeBufferPointer { b in
                let shorter = min(a.count, b.count)
                guard shorter >= 4 else { return false }
                var k = 0
                while k < shorter && a[k] == b[k] { k += 1 }
                return k >= min(5, shorter)
            }
        }
    }
}
