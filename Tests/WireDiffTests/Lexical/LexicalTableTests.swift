import Testing
@testable import WireDiff

/// The embedded lexical table: synonyms, broader terms, inflections and spellings of general
/// English, and number values.
@Suite struct LexicalTableTests {
    let table = LexicalTable.shared

    func relation(_ a: String, _ b: String) -> LexicalTable.Relation { table.relation(Array(a.utf8), Array(b.utf8)) }

    @Test(arguments: [("controversial", "contentious"), ("film", "movie"), ("chance", "opportunity"), ("british", "uk"), ("american", "us")])
    func synonyms(a: String, b: String) {
        #expect(relation(a, b) == .synonym)
        #expect(relation(b, a) == .synonym)
    }

    @Test(arguments: [("rejected", "dismissed"), ("tehran", "iran")])
    func broaderTerms(a: String, b: String) { #expect(relation(a, b) == .related) }

    @Test(arguments: [("monday", "tuesday"), ("won", "lost"), ("bridge", "budget")])
    func unrelatedWords(a: String, b: String) { #expect(relation(a, b) == .none) }

    @Test func inflectionsAndSpellings() {
        #expect(relation("chances", "opportunities") == .synonym)
        #expect(table.americanSpelling(of: Array("honours".utf8)) == Array("honors".utf8))
        #expect(table.americanSpelling(of: Array("organising".utf8)) == Array("organizing".utf8))
        #expect(table.americanSpelling(of: Array("four".utf8)) == nil)
        #expect(table.concepts(of: Array("xqzzy".utf8)).isEmpty)
        #expect(table.wordCount > 70_000)
    }

    @Test(arguments: [("2", 2.0, ""), ("1,600", 1600, ""), ("£5m", 5e6, ""), ("3.5%", 3.5, "%"), ("13th", 13, ""), ("1980s", 1980, "s")])
    func numberValues(text: String, value: Double, suffix: String) {
        let v = NumberValue(digits: Array(text.utf8))
        #expect(v?.value == value)
        #expect(v?.suffix == suffix)
    }

    @Test func figuresFarApartCannotBeOneFigureChanged() {
        #expect(NumberValue.couldBeChanged(NumberValue(value: 400), NumberValue(value: 460)))
        #expect(!NumberValue.couldBeChanged(NumberValue(value: 5), NumberValue(value: 600)))
        #expect(!NumberValue.couldBeChanged(NumberValue(value: 5, currency: "$"), NumberValue(value: 5, currency: "£")))
    }
}
