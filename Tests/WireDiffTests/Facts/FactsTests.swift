import Foundation
import Testing
@testable import WireDiff

@Suite struct FactsTests {
    func pair(_ a: String, _ b: String) -> (Document, Document, PairReport) {
        let da = Document(id: "a", text: a), db = Document(id: "b", text: b)
        return (da, db, Differ().compare(da, db))
    }

    func changes(_ report: PairReport, _ kind: ChangedDetail.Kind) -> [ChangedDetail] {
        report.alignments.flatMap(\.changes).filter { $0.kind == kind }
    }

    @Test func changedNumberIsReported() {
        let (_, _, r) = pair(
            "Authorities ordered about 1,200 residents of Carrow to leave their homes after the dam leak.",
            "Authorities ordered about 1,400 residents of Carrow to leave their homes after the dam leak.")
        let numbers = changes(r, .number)
        #expect(numbers.count == 1)
        #expect(numbers.first?.referenceText == "1,200")
        #expect(numbers.first?.otherText == "1,400")
    }

    @Test func sameValueWrittenDifferentlyIsNoChange() {
        let (_, _, r) = pair(
            "The army said it struck 1,600 Hezbollah sites in southern Lebanon.",
            "The army said it struck 1600 Hezbollah sites in southern Lebanon.")
        #expect(changes(r, .number).isEmpty)
    }

    @Test func changedWeekdayIsADateChange() {
        let (a, b, r) = pair(
            "Pezeshkian told CNN in an interview on Monday that Lebanon must not become another Gaza.",
            "Pezeshkian told CNN in an interview on Tuesday that Lebanon must not become another Gaza.")
        let dates = changes(r, .date)
        #expect(dates.count == 1)
        #expect(dates.first?.referenceText == "Monday")
        #expect(dates.first?.otherText == "Tuesday")
        // Byte ranges point at the words in the original texts.
        if let d = dates.first, let ra = d.referenceRange, let rb = d.otherRange {
            #expect(a.string(ra) == "Monday")
            #expect(b.string(rb) == "Tuesday")
        }
    }

    @Test func nameOnOneSideOnly() {
        let (_, _, r) = pair(
            "Defense Secretary Lloyd Austin spoke with his Israeli counterpart about the fighting in Lebanon.",
            "The defense secretary spoke with his Israeli counterpart about the fighting in Lebanon.")
        #expect(changes(r, .name).contains { $0.referenceText == "Lloyd Austin" && $0.otherText.isEmpty })
    }

    @Test func differentAttributionIsReported() {
        let (_, _, r) = pair(
            "Iran refrained from attacking Israel, two Israeli officials told Axios.",
            "Iran refrained from attacking Israel, a senior Israeli official said.")
        let attributions = changes(r, .attribution)
        #expect(attributions.count == 1)
        #expect(attributions.first?.referenceText.contains("two Israeli officials") == true)
        #expect(attributions.first?.otherText.contains("a senior Israeli official") == true)
    }

    @Test func differentQuoteIsReported() {
        let (_, _, r) = pair(
            "Our neighbors have been patient, the mayor said: “I am grateful to every volunteer who showed up before sunrise.”",
            "Our neighbors have been patient, the mayor said: “I am thankful to every volunteer who turned up before dawn.”")
        let quotes = changes(r, .quote)
        #expect(quotes.count == 1)
        #expect(quotes.first?.referenceText.contains("grateful") == true)
        #expect(quotes.first?.otherText.contains("thankful") == true)
    }

    @Test func droppedDetailIsReported() {
        let (_, _, r) = pair(
            "Route 9 and two bridges over the Tessel River were closed, and five schools will remain shut through Thursday.",
            "Route 9 and two bridges were closed, and five schools will remain shut through Thursday.")
        let dropped = changes(r, .droppedDetail) + changes(r, .name)
        #expect(dropped.contains { $0.referenceText.contains("Tessel River") })
        #expect(changes(r, .addedDetail).isEmpty)
    }

