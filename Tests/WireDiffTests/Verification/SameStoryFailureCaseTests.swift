import Testing
@testable import WireDiff

/// The failures seen on real news, pinned with small articles we wrote ourselves (a fictional
/// town, Kendrigg): a rewrite that quotes another story's background, a short article sharing
/// one block of background, and a report of the same event with other facts.
enum KendriggArticles {
    /// The wire story: a flood, with its figures.
    static let flood = """
        River Lune floods Kettering Street as rain breaks March record

        KENDRIGG, April 2 (Wirewire) – The River Lune burst its banks in Kendrigg on Wednesday, flooding 140 homes on Kettering Street after 96 millimetres of rain fell in two days, the county emergency service said.
        Firefighters used four boats to carry 63 residents from the worst-hit houses before the water peaked at 1.4 metres shortly after noon.
        Council leader Ruth Aldane said temporary shelter had been opened in the Kendrigg sports hall and that 38 people spent the night there.
        "We have never seen the Lune rise this fast," Aldane told reporters outside the hall.
        The Environment Office said the river gauge at Calder Bridge recorded its highest level since measurements began in 1979.
        Engineers will inspect the old stone flood wall on Mill Lane on Thursday, after residents reported cracks in the wall last winter.
        Insurers estimated early claims at around 4 million pounds.
        Schools in the valley will stay closed until Friday, the education department said.
        Forecasters expect another 30 millimetres of rain over the weekend.
        """

    /// A rewrite of `flood` (the lede and the shelter sentence keep most of the wire's words,
    /// the rest is reworded, the figures kept) that quotes three background sentences of
    /// `bridge`.
    static let floodRewrite = """
        Kendrigg homes swamped after Lune bursts its banks

        The River Lune burst its banks in Kendrigg on Wednesday and flooded about 140 homes on Kettering Street after two days of record rain, emergency officials said.
        Rescuers in four boats ferried 63 people out of the hardest-hit homes as the flood reached 1.4 metres around midday.
        Council leader Ruth Aldane said a shelter had been opened in the Kendrigg sports hall, where 38 people spent the night.
        "The Lune has never climbed this quickly," she said.
        The town of Kendrigg grew up around its wool mills in the nineteenth century.
        Its market square still holds the stone cross put up by the mill owners in 1852.
        Today about 12,000 people live in the town, many of them commuting to Calder.
        Inspectors are due to examine the ageing flood wall on Mill Lane on Thursday.
        Early insurance claims are put at roughly 4 million pounds.
        """

    /// Another report of `flood`'s event with the same figures, every sentence in its own words
    /// (Jaccard 0.25–0.4 against `flood`).
    static let floodSameFigures = """
        Kendrigg homes swamped after Lune bursts its banks

        Around 140 houses on Kettering Street in Kendrigg were under water on Wednesday when the River Lune overflowed following two days of record downpours, emergency officials reported.
        Rescuers in four boats ferried 63 people out of the hardest-hit homes as the flood reached 1.4 metres around midday.
        A refuge was set up at the town's sports hall, where 38 residents stayed overnight, according to council leader Ruth Aldane.
        "The Lune has never climbed this quickly," she said.
        Inspectors are due to examine the ageing flood wall on Mill Lane on Thursday.
        Early insurance claims are put at roughly 4 million pounds.
        """

    /// A different, earlier and longer story about the same town, which lent its background.
    static let bridge = """
        Kendrigg opens new footbridge over the Lune after two-year wait

        KENDRIGG, March 3 (Wirewire) – A new steel footbridge linking Kendrigg's market square with the railway station opened on Monday, two years after the old timber crossing was closed as unsafe.
        The 48-metre bridge cost 2.6 million pounds, paid for by the county and a regional transport fund.
        Mayor Tomas Ferriby cut the ribbon in front of about 300 people, many of them pupils from the two primary schools in the town.
        The town of Kendrigg grew up around its wool mills in the nineteenth century.
        Its market square still holds the stone cross put up by the mill owners in 1852.
        Today about 12,000 people live in the town, many of them commuting to Calder.
        Ferriby said the bridge would cut the walk to the station from 25 minutes to 6.
        The contractor, Harland Steel, finished the work three weeks ahead of schedule.
        A plaque on the bridge names the 14 volunteers who campaigned for the crossing.
        Cyclists will have to dismount on the bridge, the council said.
        Lighting along the approach ramps will be added in May.
        """

    /// A short notice about the same town that shares a block of background with `bridge`.
    static let notice = """
        Kendrigg market to move for summer roadworks

        The weekly Kendrigg market will move to the station car park from June while the square is repaved.
        The town of Kendrigg grew up around its wool mills in the nineteenth century.
        Its market square still holds the stone cross put up by the mill owners in 1852.
        Stallholders said they hoped the move would last no more than eight weeks.
        """

