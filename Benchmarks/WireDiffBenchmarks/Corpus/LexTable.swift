/// The compiled vocabulary: every word group of `Lexicon` with its inflected forms.
///
/// A group is addressed by index; a member by its index inside the group. Forms are
/// `base`, `past` (or noun plural), `participle`, `third` (third person singular).
struct LexTable: Sendable {
    struct Word: Sendable {
        let forms: [String]  // base, past/plural, participle, third
    }

    enum Form: UInt8, Sendable {
        case base = 0, past = 1, participle = 2, third = 3
        static let plural = Form.past
    }

    private(set) var groups: [[Word]] = []
    var transitiveVerbs: [Int] = []
    var changeVerbs: [Int] = []
    var sayVerb = 0
    var intent = 0
    var adjectives: [Int] = []
    var nouns: [Int] = []
    var adverbs: [String: Int] = [:]
    var adverbList: [Int] = []
    var contrast = 0, addition = 0, openers = 0, cause = 0
    /// Per domain: single-member topic noun groups and adjective groups.
    var domainNouns: [[Int]] = []
    var domainAdjectives: [[Int]] = []

    static let shared = LexTable()

    private init() {
        func verbGroup(_ spec: String) -> Int { add(spec.split(separator: "|").map { Self.verb(String($0)) }) }
        func nounGroup(_ spec: String) -> Int { add(spec.split(separator: "|").map { Self.noun(String($0)) }) }
        func plainGroup(_ spec: String) -> Int { add(spec.split(separator: "|").map { Word(forms: Array(repeating: String($0), count: 4)) }) }
        transitiveVerbs = Lexicon.transitiveVerbs.map(verbGroup)
        changeVerbs = Lexicon.changeVerbs.map(verbGroup)
        sayVerb = verbGroup(Lexicon.sayVerbs)
        intent = verbGroup(Lexicon.intentPhrases)
        adjectives = Lexicon.adjectives.map(plainGroup)
        nouns = Lexicon.nouns.map(nounGroup)
        for spec in Lexicon.adverbs {
            let g = plainGroup(spec)
            adverbs[String(spec.split(separator: "|")[0])] = g
            adverbList.append(g)
        }
        contrast = plainGroup(Lexicon.contrastConnectors)
        addition = plainGroup(Lexicon.additionConnectors)
        openers = plainGroup(Lexicon.sentenceOpeners)
        cause = plainGroup(Lexicon.causeConnectors)
        for domain in Lexicon.domains {
            domainNouns.append(domain.nouns.map(nounGroup))
            domainAdjectives.append(domain.adjectives.map(plainGroup))
        }
    }

    private mutating func add(_ words: [Word]) -> Int {
        groups.append(words)
        return groups.count - 1
    }

    func word(_ group: Int, _ member: Int, _ form: Form) -> String {
        groups[group][member].forms[Int(form.rawValue)]
    }

    func count(_ group: Int) -> Int { groups[group].count }

    // MARK: Inflection

    static func isVowel(_ c: Character) -> Bool { "aeiou".contains(c) }

    static func suffixS(_ w: String) -> String {
        if w.hasSuffix("s") || w.hasSuffix("sh") || w.hasSuffix("ch") || w.hasSuffix("x") || w.hasSuffix("z") { return w + "es" }
        if w.hasSuffix("y"), w.count > 1, !isVowel(w[w.index(w.endIndex, offsetBy: -2)]) { return String(w.dropLast()) + "ies" }
        return w + "s"
    }

    static func suffixED(_ w: String) -> String {
        if w.hasSuffix("e") { return w + "d" }
        if w.hasSuffix("y"), w.count > 1, !isVowel(w[w.index(w.endIndex, offsetBy: -2)]) { return String(w.dropLast()) + "ied" }
        return w + "ed"
    }

    /// Inflects the first word of a multiword verb.
    static func inflectFirst(_ phrase: String, _ f: (String) -> String) -> String {
        guard let space = phrase.firstIndex(of: " ") else { return f(phrase) }
        return f(String(phrase[..<space])) + phrase[space...]
    }

    static func verb(_ spec: String) -> Word {
        let parts = spec.split(separator: ":").map(String.init)
        let base = parts[0]
        let past = parts.count > 1 ? parts[1] : inflectFirst(base, suffixED)
        let participle = parts.count > 2 ? parts[2] : past
        return Word(forms: [base, past, participle, inflectFirst(base, suffixS)])
    }

    static func noun(_ spec: String) -> Word {
        let parts = spec.split(separator: ":").map(String.init)
        let singular = parts[0]
        let plural: String
        if parts.count > 1 {
            plural = parts[1]
        } else if let last = singular.split(separator: " ").last, singular.contains(" ") {
            plural = String(singular.dropLast(last.count)) + suffixS(String(last))
        } else {
            plural = suffixS(singular)
        }
        return Word(forms: [singular, plural, singular, singular])
    }
}