    /// Rewording is never a change: the same figure written another way, a synonym, an
    /// honorific, a British/American spelling, a contraction, an acronym, "said X" / "X said".
    @Test(arguments: [
        ("The club sold two strikers and signed five defenders before the deadline on Friday.",
         "The club sold 2 strikers and signed 5 defenders before the deadline on Friday."),
        ("The council approved a £5m plan to rebuild the harbour wall after the storm.",
         "The council approved a £5 million plan to rebuild the harbour wall after the storm."),
        ("Unemployment rose to 5.2% in the third quarter, the statistics office said.",
         "Unemployment rose to 5.2 per cent in the third quarter, the statistics office said."),
        ("The controversial proposal was rejected by the regional assembly in Carrow.",
         "The contentious proposal was rejected by the regional assembly in Carrow."),
        ("Mr Blair told the conference that the reforms would continue next year.",
         "Blair told the conference that the reforms would continue next year."),
        ("The ceremony honoured the organisers of the festival at the city centre.",
         "The ceremony honored the organizers of the festival at the city center."),
        ("The minister didn't respond to a request for comment on the dam repairs.",
         "The minister did not respond to a request for comment on the dam repairs."),
        ("The EU will review the fishing quotas for the northern coast in spring.",
         "The European Union will review the fishing quotas for the northern coast in spring."),
        ("\"We will rebuild the bridge,\" said Mayor Elena Varga on the steps of the town hall.",
         "\"We will rebuild the bridge,\" Mayor Elena Varga said on the steps of the town hall."),
    ])
    func rewordingIsNoChange(reference: String, other: String) {
        let (_, _, r) = pair(reference, other)
        #expect(r.alignments.count == 1)
        #expect(r.alignments.flatMap(\.changes).isEmpty, "\(r.alignments.flatMap(\.changes).map(\.otherText))")
    }

    /// Rewording is listed as such, with what kind of rewording it is.
    @Test func rewordingIsListed() {
        let (_, _, r) = pair(
            "The controversial plan to rebuild two harbour walls was approved by the EU.",
            "The contentious plan to rebuild 2 harbor walls was approved by the European Union.")
        let listed = Set((r.alignments.first?.rewordings ?? []).map { "\($0.referenceText)|\($0.otherText)|\($0.kind.rawValue)" })
        #expect(listed.isSuperset(of: ["controversial|contentious|synonym", "two|2|number", "harbour|harbor|form", "EU|European Union|acronym"]))
        #expect(r.alignments.flatMap(\.changes).isEmpty)
    }

    @Test func droppedClauseIsOneDroppedPhrase() {
        let (_, _, r) = pair(
            "The striker, who joined the club from Lyon last summer, scored twice in the second half.",
            "The striker scored twice in the second half.")
        let dropped = changes(r, .droppedDetail)
        #expect(dropped.count == 1)
        #expect(dropped.first?.referenceText.contains("joined the club from Lyon last summer") == true)
        #expect(r.alignments.flatMap(\.changes).count == 1)
    }

    /// A clause around a name is a dropped phrase, not a name change.
    @Test func droppedClauseWithOneNameIsAPhrase() {
        let (_, _, r) = pair(
            "Serena Williams, who is also in Dubai, said the prize money should be equal for everyone.",
            "Serena Williams said the prize money should be equal for everyone.")
        #expect(changes(r, .name).isEmpty)
        #expect(changes(r, .droppedDetail).map(\.referenceText) == ["who is also in Dubai"])
    }

    @Test func newSourceIsAnAttributionChange() {
        let (_, _, r) = pair(
            "The dam was leaking on Tuesday morning, engineers from the county said.",
            "The dam was leaking on Tuesday morning, a spokesman for the Army Corps said.")
        let attributions = changes(r, .attribution)
        #expect(attributions.count == 1)
        #expect(attributions.first?.otherText.contains("Army Corps") == true)
    }

    @Test func changedFigureAmongRewordingIsTheOnlyChange() {
        let (_, _, r) = pair(
            "Officials said about 1,200 residents were told to leave their homes after the leak.",
            "Officials said roughly 1,400 people were ordered to leave their houses after the leak.")
        let all = r.alignments.flatMap(\.changes)
        #expect(all.count == 1)
        #expect(all.first?.kind == .number && all.first?.referenceText == "1,200" && all.first?.otherText == "1,400")
    }

