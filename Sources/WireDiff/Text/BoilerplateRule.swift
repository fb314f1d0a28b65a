/// One rule of ``BoilerplateDetector``, as data: the reason it gives a line, the longest line
/// (in words) it applies to, and a test on the line's bytes.
///
/// The rules are written once, in ``BoilerplateRule/table``. Everything else is derived from
/// that table: the matcher (``BoilerplateRule/Test/holds(for:)``, on UTF-8 bytes) and the
/// pre-filter that rules out most lines before the matcher runs (``BoilerplatePrefilter``, built
/// from each rule's necessary condition). Debug builds check on every line that the pre-filter
/// never rules out a line a rule matches.
///
/// A test looks at one ``Part`` of the line (its original text, its normalized text, the core
/// without surrounding punctuation, …) and compares it with strings (``Needles``) or with a
/// pattern of words (``WordClass``); tests combine with ``Test/all(_:)``, ``Test/any(_:)`` and
/// ``Test/not(_:)``.
struct BoilerplateRule: Sendable {
    /// What the rule is about, for tests and debugging ("share prompt").
    let name: String
    let reason: BoilerplateReason
    /// The rule applies to lines of at most this many words (of the normalized text).
    let maxWords: Int
    let test: Test

    init(_ name: String, _ reason: BoilerplateReason, maxWords: Int = .max, _ test: Test) {
        self.name = name
        self.reason = reason
        self.maxWords = maxWords
        self.test = test
    }

    /// The part of a line a test looks at.
    enum Part: Sendable {
        /// The original bytes of the line (case kept, not normalized).
        case text
        /// ``Normalizer/normalize(_:)`` of the line.
        case normalized
        /// The normalized text without surrounding punctuation and spaces
        /// (``Subject/isCoreStrip(_:)``: "share:" → "share", "— reuters" → "reuters").
        case core
        /// The normalized text without enclosing parentheses and one space after the opening
        /// one ("(photo: ap)" → "photo: ap").
        case inner
        /// What follows the head an ``Test/afterHead(_:_:_:)`` test found, spaces skipped.
        case rest
    }

    /// What one word must be, for ``Test/words(_:_:exact:)``.
    enum WordClass: Sendable {
        /// Any word.
        case any
        /// One or more ASCII digits.
        case digits
        /// A word `Int` parses ("12", "+3").
        case integer
        /// A word whose first scalar is uppercase (`Character.isUppercase`).
        case capitalized
        /// One of the strings.
        case oneOf(Needles)
    }

    /// A condition on a line.
    indirect enum Test: Sendable {
        /// The part is one of the strings.
        case equals(Part, Needles)
        /// The part starts with one of the strings.
        case starts(Part, Needles)
        /// The part ends with one of the strings.
        case ends(Part, Needles)
        /// One of the strings occurs in the part.
        case contains(Part, Needles)
        /// The part's first words (space-separated) are of these classes, one each; with
        /// `exact`, the part has no other word.
        case words(Part, [WordClass], exact: Bool)
        /// The part has a word that is not one of `ignoring`, and all such words are in `set`.
        case everyWord(Part, in: Needles, ignoring: Needles)
        /// One of the part's words is in `set`.
        case someWord(Part, in: Needles)
        /// The part starts with one of the heads, and ``Part/rest`` (what follows the first head
        /// it starts with, spaces skipped) passes the test.
        case afterHead(Part, Needles, Test)
        /// The part's first scalar is a number (`Character.isNumber`: any numeric type).
        case startsWithNumber(Part)
        /// The part is `length` ASCII uppercase letters.
        case allCaps(Part, length: ClosedRange<Int>)
        /// The line is among the last three lines of the article.
        case nearEnd
        case all([Test])
        case any([Test])
        case not(Test)
    }
}
