import Testing
@testable import WireDiff

@Suite struct BoilerplateTests {
    /// Paragraphs of ordinary reporting around the fixture lines, so the article has a body.
    static let body = """
        Israel struck Hezbollah targets in southern Lebanon on Tuesday, the military said.
        The strikes came after rockets were fired across the border, officials said.
        """
    static let after = """
        Lebanon's health ministry said 12 people were killed and 40 wounded.
        Iran condemned the strikes and called for an emergency meeting of the Security Council.
        """

    /// (text, reason) of each flagged sentence.
    func flagged(_ text: String) -> [(String, BoilerplateReason)] {
        let document = Document(id: "t", text: text)
        return document.sentences.compactMap { s in s.boilerplate.map { (document.string(of: s), $0) } }
    }

    func reason(_ line: String) -> BoilerplateReason? {
        let document = Document(id: "t", text: Self.body + "\n" + line + "\n" + Self.after)
        let flagged = document.sentences.filter { $0.paragraph == 2 }
        let reasons = Set(flagged.map(\.boilerplate))
        return reasons.count == 1 ? reasons.first! : nil
    }

    @Test(arguments: [
        ("Share:", BoilerplateReason.sharePrompt),
        ("Share this article", .sharePrompt),
        ("Facebook Twitter Email", .sharePrompt),
        ("Follow us on Telegram", .followPrompt),
        ("<< Follow Example News on Facebook | X | Instagram >>", .followPrompt),
        ("12 View gallery", .galleryCounter),
        ("Photo 3 of 12", .galleryCounter),
        ("View gallery", .galleryCounter),
        ("(Photo: Reuters)", .photoCredit),
        ("Photo: Jane Doe/AFP", .photoCredit),
        ("Credit: AP", .photoCredit),
        ("Getty Images", .photoCredit),
        ("(AP Photo/Jane Doe)", .photoCredit),
        ("FILE : A man walks past a mural in Beirut.", .caption),
        ("FILE PHOTO: Smoke rises over Gaza.", .caption),
        ("Reuters contributed to this report.", .creditLine),
        ("Agencies contributed to this story.", .creditLine),
        ("Reporting by Jane Doe in Cairo; Editing by John Roe", .creditLine),
        ("Writing by Jane Doe", .creditLine),
        ("— Reuters", .signOff),
        ("The Associated Press", .signOff),
        ("Acquire license rights, opens new tab", .licensing),
        ("Our standards: The Example Trust Principles.", .licensing),
        ("© 2024 Example Media. All rights reserved.", .licensing),
        ("Copyright 2024 Example Media", .licensing),
        ("Commenters must respect our terms of use and privacy policy.", .commentPolicy),
        ("By commenting you agree to our community guidelines.", .commentPolicy),
        ("Comments are closed.", .commentPolicy),
        ("More stories:", .newsletter),
        ("Read more: Israel strikes Beirut suburb", .newsletter),
        ("Sign up for our daily newsletter", .newsletter),
        ("Get our newsletter delivered to your inbox every morning.", .newsletter),
        ("By Jane Doe", .byline),
        ("By the Example Gazette staff", .byline),
        ("By THE EXAMPLE GAZETTE", .byline),
        ("Updated 3:04 p.m.", .byline),
        ("Published: Nov 15, 2023", .byline),
    ])
    func flagsFurniture(line: String, expected: BoilerplateReason) {
        #expect(reason(line) == expected, "\(line)")
    }

    @Test(arguments: [
        "The company said it would share the data with regulators.",
        "Share prices fell 3% on Monday.",
        "Reuters reported that the talks had stalled.",
        "The policy on comments by officials was changed, the ministry said.",
        "Comments by the minister violated the party's rules, critics said.",
        "He urged supporters to follow the news on Twitter and stay calm.",
        "Follow the money, investigators said.",
        "By Tuesday, the ceasefire had collapsed.",
        "By the end of the day, 40 homes had flooded.",
        "By the way things stood on Monday",
        "Photos of the damage were shared widely on social media.",
        "Getty Images photographers were among those detained.",
        "The newsletter editor said the report was accurate.",
        "AP reporters witnessed the strikes.",
        "Copyright law experts said the move was unprecedented.",
        "Subscribers to the service complained about outages.",
        "Updated figures released on Monday showed 1,600 dead.",
        "Recommended doses were exceeded, the ministry said.",
        "For this story, Reuters spoke to four Iranian sources.",
        "The photo was taken by a freelance photographer in Gaza.",
        "Five people were killed, according to the health ministry.",
        "Driving the news: Israel struck Beirut.",
    ])
    func leavesReportingAlone(line: String) {
        let document = Document(id: "t", text: Self.body + "\n" + line + "\n" + Self.after)
        #expect(document.sentences.allSatisfy { $0.boilerplate == nil }, "\(line)")
    }

