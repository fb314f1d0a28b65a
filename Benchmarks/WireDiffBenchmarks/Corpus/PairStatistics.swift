import WireDiff

/// Exact set overlaps between two texts, for checking the realism of the generated corpus.
///
/// Independent of the library's pipeline on purpose: words are maximal runs of ASCII letters,
/// digits, apostrophes inside words and non-ASCII bytes, lowercased; `word5` is the set of
/// hashed word 5-grams (the off-the-shelf MinHash default), `content` the set of words that are
/// not in a small English stopword list.
///
/// - Complexity: O(n log n) per profile, O(n) per Jaccard on the sorted sets.
enum PairStatistics {
    struct Profile {
        var word5: [UInt64]
        var content: [UInt64]

        init(_ text: String) {
            var words: [UInt64] = []
            var content: [UInt64] = []
            var current: [UInt8] = []
            var copy = text
            copy.withUTF8 { bytes in
                for b in bytes {
                    let lower = b | 0x20
                    if (lower >= 97 && lower <= 122) || (b >= 48 && b <= 57) || b >= 0x80 || (b == 39 && !current.isEmpty) {
                        current.append(b >= 65 && b <= 90 ? lower : b)
                    } else if !current.isEmpty {
                        PairStatistics.flush(&current, &words, &content)
                    }
                }
            }
            if !current.isEmpty { PairStatistics.flush(&current, &words, &content) }
            var grams: [UInt64] = []
            if words.count >= 5 {
                for i in 0...(words.count - 5) {
                    var h = words[i]
                    for k in 1..<5 { h = StableHash.combine(h, words[i + k]) }
                    grams.append(h)
                }
            }
            word5 = Array(Set(grams)).sorted()
            self.content = Array(Set(content)).sorted()
        }
    }

    static func flush(_ current: inout [UInt8], _ words: inout [UInt64], _ content: inout [UInt64]) {
        while current.last == 39 { current.removeLast() }
        let h = StableHash.hash(current)
        words.append(h)
        if !stopwords.contains(String(decoding: current, as: UTF8.self)) { content.append(h) }
        current.removeAll(keepingCapacity: true)
    }

    /// Exact Jaccard of two sorted, duplicate-free arrays.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(common) / Double(a.count + b.count - common)
    }

    static let stopwords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could",
        "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
        "just", "may", "me", "more", "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
        "or", "other", "our", "out", "over", "own", "said", "same", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "you", "your", "s", "t", "yet", "though", "although", "since", "according",
    ]
}

/// Counts and overlap distributions of a generated corpus, printed by `generate`.
struct CorpusSummary {
    var documents = 0
    var bytes = 0
    var roles: [String: Int] = [:]
    var stories: [String: Int] = [:]
    var word5: [String: [Double]] = [:]
    var content: [String: [Double]] = [:]

    mutating func count(_ doc: CorpusGenerator.GeneratedDocument, bytes n: Int) {
        bytes += n
        roles[doc.role.rawValue + (doc.role == .rewrite ? "-" + doc.strength : ""), default: 0] += 1
        stories[doc.story, default: 0] += 1
    }

    mutating func add(_ pairs: [(kind: String, word5: Double, content: Double)]) {
        for p in pairs {
            word5[p.kind, default: []].append(p.word5)
            content[p.kind, default: []].append(p.content)
            if p.kind.hasPrefix("rewrite") {
                word5["rewrite-all", default: []].append(p.word5)
                content["rewrite-all", default: []].append(p.content)
            }
        }
    }

    static func quantiles(_ values: [Double]) -> String {
        guard !values.isEmpty else { return "-" }
        let v = values.sorted()
        func q(_ p: Double) -> String { String(format: "%.3f", v[min(v.count - 1, Int(p * Double(v.count - 1)))]) }
        return "\(q(0)) / \(q(0.1)) / \(q(0.5)) / \(q(0.9)) / \(q(1))"
    }

    func report(unrelated: (word5: [Double], content: [Double])) -> String {
        let clustered = stories.values.filter { $0 > 1 }
        var out = "documents: \(documents)   text: \(String(format: "%.1f", Double(bytes) / 1e6)) MB   "
        out += "stories: \(stories.count)   multi-document stories: \(clustered.count) (\(clustered.reduce(0, +)) documents)   "
        out += "singletons: \(stories.count - clustered.count)\n"
        out += "roles: " + roles.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        out += "\nJaccard vs the original (min / p10 / median / p90 / max)\n"
        out += "| pair | n | word 5-gram | content words |\n|---|---|---|---|\n"
        for kind in ["rewrite-light", "rewrite-medium", "rewrite-heavy", "rewrite-all", "reprint", "distractor"] {
            out += "| \(kind) | \(word5[kind]?.count ?? 0) | \(Self.quantiles(word5[kind] ?? [])) | \(Self.quantiles(content[kind] ?? [])) |\n"
        }
        out += "| unrelated originals | \(unrelated.word5.count) | \(Self.quantiles(unrelated.word5)) | \(Self.quantiles(unrelated.content)) |\n"
        return out
    }
}
