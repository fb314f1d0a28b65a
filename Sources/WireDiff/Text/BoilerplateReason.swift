/// Why a line was judged page furniture rather than reporting.
///
/// The raw values are part of the JSON output contract (`boilerplate` field); add cases, never
/// rename them.
public enum BoilerplateReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// "Share:", "Share this article", "Tweet", "Email".
    case sharePrompt = "share-prompt"
    /// "Follow us on …", "<< Follow Ynetnews on Facebook | Twitter >>".
    case followPrompt = "follow-prompt"
    /// "5 View gallery", "Photo 3 of 12".
    case galleryCounter = "gallery-counter"
    /// "(Photo: AP, AFP)", "Credit: Reuters", "Getty Images".
    case photoCredit = "photo-credit"
    /// A caption: "FILE : …", a short label line under a photo.
    case caption = "caption"
    /// "AFP contributed to this report.", "Reporting by …; Editing by …".
    case creditLine = "credit-line"
    /// An outlet's sign-off or name alone on a line ("AXIOS", "— Reuters").
    case signOff = "sign-off"
    /// "Acquire license rights", "Our standards: The Thomson Reuters Trust Principles."
    case licensing = "licensing"
    /// Comment-policy text ("The commenter agrees to the privacy policy …").
    case commentPolicy = "comment-policy"
    /// Newsletter sign-up and "More stories:" style navigation.
    case newsletter = "newsletter"
    /// A byline or dateline-only line ("By Jane Doe", "Updated 3:04 p.m.").
    case byline = "byline"
    /// A line repeated verbatim elsewhere in the same article.
    case repeatedLine = "repeated-line"
    /// A caption line in another script than the article's (e.g. Hebrew under an English story).
    case foreignScript = "foreign-script"
}
