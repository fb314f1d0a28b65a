import Testing
@testable import WireDiff

/// The rule table of ``BoilerplateDetector``: every rule matches an example and not a near
/// miss, through the matcher alone, the whole table and the detector; the byte pass and the
/// pre-filter derived from the table agree with the matcher on every example.
@Suite struct BoilerplateRuleTests {
    /// Per rule name: a line it matches, and a near miss it must not match.
    static let examples: [String: (positive: String, nearMiss: String)] = [
        "file photo caption": ("FILE PHOTO: Smoke rises over the city.", "File photo: smoke rises over the city"),
        "share prompt": ("Share this article", "Share prices fell sharply"),
        "network names": ("Facebook | Twitter | Email", "Facebook shares fell"),
        "follow prompt": ("Follow us on Telegram", "Follow the money, investigators said"),
        "gallery counter": ("Photo 3 of 12", "3 of 12 candidates"),
        "photo credit": ("(Photo: Reuters)", "Photographers gathered outside"),
        "agency credit": ("Jane Doe/Getty Images", "Getty Images shares rose 5% on Tuesday."),
        "contributed": ("Reuters contributed to this report.", "Reuters contributed funding to the project."),
        "reporting by": ("Reporting by Jane Doe; Editing by John Roe", "Reporting from Cairo, Jane Doe said"),
        "licensing": ("© 2024 Example Media. All rights reserved.", "Human rights groups reserved judgement."),
        "comment policy": ("Commenters must respect our terms of use.", "The committee will comment on the policy later."),
        "comment prompt": ("Comments are closed.", "Comments are welcome, the minister said."),
        "comment count": ("12 comments", "Many comments"),
        "navigation": ("Read more: Israel strikes Beirut suburb", "Read more books, the minister urged"),
        "newsletter": ("Get our newsletter delivered to your inbox", "The newsletter was founded in 1990."),
        "subscribe": ("Subscribe to our podcast", "Subscribers rose by 5% in March"),
        "byline": ("By the Example Gazette staff", "By then the fire had spread"),
        "timestamp": ("Updated 3:04 p.m. ET", "Updated guidance is expected soon"),
        "outlet name": ("— Reuters", "Reuters reported the deal"),
        "all-caps sign-off": ("WASHINGTON", "Washington"),
    ]

    /// Runs `body` on `line` as the rules see it (normalized by ``Normalizer``).
    func withSubject<R>(_ line: String, nearEnd: Bool = true, _ body: (BoilerplateRule.Subject) -> R) -> R {
        let text = Array(line.utf8)
        let normalized = Array(Normalizer.normalize(line).utf8)
        let words = normalized.split(separator: 0x20).count
        return text.withUnsafeBufferPointer { t in
            normalized.withUnsafeBufferPointer { n in
                body(BoilerplateRule.Subject(text: t, normalized: n, words: words, isNearEnd: nearEnd))
            }
        }
    }

    /// The reason the detector gives `line` between paragraphs of reporting (near the end of
    /// the article), or `nil`.
    func detected(_ line: String) -> BoilerplateReason? {
        let document = Document(id: "t", text: BoilerplateTests.body + "\n" + line + "\n" + BoilerplateTests.after)
        let reasons = Set(document.sentences.filter { $0.paragraph == 2 }.map(\.boilerplate))
        return reasons.count == 1 ? reasons.first! : nil
    }

    @Test func everyRuleHasExamples() {
        let names = BoilerplateRule.table.map(\.name)
        #expect(Set(names).count == names.count, "rule names are unique")
        #expect(Set(names) == Set(Self.examples.keys))
    }

