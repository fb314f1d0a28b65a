import Foundation
@testable import WireDiff

/// A small generated corpus for archive tests: stories of made-up words, their rewrites
/// (sentences dropped, moved, reworded), reprints, and one stock sentence repeated in many
/// articles (so some buckets grow past the star limit); dated and undated articles.
enum SyntheticCorpus {
    /// `count` articles, deterministic for `seed`.
    static func records(count: Int, seed: UInt64) -> [CorpusRecord] {
        var random = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let syllables = ["ka", "lo", "mi", "ter", "san", "vo", "ri", "pen", "dul", "ho", "ze", "mar", "tin", "ba", "qua", "nel"]
        let words = (0..<1500).map { _ in (0..<(2 + below(2))).map { _ in syllables[below(syllables.count)] }.joined() }
        let names = (0..<200).map { _ in (0..<2).map { _ in syllables[below(syllables.count)] }.joined().capitalizedFirst }
        let stock = "The ministry said the figures would be published later this year."
        func sentence(_ vocabulary: [String]) -> String {
            var parts = (0..<(8 + below(8))).map { _ in vocabulary[below(vocabulary.count)] }
            parts[below(parts.count)] = names[below(names.count)]
            if below(3) == 0 { parts.append(String(below(2000))) }
            return parts.joined(separator: " ").capitalizedFirst + "."
        }
        var records: [CorpusRecord] = []
        while records.count < count {
            let story = records.count
            let vocabulary = (0..<40).map { _ in words[below(words.count)] }
            let sentences = (0..<(6 + below(14))).map { _ in sentence(vocabulary) }
            let day = 1 + below(28)
            func add(_ text: [String], day: Int?) {
                guard records.count < count else { return }
                var lines = text
                if below(4) == 0 { lines.insert(stock, at: min(lines.count, 1 + below(3))) }
                let date = day.map { "2024-03-" + ($0 < 10 ? "0" : "") + String($0) }
                records.append(CorpusRecord(
                    id: "g\(records.count)", bytes: Array(lines.joined(separator: "\n").utf8), date: below(10) == 0 ? nil : date,
                    source: "synthetic:\(records.count)"))
            }
            add(sentences, day: day)
            guard below(3) == 0 else { continue }
            for _ in 0..<(1 + below(3)) {
                // A rewrite: drop, move and reword sentences, add one.
                var rewritten = sentences.filter { _ in below(5) != 0 }.map { s -> String in
                    var parts = s.split(separator: " ").map(String.init)
                    for _ in 0..<(parts.count / 4) { parts[below(parts.count)] = vocabulary[below(vocabulary.count)] }
                    return parts.joined(separator: " ")
                }
                if rewritten.count > 2 { rewritten.swapAt(0, 1 + below(rewritten.count - 1)) }
                rewritten.append(sentence(vocabulary))
                add(rewritten, day: day + below(3))
            }
            if below(4) == 0 { add(sentences, day: day) }
            _ = story
        }
        return records
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
