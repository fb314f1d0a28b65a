/// What the aligner and the fact extractor know about one token of an analyzed document.
struct TokenFeature: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Not a stopword: a content word or a number.
        static let content = Flags(rawValue: 1 << 0)
        /// Capitalized (or all caps) and not sentence-initial: part of a name.
        static let name = Flags(rawValue: 1 << 1)
        static let number = Flags(rawValue: 1 << 2)
        /// Inside quotation marks.
        static let quoted = Flags(rawValue: 1 << 3)
        /// A weekday, month or relative day ("Monday", "November", "yesterday").
        static let date = Flags(rawValue: 1 << 4)
    }

    /// The ``Lexicon`` entry id.
    var entry: Int32
    var flags: Flags
}