    @Test func captionBetweenGalleryCounterAndCredit() {
        let text = Self.body + "\n5 View gallery\nיואב גלנט\nיואב גלנט\nYoav Gallant\n(Photo: GPO)\n" + Self.after
        #expect(flagged(text).map(\.1) == [.galleryCounter, .foreignScript, .foreignScript, .caption, .photoCredit])
        #expect(flagged(text)[3].0 == "Yoav Gallant")
    }

    @Test func descriptiveCaptionBetweenCounterAndCredit() {
        let text = Self.body + "\n3 View gallery\nRescue workers search the rubble of a building\n(Photo: AFP)\n" + Self.after
        #expect(flagged(text).map(\.1) == [.galleryCounter, .caption, .photoCredit])
    }

    @Test func nameOnlyLineAboveACredit() {
        let text = Self.body + "\nEsmail Qaani, Hassan Nasrallah\n(Photo: AP, AFP)\n" + Self.after
        #expect(flagged(text).map(\.1) == [.caption, .photoCredit])
    }

    @Test func outletSignOffAtTheEnd() {
        let text = Self.body + "\n  • The last bullet of reporting.\n  • AXIOS\nShare:"
        #expect(flagged(text).map(\.1) == [.signOff, .sharePrompt])
        // An all-caps section head in the middle is not a sign-off.
        let middle = Self.body + "\nISRAEL\n" + Self.after + "\nIran said it would respond.\nThe talks resumed later."
        #expect(flagged(middle).isEmpty)
    }

    @Test func repeatedLines() {
        let text = Self.body + "\nA pull quote repeated on the page.\n" + "Something else was reported.\n"
            + "A pull quote repeated on the page."
        let flagged = flagged(text)
        #expect(flagged.count == 1)
        #expect(flagged.first?.1 == .repeatedLine)
    }

    @Test func linesWithTheSameKeyAreComparedWhole() {
        // Same length and the same first, middle and last eight bytes (so the same line key),
        // different elsewhere: not a repeat. Short lines (under eight bytes) are keyed whole.
        let first = "Officials said the ministers met on Monday to talk."
        let second = "Officials told the ministers met on Monday to talk."
        #expect(first.utf8.count == second.utf8.count)
        let key: (String) -> UInt64 = { line in Array(line.utf8).withUnsafeBufferPointer { BoilerplateDetector.lineKey($0) } }
        #expect(key(first) == key(second))
        #expect(flagged(Self.body + "\n" + first + "\n" + second + "\n" + Self.after).isEmpty)
        #expect(key("Iran") != key("Iraq"))
        #expect(flagged(Self.body + "\n" + first + "\nMore reporting followed.\n" + first + "\n").map(\.1) == [.repeatedLine])
    }

    @Test func foreignScriptCaptionsOnly() {
        // A short Hebrew line in an English article is flagged; an English line is not.
        #expect(reason("נפילות בגולן") == .foreignScript)
        // A long Hebrew line is not (it may be a quote of reporting).
        let long = Array(repeating: "מילה", count: 20).joined(separator: " ")
        #expect(reason(long) == nil)
        // In a Hebrew article, the Hebrew lines are reporting.
        let hebrew = "ישראל תקפה בלבנון היום.\nהצבא אמר כי התקיפה הצליחה.\nנפילות בגולן"
        #expect(flagged(hebrew).isEmpty)
    }

    @Test func keepBoilerplateOptionDisablesFlags() {
        let document = Document(id: "t", text: "Share:\n" + Self.body, options: TextOptions(keepBoilerplate: true))
        #expect(document.sentences.allSatisfy { $0.boilerplate == nil })
    }
}
