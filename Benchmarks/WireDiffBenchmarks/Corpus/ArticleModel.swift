/// The structured form of a generated article, from which the text is rendered.
///
/// Articles are kept as sentences of clauses of slots rather than as text so that rewrites can
/// paraphrase them the way editors do: swap a word for a synonym, turn a clause passive, move an
/// adverbial or an attribution, merge or split sentences, change a figure.

/// One word position: a literal, punctuation, a lexicon word, an entity or a figure.
enum Slot: Sendable {
    case text(String)
    case punct(String)
    case lex(group: Int32, member: UInt8, form: LexTable.Form)
    /// "a" or "an", decided by the next rendered word.
    case article
    case person(index: UInt8, form: PersonForm)
    case org(index: UInt8, short: Bool)
    case place(index: UInt8)
    case figure(Figure)
}

enum PersonForm: UInt8, Sendable, CaseIterable {
    /// "Finance Minister Maria Kelton"
    case titleFirst
    /// "Maria Kelton, the finance minister,"  (appositive; rendered with commas)
    case titleAfter
    /// "Kelton"
    case last
    /// "the finance minister"
    case title
}

struct Figure: Sendable {
    enum Kind: UInt8, Sendable { case percent, millions, count, year }
    var kind: Kind
    /// Tenths for percent, whole units otherwise.
    var value: Int
    /// A surface variant ("4.5 percent" / "4.5%", "$12 million" / "12 million dollars").
    var style: UInt8
}

struct Clause: Sendable {
    var subject: [Slot]
    var subjectPlural: Bool
    /// Words before the verb ("plans to", "has been").
    var prefix: [Slot] = []
    /// The verb, if the clause has one that can change form.
    var verb: Slot?
    var object: [Slot] = []
    var objectPlural = false
    var tails: [[Slot]] = []
    var passive = false

    /// Whether the clause may be rendered passive: simple past transitive.
    var canBePassive: Bool {
        guard prefix.isEmpty, !object.isEmpty, case .lex(_, _, .past)? = verb else { return false }
        return true
    }
}

struct Attribution: Sendable {
    enum Style: UInt8, Sendable, CaseIterable {
        case saidThat, saidBare, endSaid, endSaidInverted, accordingToFront, accordingToEnd, quoteEnd, quoteFront
    }
    var speaker: [Slot]
    var verbMember: UInt8
    var style: Style
}

struct SentenceModel: Sendable {
    /// A sentence opener ("However,"): a lexicon group slot, or empty.
    var opener: [Slot] = []
    /// A movable adverbial (time or place), rendered at the front or at the end.
    var lead: [Slot] = []
    var leadFront = true
    var clauses: [Clause]
    /// Connector slots between clauses (count = clauses.count - 1), rendered after a comma.
    var connectors: [[Slot]] = []
    var attribution: Attribution?
    /// A fixed sentence rendered as is (stock phrases).
    var fixed: [Slot]?
}

struct ArticleModel: Sendable {
    var headline: [Slot]
    var sentences: [SentenceModel]
    /// Sentences per paragraph, in order.
    var paragraphs: [Int]
}

/// The people, organisations and places of a story; shared with same-topic distractors.
struct Cast: Sendable {
    struct Person: Sendable { var first: String; var last: String; var title: String }
    struct Org: Sendable { var full: String; var short: String }
    var people: [Person]
    var orgs: [Org]
    var places: [String]
}
