/// Word lists used by the fact extractor, as ``StableHash`` values of lowercase words so tests
/// against tokens compare integers.
enum Keywords {
    static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map { StableHash.hash($0) }) }

    static let weekdays = hashes(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
    static let months = hashes([
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ])
    /// Month names that are also common words; they count as dates only when capitalized.
    static let ambiguousMonths = hashes(["may", "march", "mar", "jan", "dec", "sep", "oct", "nov", "aug", "jun", "jul", "apr", "feb"])
    static let relativeDays = hashes(["yesterday", "today", "tonight", "tomorrow", "overnight", "weekend"])

    /// Verbs that attribute a statement ("said", "told").
    static let attributionVerbs = hashes([
        "said", "says", "say", "told", "tells", "tell", "reported", "reports", "stated",
        "added", "confirmed", "claimed", "announced", "noted", "wrote", "cited", "citing",
        "according", "suggests", "suggested", "revealed", "disclosed",
    ] + otherSpeechVerbs)
    static let said = hashes(["said", "says", "say", "stated", "added", "noted", "wrote", "claimed", "confirmed", "suggests", "suggested"] + otherSpeechVerbs)
    /// More verbs that introduce reported speech ("…, he explained"): a rewrite swaps them for
    /// "said" freely, so they are attribution, not content.
    static let otherSpeechVerbs = [
        "states", "explained", "explains", "insisted", "insists", "admitted", "admits", "argued", "argues",
        "commented", "remarked", "observed", "stressed", "asserted", "declared", "maintained", "replied",
        "responded", "acknowledged", "indicated", "indicates", "warned", "adds", "notes", "claims", "confirms",
    ]
    static let told = hashes(["told", "tells", "tell"])
    static let reports = hashes(["reported", "reports"])
    /// Words at which a backward scan for the speaker stops ("… hostilities but added").
    static let clauseStarts = hashes(["that", "which", "but", "because", "while", "when", "if", "as", "after", "before", "although"])
    static let according = StableHash.hash("according")
    static let to = StableHash.hash("to")
    static let by = StableHash.hash("by")
    static let cited = hashes(["cited", "citing", "quoted"])
    static let contributed = StableHash.hash("contributed")

    /// Nouns that mark a media outlet ("the Axios news site", "US media").
    static let mediaNouns = hashes([
        "media", "site", "outlet", "newspaper", "agency", "network", "broadcaster", "daily",
        "channel", "news", "magazine", "paper", "tv", "radio", "wire",
    ])
    /// Outlets whose name alone marks a source credit.
    static let outlets: [[String]] = [
        ["axios"], ["reuters"], ["ap"], ["associated", "press"], ["afp"], ["agence", "france-presse"],
        ["cnn"], ["bbc"], ["bloomberg"], ["new", "york", "times"], ["wall", "street", "journal"],
        ["washington", "post"], ["times", "of", "israel"], ["ynet"], ["ynetnews"], ["haaretz"],
        ["al", "jazeera"], ["politico"], ["nbc"], ["abc"], ["cbs"], ["fox", "news"], ["sky", "news"],
        ["guardian"], ["financial", "times"], ["kan"], ["channel", "12"], ["walla"], ["portal"],
        ["tasnim"], ["irna"], ["al-monitor"], ["the", "economist"], ["dpa"], ["xinhua"], ["tass"],
    ]
}

extension Keywords {
    static let articles = hashes(["the", "a", "an", "and", "of", "its", "their", "his", "her"])
}

extension Keywords {
    /// Which word lists a word belongs to, computed once per ``Lexicon`` entry so the fact
    /// extractor tests bits instead of hashing.
    struct Kind: OptionSet, Sendable, Hashable {
        let rawValue: UInt32
        static let weekday = Kind(rawValue: 1 << 0)
        static let month = Kind(rawValue: 1 << 1)
        static let ambiguousMonth = Kind(rawValue: 1 << 2)
        static let relativeDay = Kind(rawValue: 1 << 3)
        static let attributionVerb = Kind(rawValue: 1 << 4)
        static let said = Kind(rawValue: 1 << 5)
        static let told = Kind(rawValue: 1 << 6)
        static let reports = Kind(rawValue: 1 << 7)
        static let clauseStart = Kind(rawValue: 1 << 8)
        static let cited = Kind(rawValue: 1 << 9)
        static let according = Kind(rawValue: 1 << 10)
        static let to = Kind(rawValue: 1 << 11)
        static let by = Kind(rawValue: 1 << 12)
        static let contributed = Kind(rawValue: 1 << 13)
        static let mediaNoun = Kind(rawValue: 1 << 14)
        static let article = Kind(rawValue: 1 << 15)
    }

    /// Every keyword's kinds, for one look-up per new word.
    static let table: [UInt64: Kind] = {
        var all: Set<UInt64> = weekdays.union(months).union(ambiguousMonths).union(relativeDays)
            .union(attributionVerbs).union(said).union(told).union(reports).union(clauseStarts).union(cited)
            .union(mediaNouns).union(articles)
        all.formUnion([according, to, by, contributed])
        var table: [UInt64: Kind] = [:]
        for h in all { table[h] = compute(h) }
        return table
    }()

    static func classify(_ h: UInt64) -> Kind { table[h] ?? [] }

    private static func compute(_ h: UInt64) -> Kind {
        var k: Kind = []
        if weekdays.contains(h) { k.insert(.weekday) }
        if months.contains(h) { k.insert(.month) }
        if ambiguousMonths.contains(h) { k.insert(.ambiguousMonth) }
        if relativeDays.contains(h) { k.insert(.relativeDay) }
        if attributionVerbs.contains(h) { k.insert(.attributionVerb) }
        if said.contains(h) { k.insert(.said) }
        if told.contains(h) { k.insert(.told) }
        if reports.contains(h) { k.insert(.reports) }
        if clauseStarts.contains(h) { k.insert(.clauseStart) }
        if cited.contains(h) { k.insert(.cited) }
        if h == according { k.insert(.according) }
        if h == to { k.insert(.to) }
        if h == by { k.insert(.by) }
        if h == contributed { k.insert(.contributed) }
        if mediaNouns.contains(h) { k.insert(.mediaNoun) }
        if articles.contains(h) { k.insert(.article) }
        return k
    }

    /// ``outlets`` as word hashes.
    static let outletHashes: [[UInt64]] = outlets.map { $0.map { StableHash.hash($0) } }
}