    /// A later flood in the same town: the same people and places, other figures and facts.
    static let floodOther = """
        Lune floods again in Kendrigg, this time on the east bank

        KENDRIGG, November 18 (Wirewire) – The River Lune flooded 35 homes on the east bank of Kendrigg on Monday after 51 millimetres of rain fell overnight, the county emergency service said.
        Firefighters used two boats to carry 12 residents from houses on Weir Road before the water peaked at 0.8 metres in the early morning.
        Council leader Ruth Aldane said no shelter was needed because most families stayed with relatives.
        "The new defences held on the west side, which is good news," Aldane told reporters on Weir Road.
        The Environment Office said the river gauge at Calder Bridge stayed well below its April record.
        Engineers repaired the flood wall on Mill Lane in the summer after it cracked during the spring floods.
        Insurers said claims would be far lower than in April.
        Schools in the valley opened as normal, the education department said.
        """

    /// A short story about something else that carries `flood`'s headline as one of its
    /// lines (a related-story line kept as text).
    static let bakeryBrief = """
        Kendrigg bakery wins county bread prize

        River Lune floods Kettering Street as rain breaks March record
        The Mill Lane Bakery in Kendrigg won the county bread prize on Saturday for its rye loaf, the judges said.
        Owner Petra Holm said the prize money would buy a second oven.
        """

    /// A one-sentence flash of `flood`'s lede.
    static let floodFlash = """
        Flood in Kendrigg

        The River Lune burst its banks in Kendrigg on Wednesday, flooding 140 homes on Kettering Street after 96 millimetres of rain fell in two days.
        """

    static var records: [CorpusRecord] {
        [("bridge", "2025-03-03", bridge), ("flood", "2025-04-02", flood), ("flood-rewrite", "2025-04-02T18", floodRewrite),
         ("notice", "2025-05-10", notice), ("flood-other", "2025-11-18", floodOther)].map {
            CorpusRecord(id: $0.0, bytes: Array($0.2.utf8), date: $0.1, source: $0.0)
        }
    }
}

@Suite struct SameStoryFailureCaseTests {
    func judgement(_ a: String, _ b: String) -> SameStoryJudgement {
        PairVerifier().judgement(
            StoryFeatures.read(Document(id: "a", text: a)).features, StoryFeatures.read(Document(id: "b", text: b)).features)
    }

    /// A rewrite that quotes three background sentences of another story: the lender is
    /// earlier, so it is visited first, yet the rewrite joins its own story.
    @Test func aLentBackgroundPassageDoesNotTakeTheRewriteFromItsStory() throws {
        let lent = judgement(KendriggArticles.bridge, KendriggArticles.floodRewrite)
        #expect(lent.reason == .sharedPassage)
        #expect(lent.features.aligned == 3)
        #expect(judgement(KendriggArticles.flood, KendriggArticles.floodRewrite).isSameStory)
        let result = try Deduplicator().run(KendriggArticles.records)
        let ids = KendriggArticles.records.map(\.id)
        func story(_ id: String) -> Int { result.assignments[ids.firstIndex(of: id)!].cluster }
        #expect(story("flood-rewrite") == story("flood"))
        #expect(story("bridge") != story("flood"))
    }

    /// A short article whose only tie to another is one block of two background sentences.
    @Test func aShortArticleWithOneSharedBlockIsADifferentStory() {
        let j = judgement(KendriggArticles.bridge, KendriggArticles.notice)
        #expect(j.reason == .sharedPassage)
        #expect(!j.isSameStory)
    }

    /// The same people, places and kind of event, with other figures: not a rewrite.
    @Test func theSameEventWithOtherFactsIsADifferentStory() throws {
        #expect(!judgement(KendriggArticles.flood, KendriggArticles.floodOther).isSameStory)
        let result = try Deduplicator().run(KendriggArticles.records)
        #expect(Set(result.assignments.map(\.cluster)).count == 4)
    }

    /// Sharing the figures is not enough: reports of one event from other outlets share them
    /// too (on the MRPC-built development documents, every pair a same-figures rule merged
    /// was such a report). A report in other words with the same figures is left to the model.
    @Test func theSameFiguresInOtherWordsAreNotEnough() {
        let j = judgement(KendriggArticles.flood, KendriggArticles.floodSameFigures)
        #expect(j.features.numberAgreements >= 3)
        #expect(j.features.numberConflicts == 0)
        #expect(j.reason == .weakEvidence)
    }

    /// One shared sentence (another story's headline) in a short article about something
    /// else: the model alone gave it 0.55; one sentence is not a story.
    @Test func oneBorrowedHeadlineIsADifferentStory() {
        let j = judgement(KendriggArticles.flood, KendriggArticles.bakeryBrief)
        #expect(j.features.aligned == 1)
        #expect(j.reason == .singleSentence)
        #expect(!j.isSameStory)
    }

    /// A flash that is one sentence of the story is still the story: the sentence is all of it.
    @Test func aOneSentenceFlashOfTheLedeIsTheSameStory() {
        let j = judgement(KendriggArticles.flood, KendriggArticles.floodFlash)
        #expect(j.features.aligned == 1)
        #expect(j.reason == .model)
    }
}