    @Test(arguments: BoilerplateRule.table.map(\.name))
    func ruleMatchesItsExampleAndNotTheNearMiss(name: String) throws {
        let rule = try #require(BoilerplateRule.table.first { $0.name == name })
        let (positive, nearMiss) = try #require(Self.examples[name])
        #expect(withSubject(positive) { BoilerplateRule.firstMatch($0, in: [rule]) } == rule.reason, "\(positive)")
        #expect(withSubject(nearMiss) { BoilerplateRule.firstMatch($0, in: [rule]) } == nil, "\(nearMiss)")
        // The whole table and the detector give the example the rule's reason.
        #expect(withSubject(positive) { BoilerplateRule.firstMatch($0) } == rule.reason, "\(positive)")
        #expect(detected(positive) == rule.reason, "\(positive)")
        // The pre-filters derived from the rule and from the table let the example through.
        #expect(withSubject(positive) { BoilerplatePrefilter([rule]).mayMatch($0) }, "\(positive)")
        #expect(withSubject(positive) { BoilerplateDetector.prefilter.mayMatch($0) }, "\(positive)")
    }

    @Test(arguments: examples.values.flatMap { [$0.positive, $0.nearMiss] }.sorted())
    func bytePassNormalizesLikeNormalizer(line: String) {
        let bytes = Array(line.utf8)
        let scanned: [UInt8]? = bytes.withUnsafeBufferPointer { b in
            let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(b.count, 1))
            defer { out.deallocate() }
            return BoilerplateDetector.scan(b.baseAddress!, 0, b.count, into: out).map {
                Array(UnsafeBufferPointer(start: out, count: $0.count))
            }
        }
        #expect(scanned == Array(Normalizer.normalize(line).utf8), "\(line)")
    }

    @Test func nearEndOnlyRuleNeedsTheEnd() throws {
        let rule = try #require(BoilerplateRule.table.first { $0.name == "all-caps sign-off" })
        #expect(withSubject("WASHINGTON", nearEnd: true) { BoilerplateRule.firstMatch($0, in: [rule]) } == .signOff)
        #expect(withSubject("WASHINGTON", nearEnd: false) { BoilerplateRule.firstMatch($0, in: [rule]) } == nil)
    }

    @Test func timestampTakesTheFirstHeadItStartsWith() {
        // "posted on" comes before "posted": what follows it must be a time or date.
        #expect(withSubject("Posted on 3 May 2024") { BoilerplateRule.firstMatch($0) } == .byline)
        #expect(withSubject("Posted on Monday") { BoilerplateRule.firstMatch($0) } == nil)
    }

    @Test func linesTheBytePassLeavesToStringsGoThroughTheSameRules() {
        // "•" and Arabic-Indic digits are outside the byte pass (the `String` path normalizes
        // them); the rules still strip the bullet from the core and take the digit as a number.
        #expect(detected("Share •") == .sharePrompt)
        #expect(detected("Updated ٣:٠٤") == .byline)
        #expect(detected("Follow us on Telegram ✈️") == .followPrompt)
    }

    @Test func prefilterNeedsAWordLimitOnlyForTheNearEndRule() {
        #expect(BoilerplateDetector.prefilter.alwaysUpTo == 1)
        for rule in BoilerplateRule.table where rule.maxWords > 1 {
            #expect(BoilerplatePrefilter.probes(of: rule.test, maxWords: rule.maxWords) != nil, "\(rule.name)")
        }
    }

    @Test func prefilterRulesOutOrdinaryReporting() {
        // A necessary condition only ("The committee will comment …" passes it, then no rule
        // matches), but most reporting fails every probe.
        for line in [
            "Israel struck Hezbollah targets in southern Lebanon on Tuesday, the military said.",
            "Officials said 12 people were killed.",
            "The talks resumed on Monday.",
            // The agency-credit probe is skipped on a line that ends with a period.
            "Getty Images shares rose 5% on Tuesday.",
        ] {
            #expect(!withSubject(line) { BoilerplateDetector.prefilter.mayMatch($0) }, "\(line)")
        }
        #expect(withSubject("The committee will comment on the policy later.") { BoilerplateRule.firstMatch($0) } == nil)
    }

    @Test func sharedSubstringsReplaceTheStringsThatHoldThem() {
        let reduced = BoilerplatePrefilter.shared([
            ("commenter", Int.max), ("comment policy", Int.max), ("opens new tab", 20), ("license rights", 20),
            ("reprint rights", 12),
        ])
        // Two substrings in two strings each, as long: the first in byte order goes first.
        #expect(reduced.map(\.0) == [" rights", "comment", "opens new tab"])
        #expect(reduced.map(\.1) == [20, Int.max, 20])
    }

    /// The reduction, written plainly (every round re-counts every substring of the strings
    /// left), gives what ``BoilerplatePrefilter/shared(_:minimum:)`` gives, on random strings
    /// over a small alphabet (many shared substrings, repeats inside a string, ties).
    @Test func sharedSubstringsMatchAPlainReduction() {
        func plain(_ needles: [(String, Int)], minimum: Int = 5) -> [(String, Int)] {
            var left = needles.map { (Array($0.0.utf8), $0.1) }
            var result: [(String, Int)] = []
            while true {
                var holders: [[UInt8]: Int] = [:]
                for (b, _) in left {
                    var seen = Set<[UInt8]>()
                    for i in b.indices where b.count - i >= minimum {
                        for j in (i + minimum)...b.count where seen.insert(Array(b[i..<j])).inserted { holders[Array(b[i..<j]), default: 0] += 1 }
                    }
                }
                let shared = holders.filter { $0.value >= 2 }
                guard let best = shared.max(by: { a, b in
                    (a.value, a.key.count) != (b.value, b.key.count)
                        ? (a.value, a.key.count) < (b.value, b.key.count) : b.key.lexicographicallyPrecedes(a.key)
                })?.key else { break }
                let holds = { (b: [UInt8]) in
                    b.count >= best.count && (0...(b.count - best.count)).contains { b[$0..<($0 + best.count)].elementsEqual(best) }
                }
                result.append((String(decoding: best, as: UTF8.self), left.filter { holds($0.0) }.map(\.1).max()!))
                left.removeAll { holds($0.0) }
            }
            return result + left.map { (String(decoding: $0.0, as: UTF8.self), $0.1) }
        }
        var rng = SplitMix64(seed: 11)
        for _ in 0..<60 {
            let alphabet: [Character] = ["a", "b", "c", " "]
            var needles: [(String, Int)] = []
            for _ in 0..<Int(rng.next() % 9) {
                let length = 3 + Int(rng.next() % 14)
                var string = ""
                for _ in 0..<length { string.append(alphabet[Int(rng.next() % 4)]) }
                needles.append((string, Int(rng.next() % 30)))
            }
            let expected = plain(needles)
            let reduced = BoilerplatePrefilter.shared(needles)
            #expect(reduced.map(\.0) == expected.map(\.0))
            #expect(reduced.map(\.1) == expected.map(\.1))
        }
    }

    @Test func needlesCompareBytesWithWordLimits() {
        let needles = Needles([("share", 6), ("follow ", 16), ("/ap", 8)])
        func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
        bytes("share").withUnsafeBufferPointer { s in
            #expect(needles.anyEquals(s, words: 1))
            #expect(!needles.anyEquals(s, words: 7))
        }
        bytes("follow us").withUnsafeBufferPointer { s in
            #expect(needles.anyStarts(s, words: 2))
            #expect(!needles.anyStarts(s, words: 17))
            #expect(!needles.anyEquals(s, words: 2))
        }
        bytes("jane doe/ap").withUnsafeBufferPointer { s in
            #expect(needles.anyEnds(s, words: 2))
            #expect(needles.anyOccurs(in: s, words: 2))
            #expect(!needles.anyOccurs(in: s, words: 9))
        }
        bytes("").withUnsafeBufferPointer { s in
            #expect(!needles.anyEquals(s) && !needles.anyStarts(s) && !needles.anyEnds(s) && !needles.anyOccurs(in: s))
        }
    }
}
