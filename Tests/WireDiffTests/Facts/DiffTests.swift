import Foundation
import Testing
@testable import WireDiff

@Suite(.enabled(if: Seeds.available)) struct DiffTests {
    /// Whether every sentence containing `needle` is in `indices`.
    func all(_ doc: Document, _ needle: String, in indices: [Int]) -> Bool {
        let found = doc.sentences(containing: needle)
        return !found.isEmpty && found.allSatisfy(indices.contains)
    }

    /// Whether no sentence containing `needle` is in `indices` (and one exists).
    func none(_ doc: Document, _ needle: String, in indices: [Int]) -> Bool {
        let found = doc.sentences(containing: needle)
        return !found.isEmpty && !found.contains(where: indices.contains)
    }

    @Test func axiosAndTimesOfIsraelShareTheCore() throws {
        let axios = try Seeds.document("001"), toi = try Seeds.document("000")
        let r = Differ().compare(axios, toi)
        // The shared core.
        #expect(r.aligns(axios, "the timing isn’t right", toi, "the timing isn’t right"))
        #expect(r.aligns(axios, "assassination of Hamas leader Ismail Haniyeh", toi, "killing of Hamas leader Ismail Haniyeh"))
        #expect(r.aligns(axios, "expressed reservation", toi, "expressed reservation"))
        #expect(r.aligns(axios, "security cabinet directive", toi, "instructions from the security cabinet"))
        #expect(r.aligns(axios, "didn’t respond to a request for comment", toi, "did not respond"))
        #expect(r.aligns(axios, "interview with CNN", toi, "interview with CNN"))
        #expect(r.aligns(axios, "another Gaza", toi, "another Gaza"))
        // The shared quotation carries the quote sentence into the interview passage.
        #expect(r.aligns(axios, "Hezbollah cannot stand alone", toi, "cannot stand alone"))
        // The rewrite's own additions.
        #expect(all(toi, "1,600 Hezbollah sites", in: r.added))
        #expect(all(toi, "health ministry", in: r.added))
        // Axios-only material.
        #expect(all(axios, "Qabisi", in: r.omitted))
        #expect(all(axios, "Lloyd Austin discussed", in: r.omitted))
        // The interview's weekday.
        let weekday = r.alignments.flatMap(\.changes).filter { $0.kind == .date }
        #expect(weekday.contains { $0.referenceText == "Monday" && $0.otherText == "Tuesday" })
        #expect(r.verdict.kind == .sameStory)
        // The rewrite credits Axios.
        #expect(r.credits.contains { $0.outlet == "Axios" && $0.namesReference })
    }

    /// Issue 12's seeds check: the facts 001 → 000 adds, omits and changes, and no rewording
    /// among its changes.
    @Test func axiosToTimesOfIsraelReportsFactsNotRewording() throws {
        let axios = try Seeds.document("001"), toi = try Seeds.document("000")
        let r = Differ().compare(axios, toi)
        let changes = r.alignments.flatMap(\.changes)
        // Changed: the interview's weekday, and it is the only date or figure changed.
        #expect(changes.filter { $0.kind == .date }.map { "\($0.referenceText)→\($0.otherText)" } == ["Monday→Tuesday"])
        #expect(!changes.contains { $0.kind == .number })
        // Added: the 1,600 sites and the health-ministry toll. Omitted: the Qabisi strike and
        // the Austin–Gallant call.
        #expect(all(toi, "1,600 Hezbollah sites", in: r.added))
        #expect(all(toi, "health ministry", in: r.added))
        #expect(all(axios, "Qabisi", in: r.omitted))
        #expect(all(axios, "Lloyd Austin discussed", in: r.omitted))
        // No rewording as a change: no single word swapped, no contraction, no Iran/Tehran, no
        // unnamed source for another.
        for c in changes where c.kind == .droppedDetail || c.kind == .addedDetail {
            #expect((c.referenceText + c.otherText).split(separator: " ").count >= 2, "\(c.referenceText)\(c.otherText)")
        }
        #expect(!changes.contains { ["didn’t", "didn't", "not"].contains($0.referenceText) || ["didn’t", "didn't", "not"].contains($0.otherText) })
        #expect(!changes.contains { $0.kind == .name && ["Iran", "Tehran", "Iranian"].contains($0.referenceText + $0.otherText) })
        #expect(!changes.contains { $0.kind == .attribution && $0.referenceText == "the officials said" })
    }

    @Test func condensedParaphraseIsFullyAligned() throws {
        let wire = try Seeds.document("003"), condensed = try Seeds.document("004")
        let r = Differ().compare(wire, condensed)
        #expect(r.added.isEmpty)
        #expect(r.verdict.otherCoverage == 1)
        // What the condensed version dropped is omitted.
        #expect(all(wire, "We woke up to a war", in: r.omitted))
        #expect(all(wire, "Dennis Ross", in: r.omitted))
        #expect(all(wire, "Lloyd Austin emphasized", in: r.omitted))
        #expect(all(wire, "Karim Sadjadpour", in: r.omitted))
        #expect(r.verdict.kind == .sameStory)
        #expect(r.credits.contains { $0.outlet == "Reuters" })
    }

    @Test func ynetAndPortalAreNotTheSameStory() throws {
        let ynet = try Seeds.document("002"), portal = try Seeds.document("003")
        for r in [Differ().compare(ynet, portal), Differ().compare(portal, ynet)] {
            #expect(r.verdict.kind != .sameStory)
        }
        // The shared background sentence about Israel's readiness to fight on new fronts.
        let r = Differ().compare(ynet, portal)
        #expect(r.aligns(ynet, "fight on new fronts", portal, "fight on new fronts"))
    }

    @Test func factTableOfThreeSeedVersions() throws {
        let axios = try Seeds.document("001"), toi = try Seeds.document("000"), portal = try Seeds.document("003")
        let table = Differ().compare([axios, toi, portal])
        #expect(table.documentIDs.count == 3)
        #expect(table.rows.allSatisfy { $0.cells.count == 3 })
        // The "timing isn't right" row: present in the rewrite, absent from the other story.
        let timing = axios.sentences(containing: "the timing isn’t right")
        let row = table.rows.first { $0.anchor == 0 && !Set($0.sentences).isDisjoint(with: timing) }
        #expect(row?.cells[1].state != .absent)
        #expect(row?.cells[2].state == .absent)
        // The 1,600 strikes are a row anchored on the rewrite.
        let strikes = toi.sentences(containing: "1,600")
        #expect(table.rows.contains { $0.anchor == 1 && $0.sentences == strikes })
    }
}

