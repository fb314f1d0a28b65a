import Testing
@testable import WireDiff

@Suite struct SentenceSplitterTests {
    func split(_ text: String) -> [Sentence] { SentenceSplitter().split(text) }

    func texts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return split(text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    func roles(_ text: String) -> [Sentence.Role] { split(text).map(\.role) }

    @Test(arguments: [
        ("U.S. Secretary of Defense Lloyd Austin spoke. He left.",
         ["U.S. Secretary of Defense Lloyd Austin spoke.", "He left."]),
        ("Press Secretary Maj. Gen. Pat Ryder said it. Dr. Smith agreed.",
         ["Press Secretary Maj. Gen. Pat Ryder said it.", "Dr. Smith agreed."]),
        ("It would draw the U.S. into the war. The U.N. Security Council met.",
         ["It would draw the U.S. into the war.", "The U.N. Security Council met."]),
        ("Troops left the U.S. The next day they landed.", ["Troops left the U.S.", "The next day they landed."]),
        ("Mr. Smith and Mrs. Jones met Sen. Doe and Lt. Col. Roe. They talked.",
         ["Mr. Smith and Mrs. Jones met Sen. Doe and Lt. Col. Roe.", "They talked."]),
        ("He joined Acme Co. in 2001. Acme Inc. The company grew.",
         ["He joined Acme Co. in 2001.", "Acme Inc.", "The company grew."]),
        ("Martin Luther King Jr. spoke. Then he left.", ["Martin Luther King Jr. spoke.", "Then he left."]),
        ("It ranked No. 1 in the region. No. That was wrong.", ["It ranked No. 1 in the region.", "No.", "That was wrong."]),
        ("He arrived at 5 p.m. on Monday. She left at 9 a.m. Tuesday.",
         ["He arrived at 5 p.m. on Monday.", "She left at 9 a.m. Tuesday."]),
        ("They attacked on Oct. 7 in Israel. On Nov. 15 talks began.",
         ["They attacked on Oct. 7 in Israel.", "On Nov. 15 talks began."]),
        ("J. R. R. Tolkien wrote it. Then he rested.", ["J. R. R. Tolkien wrote it.", "Then he rested."]),
        ("Prices rose 3.5% to 1,600.25 dollars. Then 11,000 more.", ["Prices rose 3.5% to 1,600.25 dollars.", "Then 11,000 more."]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
        ("He waited… and then left.", ["He waited… and then left."]),
        ("Why? Because! Yes.", ["Why?", "Because!", "Yes."]),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        ("He said \"it is over.\" Then he left.", ["He said \"it is over.\"", "Then he left."]),
        ("“We woke up to a war,” said a commander. “It was over.”", ["“We woke up to a war,” said a commander.", "“It was over.”"]),
        ("They said “the Middle East.” said Jon Doe of the center.", ["They said “the Middle East.” said Jon Doe of the center."]),
        ("It works, e.g. in Gaza, vs. the rest. Fine.", ["It works, e.g. in Gaza, vs. the rest.", "Fine."]),
        ("The U.S.-Saudi deal was signed. Talks went on.", ["The U.S.-Saudi deal was signed.", "Talks went on."]),
        ("He left (for now). They stayed.", ["He left (for now).", "They stayed."]),
    ])
    func boundaries(text: String, expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test func everyLineBreakIsAHardBoundary() {
        let text = "First line without a period\nSecond line.\n\n\nThird line.\r\nFourth"
        #expect(texts(text) == ["First line without a period", "Second line.", "Third line.", "Fourth"])
        #expect(split(text).map(\.paragraph) == [0, 1, 2, 3])
    }

    @Test func bulletsAreSeparateSentencesWithMarkersTrimmed() {
        let text = "Intro sentence here.\n  • First item. Its second sentence.\n- Dash item.\n* Star item.\n1. Numbered item.\n2) Another item."
        #expect(texts(text) == [
            "Intro sentence here.", "First item.", "Its second sentence.", "Dash item.", "Star item.", "Numbered item.",
            "Another item.",
        ])
        #expect(roles(text) == [.body, .bullet, .bullet, .bullet, .bullet, .bullet, .bullet])
    }

    @Test func negativeNumbersAndYearsAreNotBullets() {
        #expect(roles("-5 degrees were recorded.") == [.body])
        #expect(roles("2006. The war began.").first == .body)
    }

    @Test func labelsAreSeparateSentences() {
        let text = "Why it matters: The region could destabilize.\n  • Driving the news: Israel struck.\nWhat they’re saying: He spoke."
        #expect(texts(text) == [
            "Why it matters:", "The region could destabilize.", "Driving the news:", "Israel struck.", "What they’re saying:",
            "He spoke.",
        ])
        #expect(roles(text) == [.label, .body, .label, .bullet, .label, .body])
    }

    @Test func quoteIntroductionsAreNotLabels() {
        #expect(roles("Nasrallah said: We will fight.") == [.body])
        #expect(roles("The meeting started at 10:30 a.m. local time.") == [.body])
        #expect(roles("FILE : A man walks past a mural.") == [.body])
    }

    @Test func headlinesAreShortLinesWithoutFinalPunctuation() {
        let text = "Hezbollah asks Iran for help\nThe group asked Iran for help.\nISRAEL LOOKS NORTH\n'First line of defense'"
        #expect(roles(text) == [.headline, .body, .headline, .headline])
        let long = String(repeating: "word ", count: 40) + "end"
        #expect(roles(long) == [.body])
    }

    @Test(arguments: [
        ("DUBAI, Nov 15 (Reuters) – Iran’s leader spoke. He left.", "DUBAI, Nov 15 (Reuters) –", "Iran’s leader spoke."),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP) —", "The Senate voted."),
        ("GAZA CITY — Strikes hit the city.", "GAZA CITY —", "Strikes hit the city."),
        ("BEIRUT, Lebanon (AP) - A blast shook the port.", "BEIRUT, Lebanon (AP) -", "A blast shook the port."),
        ("LONDON, March 3 -- Markets fell.", "LONDON, March 3 --", "Markets fell."),
    ])
    func datelines(text: String, dateline: String, content: String) throws {
        let bytes = Array(text.utf8)
        let first = try #require(SentenceSplitter().split(text).first)
        let range = try #require(first.dateline)
        #expect(String(decoding: bytes[range], as: UTF8.self) == dateline)
        let contentText = String(decoding: bytes[first.contentRange], as: UTF8.self)
        #expect(contentText.trimmingCharacters(in: .whitespaces) == content)
        #expect(first.start == 0)
    }

    @Test(arguments: [
        "NATO, the alliance - said nothing.", "HIZBOLLAH’S DOMESTIC PROBLEMS", "AMERICA is under attack",
        "U.S. officials - speaking anonymously - agreed.", "The IDF — the army — struck.",
    ])
    func notDatelines(text: String) {
        #expect(split(text).allSatisfy { $0.dateline == nil })
    }

    @Test func whitespaceAndInvisibleSpacesAreTrimmed() {
        #expect(texts("\u{00A0} \u{200B}Hello there.\u{00A0}\u{200B}  \t") == ["Hello there."])
        #expect(texts(" \n\u{00A0}\n ").isEmpty)
        #expect(texts("").isEmpty)
    }

    @Test func rangesAreOrderedAndPointIntoTheOriginal() {
        let text = "DUBAI, Nov 15 (Reuters) – Iran’s U.S. envoy spoke.  “Yes.” Then: no.\n\n  • Item one… Item two!"
        let sentences = split(text)
        var last = 0
        for s in sentences {
            #expect(s.start >= last && s.start < s.end && s.end <= text.utf8.count)
            last = s.end
        }
        #expect(sentences.count == 5)
    }
}
