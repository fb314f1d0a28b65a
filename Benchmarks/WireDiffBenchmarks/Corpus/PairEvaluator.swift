import Foundation

/// Pair precision, recall and F1 of a predicted clustering (or pair list) against the labels.
///
/// A *true pair* is two documents of the same story; a *predicted pair* two documents in the
/// same predicted cluster (or a listed pair). For clusterings the counts come from the
/// contingency table of (true story, predicted cluster): Σ C(n, 2) over its cells, rows and
/// columns, so nothing is enumerated pairwise. Documents missing from a prediction count as
/// singletons; predicted ids not in the labels are ignored and counted.
///
/// Also reports, per role, the share of documents put with their story's original (recall as an
/// editor sees it), and how many distractors were put with the story they imitate.
///
/// - Complexity: O(n) for clusterings, O(pairs) for pair lists (hash maps).
struct PairEvaluator {
    var ids: [String: Int] = [:]
    var story: [Int] = []
    var role: [String] = []
    var strength: [String] = []
    /// Per story index: document index of its original.
    var originalOf: [Int: Int] = [:]
    /// Per distractor document: the story index it imitates.
    var relatedStory: [Int: Int] = [:]

    struct Scores {
        var truePairs = 0
        var predictedPairs = 0
        var truePositives = 0
        var unknownIDs = 0
        /// Role (with rewrite strength) → (found with original, total).
        var roleRecall: [String: (Int, Int)] = [:]
        var distractorsMerged = (0, 0)

        var precision: Double { predictedPairs == 0 ? 1 : Double(truePositives) / Double(predictedPairs) }
        var recall: Double { truePairs == 0 ? 1 : Double(truePositives) / Double(truePairs) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        func report(name: String) -> String {
            var out = "| run | true pairs | predicted pairs | TP | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n"
            out += "| \(name) | \(truePairs) | \(predictedPairs) | \(truePositives) | \(String(format: "%.4f", precision)) | \(String(format: "%.4f", recall)) | \(String(format: "%.4f", f1)) |\n"
            out += "\nfound with their original: "
            out += roleRecall.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.0)/\($0.value.1) (\(String(format: "%.1f", 100 * Double($0.value.0) / Double(max(1, $0.value.1))))%)" }.joined(separator: ", ")
            out += "\ndistractors put with the story they imitate: \(distractorsMerged.0)/\(distractorsMerged.1)"
            if unknownIDs > 0 { out += "\nids not in the labels (ignored): \(unknownIDs)" }
            return out + "\n"
        }
    }

