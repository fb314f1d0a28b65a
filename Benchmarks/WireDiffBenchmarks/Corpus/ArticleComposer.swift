import WireDiff

/// The words a story is told with: its domain, cast and the event vocabulary it draws.
///
/// Each story draws its own small event vocabulary (verbs, nouns, adjectives) from the large
/// lexicon and reuses it, as real articles do; distinct stories then share only the words that
/// their topic and common English explain.
struct StoryVocabulary: Sendable {
    var domain: Int
    var cast: Cast
    var verbs: [Int]
    var nouns: [Int]
    var adjectives: [Int]
    /// The member of each synonym group this story's author prefers.
    var salt: UInt64
}

/// Composes sentences and articles from a clause grammar with many slot choices.
///
/// Sentence kinds: events (subject, verb, object, modifiers), figures that rose or fell,
/// intentions, quotes, contrasts and causes joining two clauses, background, counts, and a few
/// stock lines. Any of them may carry an attribution in one of eight placements, a fronted or
/// trailing time/place adverbial, and an opener.
///
/// - Complexity: O(words) per sentence.
struct ArticleComposer {
    let lex = LexTable.shared
    var story: StoryVocabulary
    var rng: SplitMix64

    init(story: StoryVocabulary, rng: SplitMix64) {
        self.story = story
        self.rng = rng
    }

