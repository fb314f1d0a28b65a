extension PairEvidence {
    /// The evidence as record members, the first article called `a` and the second `b`:
    /// `same_story`, `score`, `jaccard`, `containment_a`, `containment_b`, `matched_a`,
    /// `matched_b`, `sentences_a`, `sentences_b`. Numbers are written in their shortest exact
    /// form, so a stage that reads them back gets the same `Double`s, and a distributed run the
    /// same scores, ties and rounded output as `dedup`.
    package var recordMembers: [(key: String, value: JSONValue)] {
        [
            ("same_story", .bool(isRewrite)),
            ("score", .double(score)),
            ("jaccard", .double(jaccard)),
            ("containment_a", .double(containmentOfFirst)),
            ("containment_b", .double(containmentOfSecond)),
            ("matched_a", .int(matchedSentencesOfFirst)),
            ("matched_b", .int(matchedSentencesOfSecond)),
            ("sentences_a", .int(sentencesOfFirst)),
            ("sentences_b", .int(sentencesOfSecond)),
        ]
    }

    /// The evidence written by ``recordMembers`` in `record`.
    package init(record: StageRecord) throws(InputError) {
        self.init(
            jaccard: try record.number("jaccard"), containmentOfFirst: try record.number("containment_a"),
            containmentOfSecond: try record.number("containment_b"), matchedSentencesOfFirst: try record.integer("matched_a"),
            matchedSentencesOfSecond: try record.integer("matched_b"), sentencesOfFirst: try record.integer("sentences_a"),
            sentencesOfSecond: try record.integer("sentences_b"), score: try record.number("score"),
            isRewrite: try record.boolean("same_story"))
    }
}
