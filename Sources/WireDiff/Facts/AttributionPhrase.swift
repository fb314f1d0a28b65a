/// An attribution found in a sentence: who is said to have said or reported something
/// ("two Israeli officials … told Axios", "according to six officials", "said a Hezbollah
/// commander").
struct AttributionPhrase: Sendable, Hashable {
    /// Sentence index.
    var sentence: Int
    /// First and last token (inclusive) of the phrase, indices into the document's tokens.
    var firstToken: Int
    var lastToken: Int
}