@Suite(.enabled(if: SampleArticles.available)) struct SampleDiffTests {
    @Test func expandedRewriteChangesOneFigureAndOneDay() throws {
        let wire = try SampleArticles.document("wire"), expanded = try SampleArticles.document("rewrite-expanded")
        let r = Differ().compare(wire, expanded)
        let changes = r.alignments.flatMap(\.changes)
        #expect(changes.contains { $0.kind == .number && $0.referenceText == "1,200" && $0.otherText == "1,400" })
        #expect(changes.contains { $0.kind == .date && $0.referenceText == "Wednesday" && $0.otherText == "Thursday" })
        for needle in ["Red Cross", "Linden Court", "555-0142", "1996 flood", "22 streets"] {
            let found = expanded.sentences(containing: needle)
            #expect(!found.isEmpty && found.allSatisfy(r.added.contains), "\(needle)")
        }
        #expect(r.verdict.kind == .sameStory)
        #expect(r.credits.contains { $0.outlet == "Wirewire" && $0.namesReference })
    }

    @Test func paraphraseKeepsEveryFact() throws {
        let wire = try SampleArticles.document("wire"), para = try SampleArticles.document("rewrite-paraphrase")
        let r = Differ().compare(wire, para)
        #expect(r.verdict.kind == .sameStory)
        #expect(r.verdict.referenceCoverage > 0.85)
        #expect(r.verdict.otherCoverage > 0.85)
    }

    @Test func condensedRewriteIsFullyAligned() throws {
        let wire = try SampleArticles.document("wire"), condensed = try SampleArticles.document("rewrite-condensed")
        let r = Differ().compare(wire, condensed)
        #expect(r.added.isEmpty)
        #expect(r.verdict.kind == .sameStory)
        for needle in ["Elena Varga said", "Dale Hutchins", "Army Corps"] {
            let found = wire.sentences(containing: needle)
            #expect(!found.isEmpty && found.allSatisfy(r.omitted.contains), "\(needle)")
        }
    }

    @Test func syndicatedCopyIsIdenticalAndBoilerplateStaysOut() throws {
        let wire = try SampleArticles.document("wire"), copy = try SampleArticles.document("syndicated-copy")
        let r = Differ().compare(wire, copy)
        #expect(r.omitted.isEmpty)
        #expect(r.alignments.allSatisfy { $0.kind == .identical })
        #expect(r.alignments.flatMap(\.b).allSatisfy { copy.sentences[$0].boilerplate == nil })
    }

    @Test func differentStoryIsNotTheSameStory() throws {
        let wire = try SampleArticles.document("wire"), other = try SampleArticles.document("different-story")
        let r = Differ().compare(wire, other)
        #expect(r.verdict.kind != .sameStory)
        #expect(r.aligns(wire, "a town of about 9,000 people", other, "a town of about 9,000 people"))
    }
}
