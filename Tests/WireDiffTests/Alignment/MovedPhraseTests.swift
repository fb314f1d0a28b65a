import Foundation
import Testing
@testable import WireDiff

/// Phrases that a rewrite moves to another sentence (a sentence folded into a merge longer
/// than the aligner's groups, a clause split off to the next sentence) are not added or
/// dropped facts; a figure changed on the way is a changed number.
@Suite struct MovedPhraseTests {
    static let storm = """
        Storm closes Marren coast road

        A spring storm closed the Marren coast road for nine hours on Tuesday.

        Falling rocks blocked both lanes near the lighthouse at Gull Point.

        Council crews cleared the debris with two diggers by early evening.

        The bus company cancelled its afternoon service to the fishing villages.

        Police asked drivers to avoid the area until the road inspectors had checked the cliff.

        The last storm to close the road, in 2019, kept it shut for a week.
        """
    /// The first four sentences told in one.
    static let stormMerged = """
        Storm closes Marren coast road

        A spring storm closed the Marren coast road for nine hours on Tuesday, and falling rocks blocked both lanes near the lighthouse at Gull Point, and council crews cleared the debris with two diggers by early evening; the bus company cancelled its afternoon service to the fishing villages.

        Police asked drivers to avoid the area until the road inspectors had checked the cliff.

        The last storm to close the road, in 2019, kept it shut for a week.
        """

    func report(_ a: String, _ b: String) -> PairReport {
        Differ().compare(Document(id: "a", text: a), Document(id: "b", text: b))
    }

    @Test func sentenceFoldedIntoALongMergeIsNoAddedDetail() {
        let r = report(Self.storm, Self.stormMerged)
        #expect(r.alignments.flatMap(\.changes).isEmpty)
    }

    @Test func figureChangedInAMovedPhraseIsAChangedNumber() {
        let r = report(Self.storm, Self.stormMerged.replacingOccurrences(of: "for nine hours", with: "for eleven hours"))
        let all = r.alignments.flatMap(\.changes)
        #expect(all.map(\.kind) == [.number])
        #expect(all.first?.referenceText == "nine" && all.first?.otherText == "eleven")
    }

    @Test func phraseSaidElsewhereByItsOwnSentenceIsStillDropped() {
        // The rewrite keeps the fact in the headline's sentence and drops it from the body: a
        // fact told twice and dropped once is dropped.
        let r = report(
            "Calder library reopens after renovation\n\nThe Calder library, which was closed for a two-year renovation, reopened on Saturday.\n\nReaders queued outside before nine.",
            "Calder library reopens after renovation\n\nThe Calder library reopened on Saturday.\n\nReaders queued outside before nine.")
        #expect(r.alignments.flatMap(\.changes).filter { $0.kind == .droppedDetail }.map(\.referenceText) == ["which was closed for a two-year renovation"])
    }

    /// A word written twice on one side links to the copy whose neighbours match, so the clause
    /// around the other copy reads as dropped in full.
    @Test func repeatedWordLinksToTheCopyItsContextConfirms() {
        let r = report(
            """
            Rovers held at Tannock Park

            Late in the game Kieran Marsh sent Ollie Brandt away on the left and he crossed the ball to Holloway, who looked to be standing in an offside position.

            The visitors appealed for offside against Holloway but referee Tom Graves ignored their claims and pointed to the centre spot.
            """,
            """
            Rovers held at Tannock Park

            Late in the game Kieran Marsh sent Ollie Brandt away on the left and he crossed the ball to Holloway, and the visitors appealed for offside against Holloway but referee Tom Graves ignored their claims and pointed to the centre spot.
            """)
        #expect(r.alignments.flatMap(\.changes).map(\.referenceText) == ["who looked to be standing in an offside position"])
    }
}
