import Foundation
import WireDiff
import WireDiffCLI

/// `WireDiffBenchmarks lexicon [--runs N]`: times parsing the embedded lexical table
/// (``LexicalTable``, what the first `diff` or `pairs` of a process pays once) and a look-up,
/// and prints a few relations as a sanity check. Refuses to run in a debug build.
func runLexiconBenchmark(arguments: [String]) -> Int32 {
    #if DEBUG
    FileHandle.standardError.write(Data("lexicon benchmark: build with `swift build -c release`\n".utf8))
    return 64
    #else
    let runsOption = Option("--runs", "n", .integer(in: 1...100_000), default: 10, help: "Times the table is parsed (median and minimum reported).")
    let runs = BenchmarkArguments.parse("lexicon", usage: "[--runs N]", options: [runsOption.spec], arguments) { (parsed) throws(UsageError) in
        guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument '\(parsed.positionals[0])'") }
        return try parsed.value(runsOption)
    }
    var times: [Double] = []
    var table: LexicalTable? = nil
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        table = LexicalTable(packed: LexicalTable.packed)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    let t = table!
    let words: [(String, String)] = [
        ("controversial", "contentious"), ("rejected", "dismissed"), ("chance", "opportunity"), ("assassination", "killing"),
        ("british", "uk"), ("american", "us"), ("tehran", "iran"), ("striker", "forward"), ("received", "got"),
        ("honours", "honors"), ("film", "movie"), ("monday", "tuesday"), ("won", "lost"), ("rise", "fall"),
    ]
    let probe = words.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    let lookups = 100_000
    let start = DispatchTime.now().uptimeNanoseconds
    var related = 0
    for k in 0..<lookups { if t.relation(probe[k % probe.count].0, probe[k % probe.count].1) != .none { related += 1 } }
    let perLookup = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(lookups)
    print("lexicon benchmark (release, \(runs) runs): \(t.wordCount) words, \(LexicalTable.packed.utf8CodeUnitCount) bytes embedded")
    print(String(format: "  index: median %.2f ms, min %.2f ms; relation of two words: %.0f ns", times[times.count / 2], times[0], perLookup))
    for (a, b) in words { print("  \(a) ~ \(b): \(t.relation(Array(a.utf8), Array(b.utf8)))") }
    return related >= 0 ? 0 : 1
    #endif
}
