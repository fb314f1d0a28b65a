import Foundation
import Testing
@testable import WireDiff

/// `Sources/WireDiff/Text/BoilerplatePrefilter+Reductions.swift`, the pre-filter's substring
/// reductions worked out ahead of time, is what the boilerplate rules give today.
@Suite struct BoilerplatePrefilterReductionsTests {
    static let path = "Sources/WireDiff/Text/BoilerplatePrefilter+Reductions.swift"

    /// The generated file's text for the rules as they are: each list of strings the
    /// pre-filter of ``BoilerplateDetector/rules`` reduces, by fingerprint, with what
    /// ``BoilerplatePrefilter/shared(_:minimum:)`` makes of it.
    static func source() -> String {
        var lists: [[(String, Int)]] = []
        _ = BoilerplatePrefilter(BoilerplateDetector.rules) { needles in
            lists.append(needles)
            return BoilerplatePrefilter.shared(needles)
        }
        var seen = Set<UInt64>()
        var entries = ""
        for needles in lists where seen.insert(BoilerplatePrefilter.fingerprint(needles)).inserted {
            let reduced = BoilerplatePrefilter.shared(needles)
            let key = String(BoilerplatePrefilter.fingerprint(needles), radix: 16)
            entries += "        // \(needles.count) strings → \(reduced.count)\n"
            entries += "        (0x\(String(repeating: "0", count: 16 - key.count) + key), [\n"
            for (string, maxWords) in reduced {
                entries += "            (\(string.debugDescription), \(maxWords == .max ? ".max" : String(maxWords))),\n"
            }
            entries += "        ]),\n"
        }
        return """
            // Generated from BoilerplateRule+Table.swift by Scripts/generate-prefilter-reductions.sh: do not edit by hand.

            extension BoilerplatePrefilter {
                /// ``shared(_:minimum:)`` of each list of substring probes the pre-filter of the
                /// boilerplate rules reduces, by ``fingerprint(_:)`` of the list, worked out ahead of
                /// time: ``reduced(_:)`` looks a list up here before reducing it.
                static let reductions: [(needles: UInt64, reduced: [(String, Int)])] = [

            """ + entries + """
                ]
            }

            """
    }

    /// Fails when a rule changed and the file was not regenerated (the pre-filter then still
    /// works, reducing at start-up). `WIREDIFF_REGENERATE=1` rewrites the file instead.
    @Test func reductionsAreTheRulesOwn() throws {
        let url = Repository.root.appendingPathComponent(Self.path)
        let expected = Self.source()
        if ProcessInfo.processInfo.environment["WIREDIFF_REGENERATE"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(Self.path) does not match the boilerplate rules: run Scripts/generate-prefilter-reductions.sh")
    }

    /// Every list the rules' pre-filter reduces is found in the table, so start-up reduces none.
    @Test func theRulesReduceNothingAtStartUp() {
        var reducedAtStartUp = 0
        _ = BoilerplatePrefilter(BoilerplateDetector.rules) { needles in
            if !BoilerplatePrefilter.reductions.contains(where: { $0.needles == BoilerplatePrefilter.fingerprint(needles) }) {
                reducedAtStartUp += 1
            }
            return BoilerplatePrefilter.reduced(needles)
        }
        #expect(reducedAtStartUp == 0)
        #expect(!BoilerplatePrefilter.reductions.isEmpty)
    }

    /// A list not in the table is reduced as before.
    @Test func aListNotInTheTableIsReduced() {
        let needles = [("commenter", Int.max), ("comment policy", 12)]
        #expect(BoilerplatePrefilter.reduced(needles).map(\.0) == ["comment"])
        #expect(BoilerplatePrefilter.reduced(needles).map(\.1) == [.max])
    }
}