    static func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }

    /// Reads a labels TSV written by `CorpusGenerator`.
    init(labelsPath: String) throws {
        var storyIndex: [String: Int] = [:]
        var related: [Int: String] = [:]
        var lineNumber = 0
        try Self.forEachLine(labelsPath) { line in
            lineNumber += 1
            if lineNumber == 1 && line.hasPrefix("id\t") { return }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 3 else { throw CorpusError.malformedLine(path: labelsPath, line: lineNumber, reason: "expected id, story, role") }
            let doc = story.count
            ids[String(f[0])] = doc
            let s = storyIndex[String(f[1])] ?? storyIndex.count
            storyIndex[String(f[1])] = s
            story.append(s)
            role.append(String(f[2]))
            strength.append(f.count > 3 ? String(f[3]) : "-")
            if f[2] == "original" { originalOf[s] = doc }
            if f[2] == "distractor", f.count > 4 { related[doc] = String(f[4]) }
        }
        for (doc, name) in related { if let s = storyIndex[name] { relatedStory[doc] = s } }
    }

    func roleKey(_ doc: Int) -> String { role[doc] == "rewrite" ? "rewrite-" + strength[doc] : role[doc] }

    /// Scores a clustering given as document → cluster key.
    func evaluate(clusters assigned: [Int: String]) -> Scores {
        var s = Scores()
        var clusterIndex: [String: Int] = [:]
        var cluster = [Int](repeating: -1, count: story.count)
        for (doc, key) in assigned {
            let c = clusterIndex[key] ?? clusterIndex.count
            clusterIndex[key] = c
            cluster[doc] = c
        }
        var next = clusterIndex.count
        for i in cluster.indices where cluster[i] < 0 { cluster[i] = next; next += 1 }
        var cell: [Int: Int] = [:], rows: [Int: Int] = [:], cols: [Int: Int] = [:]
        for i in story.indices {
            cell[story[i] &* 4_000_000_007 &+ cluster[i], default: 0] += 1
            rows[story[i], default: 0] += 1
            cols[cluster[i], default: 0] += 1
        }
        s.truePositives = cell.values.reduce(0) { $0 + Self.pairs($1) }
        s.truePairs = rows.values.reduce(0) { $0 + Self.pairs($1) }
        s.predictedPairs = cols.values.reduce(0) { $0 + Self.pairs($1) }
        for i in story.indices where role[i] != "original" {
            if role[i] == "distractor" {
                if let r = relatedStory[i], let o = originalOf[r] {
                    s.distractorsMerged.1 += 1
                    if cluster[o] == cluster[i] { s.distractorsMerged.0 += 1 }
                }
            } else if let o = originalOf[story[i]] {
                s.roleRecall[roleKey(i), default: (0, 0)].1 += 1
                if cluster[o] == cluster[i] { s.roleRecall[roleKey(i), default: (0, 0)].0 += 1 }
            }
        }
        return s
    }

    /// Scores an unordered list of predicted pairs (duplicates and self-pairs ignored).
    func evaluate(pairs list: [(Int, Int)]) -> Scores {
        var s = Scores()
        var seen = Set<Int>()
        for (a, b) in list where a != b {
            let key = min(a, b) &* 4_000_000_007 &+ max(a, b)
            guard seen.insert(key).inserted else { continue }
            s.predictedPairs += 1
            if story[a] == story[b] { s.truePositives += 1 }
        }
        var rows: [Int: Int] = [:]
        for st in story { rows[st, default: 0] += 1 }
        s.truePairs = rows.values.reduce(0) { $0 + Self.pairs($1) }
        func linked(_ a: Int, _ b: Int) -> Bool { seen.contains(min(a, b) &* 4_000_000_007 &+ max(a, b)) }
        for i in story.indices where role[i] != "original" {
            if role[i] == "distractor" {
                if let r = relatedStory[i], let o = originalOf[r] {
                    s.distractorsMerged.1 += 1
                    if linked(o, i) { s.distractorsMerged.0 += 1 }
                }
            } else if let o = originalOf[story[i]] {
                s.roleRecall[roleKey(i), default: (0, 0)].1 += 1
                if linked(o, i) { s.roleRecall[roleKey(i), default: (0, 0)].0 += 1 }
            }
        }
        return s
    }

    /// Reads predicted clusters: JSONL records with `id` and `cluster` (string or number).
    func loadClusters(_ path: String, unknown: inout Int) throws -> [Int: String] {
        var out: [Int: String] = [:]
        var lineNumber = 0
        try Self.forEachLine(path) { line in
            lineNumber += 1
            guard !line.isEmpty else { return }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"], let cluster = object["cluster"] else {
                throw CorpusError.malformedLine(path: path, line: lineNumber, reason: "expected a JSON object with id and cluster")
            }
            guard let doc = ids["\(id)"] else { unknown += 1; return }
            out[doc] = "\(cluster)"
        }
        return out
    }

    /// Reads predicted pairs: `id1<TAB>id2` per line (a header line starting with "id" is skipped).
    func loadPairs(_ path: String, unknown: inout Int) throws -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        try Self.forEachLine(path) { line in
            let f = line.split(separator: "\t")
            guard f.count >= 2 else { return }
            guard let a = ids[String(f[0])], let b = ids[String(f[1])] else {
                if !(f[0] == "id1" || f[0] == "id") { unknown += 1 }
                return
            }
            out.append((a, b))
        }
        return out
    }

    static func forEachLine(_ path: String, _ body: (Substring) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw CorpusError.cannotRead(path: path) }
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            try body(line)
        }
    }
}
