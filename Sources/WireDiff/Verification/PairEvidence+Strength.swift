extension PairEvidence {
    /// How much the two articles share as one story, for choosing the story of an article
    /// that is one story with several centers; `nil` when they are not one story.
    ///
    /// The sentences aligned one to one count first, the model's probability breaks ties
    /// (it is at most 1, so it adds at most one half): an article joins the story it shares
    /// most reporting with. The probability alone would prefer a short block of verbatim
    /// sentences lent by another story (the model is sure of it) to a heavy rewrite of the
    /// article's own story that only the broad-paraphrase rule accepts (probability near 0).
    /// `dedup`, its stages and the archive all compare this value, so they assign alike.
    package var storyStrength: Double? {
        isRewrite ? Double(matchedSentencesOfFirst) + score / 2 : nil
    }
}
