/// A word of one version told another way in the other: the same fact, never a change. The
/// word aligner links the two (see ``ChangedDetail`` for what is a change).
public struct Rewording: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The same word in another form: inflection, British/American spelling, contraction,
        /// derivation ("honours" / "honors", "didn't" / "not", "Iran" / "Iranian").
        case form
        /// The same value written another way ("two" / "2", "£5m" / "£5 million").
        case number
        /// An acronym and its words ("EU" / "European Union").
        case acronym
        /// WordNet synonyms ("controversial" / "contentious").
        case synonym
        /// A broader or related term ("assassination" / "killing", "Tehran" / "Iran").
        case broader
    }

    public var kind: Kind
    public var referenceText: String
    public var otherText: String
    /// Byte ranges of the two words (the acronym's whole expansion on its side).
    public var referenceRange: Range<Int>
    public var otherRange: Range<Int>

    public init(kind: Kind, referenceText: String, otherText: String, referenceRange: Range<Int>, otherRange: Range<Int>) {
        self.kind = kind
        self.referenceText = referenceText
        self.otherText = otherText
        self.referenceRange = referenceRange
        self.otherRange = otherRange
    }
}
