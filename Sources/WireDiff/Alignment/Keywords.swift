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
    ])
    static let said = hashes(["said", "says", "say", "stated", "added", "noted", "wrote", "claimed", "confirmed", "suggests", "suggested"])
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