    // MARK: Random helpers

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(max(n, 1))) }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) * 0x1p-53 < p }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }

    /// A slot for a group with the story's preferred member (or a random one, rarely).
    mutating func lexSlot(_ group: Int, _ form: LexTable.Form) -> Slot {
        let n = lex.count(group)
        let member = chance(0.12) ? int(n) : Int(StableHash.mix(story.salt ^ UInt64(group)) % UInt64(n))
        return .lex(group: Int32(group), member: UInt8(member), form: form)
    }

    mutating func verbGroup() -> Int { chance(0.92) ? pick(story.verbs) : pick(lex.transitiveVerbs) }
    mutating func nounGroup() -> Int {
        chance(0.92) ? pick(story.nouns) : (chance(0.5) ? pick(lex.nouns) : pick(lex.domainNouns[story.domain]))
    }
    mutating func adjectiveGroup() -> Int { chance(0.9) ? pick(story.adjectives) : pick(lex.adjectives) }

    // MARK: Phrases

    mutating func person() -> [Slot] {
        let i = UInt8(int(story.cast.people.count))
        let forms: [PersonForm] = [.titleFirst, .titleAfter, .last, .last, .title]
        return [.person(index: i, form: pick(forms))]
    }

    mutating func org() -> [Slot] { [.org(index: UInt8(int(story.cast.orgs.count)), short: chance(0.4))] }
    mutating func place() -> Slot { .place(index: UInt8(int(story.cast.places.count))) }

    mutating func nounPhrase(depth: Int = 0) -> (slots: [Slot], plural: Bool) {
        let r = int(100)
        if r < 12 { return (org(), false) }
        if r < 17 {
            return ([.text(pick(["officials", "residents", "authorities", "workers", "people", "leaders"])), .text(pick(["in", "from", "across"])), place()], true)
        }
        let plural = chance(0.3)
        var slots: [Slot] = []
        if plural {
            switch int(6) {
            case 0: slots.append(.text("the"))
            case 1: slots.append(.text(pick(["several", "many", "some", "dozens of", "two", "three", "four", "a number of"])))
            case 2: slots.append(.figure(Figure(kind: .count, value: 2 + int(900), style: 0)))
            case 3: slots.append(.text(pick(["their", "its", "new", "other", "all"])))
            default: break
            }
        } else {
            switch int(6) {
            case 0, 1, 2: slots.append(.text("the"))
            case 3: slots.append(.article)
            case 4: slots.append(.text(pick(["its", "their", "this", "that", "another", "each"])))
            default: slots += [place(), .punct("'s")]
            }
        }
        if chance(0.45) { slots.append(lexSlot(adjectiveGroup(), .base)) }
        let head = nounGroup()
        if chance(0.25) {  // noun adjunct: "housing plan"
            let adjunct = nounGroup()
            if adjunct != head { slots.append(lexSlot(adjunct, .base)) }
        }
        slots.append(lexSlot(head, plural ? .plural : .base))
        if depth == 0 && chance(0.3) {
            if chance(0.3) {
                slots += [.text(pick(["in", "near", "outside", "across"])), place()]
            } else {
                slots.append(.text(pick(["of", "for", "on", "over", "with", "about", "against"])))
                slots += nounPhrase(depth: 1).slots
            }
        }
        return (slots, plural)
    }

    mutating func subject() -> (slots: [Slot], plural: Bool) {
        switch int(10) {
        case 0, 1, 2, 3: return (person(), false)
        case 4, 5: return (org(), false)
        default: return nounPhrase()
        }
    }

    mutating func timePhrase() -> [Slot] {
        switch int(11) {
        case 0, 1, 2: return [.text("on"), .text(Lexicon.weekdays[int(7)])]
        case 3: return [.text(pick(["last", "this", "earlier this", "late last"])), .text(pick(["week", "month"]))]
        case 4: return [.text(pick(["in", "by", "until", "since"])), .text(Lexicon.months[int(12)])]
        case 5: return [.text(pick(["on", "by", "before"])), .text(Lexicon.months[int(12)]), .text("\(1 + int(28))")]
        case 6: return [.text(pick(["late", "early"])), .text("on"), .text(Lexicon.weekdays[int(7)])]
        case 7: return [.text(pick(["earlier", "later"])), .text(pick(["this year", "in the day", "this spring", "this autumn"]))]
        case 8: return [.text(pick(["within", "for", "over", "in the past"])), .figure(Figure(kind: .count, value: 2 + int(10), style: UInt8(int(2)))), .text(pick(["days", "weeks", "months", "years"]))]
        case 9: return [.text(pick(["in", "since", "before"])), .figure(Figure(kind: .year, value: 1990 + int(34), style: 0))]
        default: return [.text(pick(["overnight", "on Sunday night", "at dawn", "in the morning", "over the weekend", "late at night"]))]
        }
    }

    mutating func placePhrase() -> [Slot] {
        [.text(pick(["in", "in", "in", "near", "outside", "across", "throughout", "north of", "south of", "east of", "west of", "around", "beyond", "inside"])), place()]
    }

    mutating func tail() -> [Slot] {
        switch int(20) {
        case 0, 1, 2: return timePhrase()
        case 3, 4: return placePhrase()
        case 5...12:
            let prep = pick(["after", "amid", "despite", "following", "because of", "ahead of", "over", "without", "under", "with", "for", "against", "during", "in response to", "as part of", "beyond", "among", "toward", "alongside", "instead of", "on behalf of", "in favor of", "in spite of", "regarding"])
            return [.text(prep)] + nounPhrase(depth: 1).slots
        case 13, 14, 15: return [.text("to"), lexSlot(verbGroup(), .base)] + nounPhrase(depth: 1).slots
        case 16: return [.text(pick(["worth", "at a cost of", "valued at", "totaling"])), .figure(Figure(kind: .millions, value: 1 + int(2500), style: UInt8(int(2))))]
        case 17: return [.text(pick(["by", "by about", "by nearly"])), .figure(Figure(kind: .percent, value: 1 + int(400), style: UInt8(int(2))))]
        default: return [lexSlot(pick(lex.adverbList), .base)]
        }
    }

    mutating func tails(max: Int) -> [[Slot]] {
        (0..<int(max + 1)).map { _ in tail() }
    }

    // MARK: Clauses

    mutating func eventClause() -> Clause {
        let s = subject()
        let o = nounPhrase()
        return Clause(subject: s.slots, subjectPlural: s.plural, verb: lexSlot(verbGroup(), .past), object: o.slots, objectPlural: o.plural, tails: tails(max: 3))
    }

    mutating func intentClause() -> Clause {
        let s = subject()
        let o = nounPhrase()
        var prefix: [Slot]
        switch int(4) {
        case 0: prefix = [lexSlot(lex.intent, .past)]
        case 1: prefix = [.text(s.plural ? "are" : "is"), .text(pick(["expected to", "likely to", "due to", "set to", "poised to"]))]
        case 2: prefix = [.text(pick(["would", "will", "could", "may", "must"]))]
        default: prefix = [.text(pick(["has", "had"])), .text(pick(["agreed to", "promised to", "vowed to", "declined to", "refused to", "tried to", "moved to"]))]
        }
        return Clause(subject: s.slots, subjectPlural: s.plural, prefix: prefix, verb: lexSlot(verbGroup(), .base), object: o.slots, objectPlural: o.plural, tails: tails(max: 2))
    }

    mutating func figureClause() -> Clause {
        var subject: [Slot] = [.text("the")]
        if chance(0.5) { subject.append(lexSlot(adjectiveGroup(), .base)) }
        subject.append(lexSlot(nounGroup(), .base))
        subject.append(.text(pick(["rate", "figure", "count", "total", "index", "budget", "price", "backlog", "number", "share"])))
        var tails: [[Slot]] = [[.text("by"), .figure(Figure(kind: .percent, value: 1 + int(300), style: UInt8(int(2))))]]
        if chance(0.5) {
            tails.append([.text("to"), .figure(chance(0.5) ? Figure(kind: .millions, value: 1 + int(3000), style: UInt8(int(2))) : Figure(kind: .count, value: 10 + int(90000), style: 0))])
        }
        if chance(0.6) { tails.append(timePhrase()) }
        return Clause(subject: subject, subjectPlural: false, verb: lexSlot(pick(lex.changeVerbs), .past), tails: tails)
    }

    mutating func backgroundClause() -> Clause {
        let s = nounPhrase()
        let prefix: [Slot] = [.text(s.plural ? pick(["have been", "had been", "were"]) : pick(["has been", "had been", "was"]))]
        var tails = [timePhrase()]
        if chance(0.5) { tails.insert(placePhrase(), at: 0) }
        return Clause(subject: s.slots, subjectPlural: s.plural, prefix: prefix, verb: lexSlot(verbGroup(), .participle), tails: tails)
    }

    mutating func countClause() -> Clause {
        let lead: [Slot] = [.text(pick(["at least", "more than", "nearly", "about", "some", "up to"])), .figure(Figure(kind: .count, value: 3 + int(5000), style: 0)), lexSlot(nounGroup(), .plural)]
        return Clause(subject: lead, subjectPlural: true, prefix: [.text(pick(["were", "have been", "had been", "will be"]))], verb: lexSlot(verbGroup(), .participle), tails: tails(max: 1))
    }

    mutating func quoteClause() -> Clause {
        let o = nounPhrase()
        switch int(5) {
        case 0:
            return Clause(subject: [.text(pick(["we", "they", "I"]))], subjectPlural: true, prefix: [.text(pick(["will", "want to", "cannot", "need to", "have to", "are ready to", "will not"]))], verb: lexSlot(verbGroup(), .base), object: o.slots, objectPlural: o.plural, tails: tails(max: 1))
        case 1:
            return Clause(subject: [.text(pick(["this", "that", "it"]))], subjectPlural: false, prefix: [.text(pick(["is", "was", "remains"]))], object: [.text(pick(["not", "simply", "clearly", "in many ways", "above all"]))] + [.article, lexSlot(adjectiveGroup(), .base), lexSlot(nounGroup(), .base)], tails: tails(max: 1))
        case 2:
            return Clause(subject: [.text("there")], subjectPlural: false, prefix: [.text(pick(["is no", "was never", "is still", "has been"]))], object: [.article, lexSlot(adjectiveGroup(), .base), lexSlot(nounGroup(), .base)], tails: tails(max: 1))
        default:
            var c = eventClause()
            c.subject = [.text(pick(["we", "they", "our team", "the people here", "nobody"]))]
            c.subjectPlural = true
            return c
        }
    }

    // MARK: Sentences

    mutating func attribution(quote: Bool) -> Attribution {
        let speaker = chance(0.7) ? person() : (chance(0.5) ? org() : [.text(pick(["officials", "a spokesperson", "police", "analysts", "witnesses", "a source familiar with the matter"]))])
        let styles: [Attribution.Style] = quote ? [.quoteEnd, .quoteEnd, .quoteFront] : [.saidThat, .saidBare, .endSaid, .endSaidInverted, .accordingToFront, .accordingToEnd]
        guard case .lex(_, let member, _) = lexSlot(lex.sayVerb, .past) else { fatalError("lexSlot returns .lex") }
        return Attribution(speaker: speaker, verbMember: member, style: pick(styles))
    }

    mutating func sentence() -> SentenceModel {
        var s: SentenceModel
        let kind = int(100)
        switch kind {
        case 0..<34: s = SentenceModel(clauses: [eventClause()])
        case 34..<40: s = SentenceModel(clauses: [figureClause()])
        case 40..<50: s = SentenceModel(clauses: [intentClause()])
        case 50..<62:
            s = SentenceModel(clauses: [quoteClause()])
            if chance(0.4) { s.clauses.append(quoteClause()); s.connectors = [[lexSlot(chance(0.5) ? lex.contrast : lex.addition, .base)]] }
            s.attribution = attribution(quote: true)
            return s
        case 62..<72:
            s = SentenceModel(clauses: [eventClause(), chance(0.5) ? eventClause() : intentClause()])
            s.connectors = [[lexSlot(lex.contrast, .base)]]
        case 72..<79:
            s = SentenceModel(clauses: [eventClause(), chance(0.5) ? eventClause() : figureClause()])
            s.connectors = [[lexSlot(lex.cause, .base)]]
        case 79..<87: s = SentenceModel(clauses: [backgroundClause()])
        case 87..<94: s = SentenceModel(clauses: [countClause()])
        case 94..<97:
            return SentenceModel(clauses: [], fixed: org() + [.text(pick(["did not immediately respond to a request for comment", "declined to comment", "did not return calls seeking comment", "said it was reviewing the matter"]))])
        default:
            s = SentenceModel(clauses: [eventClause()])
            s.clauses[0].passive = true
        }
        if chance(0.2) { s.lead = chance(0.6) ? timePhrase() : placePhrase(); s.leadFront = chance(0.6) }
        if chance(0.1) { s.opener = [lexSlot(lex.openers, .base)] }
        if chance(0.12) { s.clauses[0].passive = true }
        if chance(0.3) { s.attribution = attribution(quote: false) }
        return s
    }

    mutating func headline() -> [Slot] {
        let s = chance(0.5) ? [Slot.org(index: UInt8(int(story.cast.orgs.count)), short: true)] : [Slot.person(index: UInt8(int(story.cast.people.count)), form: .last)]
        var slots = s + [lexSlot(verbGroup(), .third)] + nounPhrase(depth: 1).slots
        if chance(0.5) { slots += placePhrase() }
        return slots
    }

    mutating func paragraphs(for count: Int) -> [Int] {
        var out: [Int] = []
        var left = count
        while left > 0 {
            let n = Swift.min(left, out.isEmpty ? 1 + int(2) : 1 + int(3))
            out.append(n)
            left -= n
        }
        return out
    }

    mutating func article(sentences count: Int) -> ArticleModel {
        let sentences = (0..<count).map { _ in sentence() }
        return ArticleModel(headline: headline(), sentences: sentences, paragraphs: paragraphs(for: count))
    }

    // MARK: Stories

    /// Draws a new story: domain, cast, event vocabulary.
    static func newStory(rng: inout SplitMix64) -> StoryVocabulary {
        var c = ArticleComposer(story: StoryVocabulary(domain: 0, cast: Cast(people: [], orgs: [], places: []), verbs: [], nouns: [], adjectives: [], salt: 0), rng: rng)
        let lex = LexTable.shared
        let domain = c.int(Lexicon.domains.count)
        let d = Lexicon.domains[domain]
        func surname(_ c: inout ArticleComposer) -> String { c.pick(Lexicon.surnameStarts) + c.pick(Lexicon.surnameEnds) }
        func placeName(_ c: inout ArticleComposer) -> String {
            let name = c.pick(Lexicon.placeStarts) + c.pick(Lexicon.placeEnds)
            return c.chance(0.12) ? c.pick(["Port", "Mount", "Lake", "Fort", "San"]) + " " + name : name
        }
        let generic = ["Mayor", "Senator", "opposition leader", "council member", "union leader", "Governor", "Professor", "regional administrator"]
        let people = (0..<(2 + c.int(4))).map { _ in
            Cast.Person(first: c.pick(Lexicon.firstNames), last: surname(&c), title: c.chance(0.6) ? c.pick(d.titles) : c.pick(generic))
        }
        let places = (0..<(1 + c.int(3))).map { _ in placeName(&c) }
        let orgs = (0..<(1 + c.int(3))).map { i -> Cast.Org in
            if c.chance(0.5) {
                let kind = c.pick(d.orgKinds)
                return Cast.Org(full: "the \(places[i % places.count]) \(kind)", short: "the " + (kind.split(separator: " ").last.map(String.init)?.lowercased() ?? "agency"))
            }
            let name = c.pick(Lexicon.orgNameStarts) + c.pick(Lexicon.orgNameEnds)
            return Cast.Org(full: "\(name) \(c.pick(Lexicon.companySuffixes))", short: name)
        }
        var v = StoryVocabulary(domain: domain, cast: Cast(people: people, orgs: orgs, places: places), verbs: [], nouns: [], adjectives: [], salt: c.rng.next())
        v.verbs = (0..<(8 + c.int(6))).map { _ in c.pick(lex.transitiveVerbs) }
        v.nouns = (0..<(9 + c.int(5))).map { _ in c.pick(lex.domainNouns[domain]) } + (0..<(5 + c.int(5))).map { _ in c.pick(lex.nouns) }
        v.adjectives = (0..<(4 + c.int(4))).map { _ in c.pick(lex.adjectives) } + (0..<2).map { _ in c.pick(lex.domainAdjectives[domain]) }
        rng = c.rng
        return v
    }

    /// A different story on the same topic with the same people and places.
    static func relatedStory(to base: StoryVocabulary, rng: inout SplitMix64) -> StoryVocabulary {
        var fresh = newStory(rng: &rng)
        let lex = LexTable.shared
        var c = ArticleComposer(story: base, rng: rng)
        let newcomer = fresh.cast.people[0]
        fresh.domain = base.domain
        fresh.cast = base.cast
        if c.chance(0.5) { fresh.cast.people.append(newcomer) }
        // Same topic: half of the topic nouns shared, the rest new from the same domain.
        fresh.nouns = base.nouns.filter { _ in c.chance(0.5) } + (0..<(6 + c.int(4))).map { _ in c.pick(lex.domainNouns[base.domain]) }
        fresh.adjectives = fresh.adjectives.filter { _ in c.chance(0.5) } + (0..<2).map { _ in c.pick(lex.domainAdjectives[base.domain]) }
        rng = c.rng
        return fresh
    }
}