    @Test func wordDiffKeepsWholeWords() {
        let (a, b, r) = pair(
            "The reservoir stood 3.2 meters above its normal level on Tuesday morning.",
            "The reservoir was 3.2 meters above normal on Tuesday morning.")
        let ops = r.alignments.first?.wordDiff ?? []
        #expect(!ops.isEmpty)
        // Runs start at a word and end at a word or the punctuation after it (never inside one).
        let tokensA = a.tokens(of: a.sentences[0]), tokensB = b.tokens(of: b.sentences[0])
        let startsA = Set(tokensA.map(\.start)), startsB = Set(tokensB.map(\.start))
        func endsWord(_ bytes: [UInt8], _ k: Int) -> Bool { k == bytes.count || bytes[k] == 0x20 }
        for op in ops {
            if let ra = op.referenceRange { #expect(startsA.contains(ra.lowerBound) && endsWord(a.bytes, ra.upperBound)) }
            if let rb = op.otherRange { #expect(startsB.contains(rb.lowerBound) && endsWord(b.bytes, rb.upperBound)) }
        }
        #expect(ops.contains { $0.kind == .delete && $0.text.contains("stood") })
        #expect(ops.contains { $0.kind == .insert && $0.text == "was" })
        #expect(ops.contains { $0.kind == .equal && $0.text.hasPrefix("3.2 meters above") })
        // Equal and delete runs cover every reference token once, in order.
        let covered = ops.compactMap(\.referenceRange)
        #expect(covered == covered.sorted { $0.lowerBound < $1.lowerBound })
    }

    @Test(arguments: [
        ("Hezbollah asked Iran to attack Israel, two Israeli officials told Axios.", "Axios"),
        ("Reuters reports that Hezbollah was caught off guard by the attack.", "Reuters"),
        ("Iran refused, according to the Axios news site.", "Axios"),
        ("Tehran has rebuffed the request, US media reported Tuesday.", nil),
        ("AFP contributed to this report.", "AFP"),
    ] as [(String, String?)])
    func sourceCreditsAreDetected(text: String, outlet: String?) {
        let reference = Document(id: "ref", text: "Hezbollah asked Iran to attack Israel.")
        let other = Document(id: "other", text: text)
        let credits = Differ().compare(reference, other).credits
        #expect(credits.count == 1)
        #expect(credits.first?.outlet == outlet)
    }

    @Test func creditNamingTheReferenceOutlet() {
        let reference = Document(id: "wire", text: "CARROW, March 4 (Wirewire) – Authorities ordered 1,200 residents to leave their homes.")
        let other = Document(id: "local", text: "Authorities ordered 1,200 residents to leave their homes, Wirewire reported.")
        let credits = Differ().compare(reference, other).credits
        #expect(credits.first?.outlet == "Wirewire")
        #expect(credits.first?.namesReference == true)
    }

    @Test func unrelatedDocumentsAreDifferentStories() {
        let (_, _, r) = pair(
            "The city council approved a budget on Monday. The fire station will wait two years.",
            "Hezbollah launched rockets into northern Israel. Iran said it did not want a wider war.")
        #expect(r.verdict.kind == .differentStory)
        #expect(r.alignments.isEmpty)
        #expect(r.verdict.referenceCoverage == 0 && r.verdict.otherCoverage == 0)
    }

    @Test func pairReportRoundTripsThroughJSON() throws {
        let (_, _, r) = pair(
            "Authorities ordered about 1,200 residents to leave on Tuesday, Wirewire reported.",
            "Authorities ordered about 1,400 residents to leave on Wednesday, Wirewire reported.")
        let data = try JSONEncoder().encode(r)
        let decoded = try JSONDecoder().decode(PairReport.self, from: data)
        #expect(decoded == r)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"alignments\""))
        #expect(json.contains("\"verdict\""))
    }

    @Test func factTableGroupsAdditionsAcrossVersions() {
        let wire = Document(id: "wire", text: """
            Authorities ordered about 1,200 residents of Carrow to leave their homes after the dam leak.
            Mayor Elena Varga opened three shelters at the high school, the grange hall and the church.
            """)
        let r1 = Document(id: "r1", text: """
            Authorities ordered about 1,200 residents of Carrow to leave their homes after the dam leak.
            The Red Cross chapter in Ashby sent 150 cots and two meal trucks to the high school.
            """)
        let r2 = Document(id: "r2", text: """
            About 1,400 Carrow residents were ordered to leave their homes after the dam leak.
            Mayor Elena Varga opened three shelters at the high school, the grange hall and the church.
            The Ashby Red Cross chapter sent 150 cots and two meal trucks to the high school.
            """)
        let table = Differ().compare([wire, r1, r2])
        #expect(table.documentIDs == ["wire", "r1", "r2"])
        #expect(table.reports.count == 2)
        #expect(table.rows.count == 3)
        let evacuation = table.rows[0], shelters = table.rows[1], redCross = table.rows[2]
        #expect(evacuation.cells.map(\.state) == [.present, .present, .changed])
        #expect(evacuation.cells[2].changes.contains { $0.kind == .number && $0.otherText == "1,400" })
        #expect(shelters.cells.map(\.state) == [.present, .absent, .present])
        #expect(redCross.anchor == 1)
        #expect(redCross.cells.map(\.state) == [.absent, .present, .present])
        #expect(redCross.cells[2].sentences == [2])
    }
}

extension FactsTests {
    @Test func changedNumbersPairByClosestValue() {
        let (_, _, r) = pair(
            "Officials ordered 1,200 residents to leave, 4 shelters opened and the dam is 58 years old.",
            "Officials ordered 1,400 residents to leave, 5 shelters opened and the dam is 58 years old.")
        let numbers = changes(r, .number).map { [$0.referenceText, $0.otherText] }
        #expect(numbers == [["1,200", "1,400"], ["4", "5"]])
    }
}
