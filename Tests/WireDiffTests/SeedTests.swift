import Foundation
import Testing
@testable import WireDiff

/// The real articles in `../shared/seeds`: sentence boundaries and exactly which lines are
/// flagged as boilerplate. Expectations name 1-based line numbers of the seed files (never
/// their text), so no seed text is copied into the repository.
@Suite(.enabled(if: Seeds.available)) struct SeedTests {
    struct Read {
        let document: Document
        /// 1-based line number of each sentence's first byte.
        let lines: [Int]

        init(_ prefix: String) {
            document = Document(id: prefix, bytes: Seeds.bytes(prefix))
            var starts: [Int] = [0]
            for (i, b) in document.bytes.enumerated() where b == 0x0a { starts.append(i + 1) }
            lines = document.sentences.map { s in starts.lastIndex(where: { $0 <= s.start })! + 1 }
        }

        var flagged: [Flag] {
            zip(document.sentences, lines).compactMap { s, line in s.boilerplate.map { Flag(line, $0) } }
        }

        func sentences(onLine line: Int) -> [Sentence] {
            zip(document.sentences, lines).filter { $0.1 == line }.map(\.0)
        }

        func text(_ s: Sentence) -> String { document.string(of: s) }

        /// The end of line `line` (1-based), trailing whitespace excluded.
        func lineEnd(_ line: Int) -> Int {
            var starts: [Int] = [0]
            for (i, b) in document.bytes.enumerated() where b == 0x0a { starts.append(i + 1) }
            var end = line < starts.count ? starts[line] - 1 : document.bytes.count
            while end > 0, [0x20, 0x0d, 0x0a].contains(document.bytes[end - 1]) { end -= 1 }
            return end
        }
    }

    struct Flag: Equatable, CustomStringConvertible {
        let line: Int
        let reason: BoilerplateReason
        init(_ line: Int, _ reason: BoilerplateReason) { self.line = line; self.reason = reason }
        var description: String { "\(line):\(reason.rawValue)" }
    }

    static let expectedFlags: [String: [Flag]] = [
        "000": [Flag(19, .creditLine)],
        "001": [Flag(3, .sharePrompt), Flag(5, .caption), Flag(27, .signOff), Flag(28, .sharePrompt)],
        "002": [
            Flag(1, .foreignScript), Flag(7, .followPrompt), Flag(8, .newsletter),
            Flag(10, .galleryCounter), Flag(11, .foreignScript), Flag(12, .foreignScript), Flag(13, .caption),
            Flag(14, .photoCredit),
            Flag(21, .galleryCounter), Flag(22, .foreignScript), Flag(23, .foreignScript), Flag(24, .caption),
            Flag(25, .photoCredit),
            Flag(32, .galleryCounter), Flag(33, .foreignScript), Flag(34, .foreignScript), Flag(35, .caption),
            Flag(36, .photoCredit),
            Flag(46, .galleryCounter), Flag(47, .foreignScript), Flag(48, .foreignScript), Flag(49, .caption),
            Flag(50, .photoCredit),
            Flag(56, .galleryCounter), Flag(57, .foreignScript), Flag(58, .foreignScript), Flag(59, .caption),
            Flag(60, .photoCredit),
            Flag(67, .commentPolicy),
        ],
        "003": [Flag(44, .creditLine), Flag(45, .licensing), Flag(45, .licensing), Flag(46, .licensing)],
        "004": [],
    ]

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func exactlyTheseSentencesAreFlagged(seed: String) {
        #expect(Read(seed).flagged == Self.expectedFlags[seed]!)
    }

    @Test(arguments: [("000", 18), ("001", 33), ("002", 74), ("003", 60), ("004", 12)])
    func sentenceCounts(seed: String, count: Int) {
        #expect(Read(seed).document.sentences.count == count)
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func everySentenceLooksLikeOne(seed: String) {
        let read = Read(seed)
        for s in read.document.sentences {
            let text = read.text(s)
            let first = text.unicodeScalars.first!
            #expect(!(first.isASCII && first.properties.isLowercase), "starts lowercase: \(s.start)")
            if s.role == .body || s.role == .bullet, s.boilerplate == nil {
                let last = text.unicodeScalars.filter { !"”’\"')".unicodeScalars.contains($0) }.last!
                #expect(".?!:…".unicodeScalars.contains(last), "no final punctuation: \(s.start)")
            }
        }
    }

    @Test func titlesAndAcronymsStayInOneSentence() throws {
        let read = Read("001")
        // "U.S. Secretary of Defense …" and "… Maj. Gen. Pat Ryder said …" are whole bullets.
        for line in [23, 24] {
            let sentences = read.sentences(onLine: line)
            try #require(sentences.count == 1)
            #expect(sentences[0].role == .bullet)
            let rest = read.document.string(sentences[0].end..<read.lineEnd(line))
            #expect(rest.trimmingCharacters(in: .whitespaces).isEmpty)
        }
        #expect(read.text(read.sentences(onLine: 23)[0]).hasPrefix("U.S. Secretary of Defense"))
        #expect(read.text(read.sentences(onLine: 24)[0]).contains("Maj. Gen. Pat Ryder said"))
    }

    @Test func bulletsAreSeparateSentences() {
        let read = Read("001")
        for line in 11...27 {
            let sentences = read.sentences(onLine: line)
            #expect(!sentences.isEmpty)
            #expect(sentences.allSatisfy { $0.role == .bullet || $0.role == .label })
            // The marker is trimmed out of the range.
            #expect(!read.text(sentences[0]).hasPrefix("•"))
        }
        #expect(read.sentences(onLine: 21).count == 3)
        #expect(read.sentences(onLine: 15).map(\.role) == [.label, .bullet])
        #expect(read.sentences(onLine: 9).map(\.role) == [.label, .body])
    }

    @Test func datelineAndMonthAbbreviation() throws {
        let read = Read("003")
        let first = read.document.sentences[0]
        let dateline = try #require(first.dateline)
        #expect(read.document.string(dateline).hasPrefix("DUBAI, Nov 15 ("))
        // "… on Oct. 7 left …" is one sentence.
        #expect(read.sentences(onLine: 9).count == 1)
        #expect(read.document.sentences.dropFirst().allSatisfy { $0.dateline == nil })
    }

    @Test func headlinesAndLabels() {
        let read = Read("001")
        #expect(read.sentences(onLine: 1).map(\.role) == [.headline])
        let r3 = Read("003")
        #expect(r3.sentences(onLine: 11).map(\.role) == [.headline])
        #expect(r3.sentences(onLine: 22).map(\.role) == [.headline])
    }
}
