import Dispatch
import Foundation
import WireDiff

/// A seeded generator of a labeled corpus of news-like articles and their rewrites.
///
/// The corpus is a sequence of *story groups*, each drawn from its own `SplitMix64` stream
/// (seed ⊕ group index), so the output is byte-identical for the same seed and document count,
/// and groups can be generated in parallel. A group is either
/// - a singleton original (probability `singletonGroupShare`, ≈ half of all documents), or
/// - a cluster: the original, 1–4 rewrites (light, medium or heavy), 0–2 verbatim reprints with
///   boilerplate lines, and with probability ½ a distractor: a different story on the same topic
///   with the same people and places (a quarter of distractors also copy one or two background
///   sentences of the original verbatim). A distractor is its own story.
///
/// Documents are written in a locally shuffled order (within batches of groups) as JSONL
/// records `{"id","date","story","text"}`; the labels go to a TSV file
/// `id story role strength related` (role original/rewrite/reprint/distractor, strength
/// light/medium/heavy for rewrites, related = the story a distractor imitates).
///
/// - Complexity: O(total text), streamed: memory is bounded by one batch of groups.
struct CorpusGenerator {
    let seed: UInt64
    let documents: Int
    var singletonGroupShare = 0.83
    var batchGroups = 1024

    init(seed: UInt64, documents: Int) {
        self.seed = seed
        self.documents = documents
    }

    enum Role: String, Sendable { case original, rewrite, reprint, distractor }

    struct GeneratedDocument: Sendable {
        var text: String
        var date: Int  // minutes since 2019-01-01T00:00Z
        var story: String
        var role: Role
        var strength: String
        var related: String
        /// The text as an escaped JSON string and its UTF-8 length, filled in by the worker.
        var escaped: [UInt8] = []
        var bytes = 0
    }

    struct Group: Sendable {
        var documents: [GeneratedDocument] = []
        /// Pair statistics against the original: (kind, word 5-gram Jaccard, content-word Jaccard).
        var pairs: [(kind: String, word5: Double, content: Double)] = []
    }

    // MARK: Groups

    func group(_ index: Int, measure: Bool) -> Group {
        var rng = SplitMix64(seed: StableHash.combine(seed, UInt64(index)))
        let story = ArticleComposer.newStory(rng: &rng)
        var composer = ArticleComposer(story: story, rng: SplitMix64(seed: rng.next()))
        let original = composer.article(sentences: 12 + composer.int(25))
        let renderer = ArticleRenderer(cast: story.cast)
        let originalText = renderer.render(original)
        let date = composer.int(6 * 365 * 24 * 60)
        let storyID = "s\(index)"
        var g = Group()
        g.documents.append(GeneratedDocument(text: originalText, date: date, story: storyID, role: .original, strength: "-", related: "-"))
        if composer.chance(singletonGroupShare) { return g }

        let originalStats = measure ? PairStatistics.Profile(originalText) : nil
        func record(_ kind: String, _ text: String, _ g: inout Group) {
            guard let o = originalStats else { return }
            let p = PairStatistics.Profile(text)
            g.pairs.append((kind, PairStatistics.jaccard(o.word5, p.word5), PairStatistics.jaccard(o.content, p.content)))
        }
        for _ in 0..<(1 + composer.int(4)) {
            let level = composer.int(3)
            let strength = [0.15, 0.4, 0.7][level] + 0.25 * Double(composer.int(1000)) / 1000
            var rewriter = ArticleRewriter(story: story, strength: strength, rng: SplitMix64(seed: composer.rng.next()))
            let text = renderer.render(rewriter.rewrite(original))
            let name = ["light", "medium", "heavy"][level]
            g.documents.append(GeneratedDocument(text: text, date: date + 30 + composer.int(72 * 60), story: storyID, role: .rewrite, strength: name, related: "-"))
            record("rewrite-" + name, text, &g)
        }
        for _ in 0..<composer.int(3) {
            let text = reprint(originalText, &composer)
            g.documents.append(GeneratedDocument(text: text, date: date + 10 + composer.int(24 * 60), story: storyID, role: .reprint, strength: "-", related: "-"))
            record("reprint", text, &g)
        }
        if composer.chance(0.5) {
            var r = SplitMix64(seed: composer.rng.next())
            let other = ArticleComposer.relatedStory(to: story, rng: &r)
            var c = ArticleComposer(story: other, rng: r)
            var article = c.article(sentences: 12 + c.int(25))
            if c.chance(0.25) {
                // Shared background: one or two sentences of the original, verbatim.
                for _ in 0..<(1 + c.int(2)) {
                    article.sentences.insert(original.sentences[c.int(original.sentences.count)], at: c.int(article.sentences.count + 1))
                }
                article.paragraphs = c.paragraphs(for: article.sentences.count)
            }
            let text = ArticleRenderer(cast: other.cast).render(article)
            g.documents.append(GeneratedDocument(text: text, date: date - 5 * 1440 + c.int(10 * 1440), story: storyID + "x", role: .distractor, strength: "-", related: storyID))
            record("distractor", text, &g)
        }
        return g
    }

    func reprint(_ text: String, _ c: inout ArticleComposer) -> String {
        let outlet = c.pick(Lexicon.outlets)
        var top: [String] = []
        for _ in 0..<(1 + c.int(3)) { top.append(c.pick(Lexicon.boilerplate)) }
        var out = top.joined(separator: "\n") + "\n\n"
        guard let cut = text.range(of: "\n\n") else { return out + text }
        out += text[..<cut.lowerBound]
        out += "\n\nPhoto: \(c.pick(Lexicon.firstNames)) \(c.pick(Lexicon.surnameStarts))\(c.pick(Lexicon.surnameEnds)) / \(outlet)"
        out += text[cut.lowerBound...]
        for _ in 0..<(1 + c.int(3)) { out += "\n\n" + c.pick(Lexicon.boilerplate) }
        out += "\n\n© \(2019 + c.int(6)) \(outlet). All rights reserved."
        return out
    }

    // MARK: Writing

    /// Generates the corpus into `corpusPath` (JSONL) and `labelsPath` (TSV), returning statistics.
    func write(corpusPath: String, labelsPath: String, measure: Bool = true) throws -> CorpusSummary {
        guard FileManager.default.createFile(atPath: corpusPath, contents: nil),
              FileManager.default.createFile(atPath: labelsPath, contents: nil),
              let corpus = FileHandle(forWritingAtPath: corpusPath),
              let labels = FileHandle(forWritingAtPath: labelsPath) else {
            throw CorpusError.cannotWrite(path: corpusPath)
        }
        defer { try? corpus.close(); try? labels.close() }
        try labels.write(contentsOf: Data("id\tstory\trole\tstrength\trelated\n".utf8))
        var summary = CorpusSummary()
        let width = max(7, String(documents).count)
        var written = 0
        var batch = 0
        while written < documents {
            let first = batch * batchGroups
            let groups = UnsafeMutableBufferPointer<Group>.allocate(capacity: batchGroups)
            groups.initialize(repeating: Group())
            let slots = GroupSlots(base: groups)
            DispatchQueue.concurrentPerform(iterations: batchGroups) { i in
                var g = group(first + i, measure: measure)
                for d in g.documents.indices {
                    g.documents[d].bytes = g.documents[d].text.utf8.count
                    g.documents[d].escaped.reserveCapacity(g.documents[d].text.utf8.count + 64)
                    JSONWriter.appendString(g.documents[d].text, to: &g.documents[d].escaped)
                    g.documents[d].text = ""
                }
                slots.base[i] = g  // each index written by one worker
            }
            var docs = groups.flatMap { $0.documents }
            for g in groups { summary.add(g.pairs) }
            groups.deinitialize()
            groups.deallocate()
            var rng = SplitMix64(seed: StableHash.combine(seed ^ 0x5eed, UInt64(batch)))
            // Local shuffle so that versions of a story are not adjacent.
            for i in stride(from: docs.count - 1, to: 0, by: -1) {
                docs.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            var jsonl: [UInt8] = []
            var tsv = ""
            jsonl.reserveCapacity(docs.count * 4096)
            for doc in docs.prefix(documents - written) {
                written += 1
                let id = "d" + String(repeating: "0", count: max(0, width - String(written).count)) + String(written)
                JSONWriter.appendRecord(id: id, date: Self.isoDate(minutes: doc.date), story: doc.story, escapedText: doc.escaped, to: &jsonl)
                tsv += "\(id)\t\(doc.story)\t\(doc.role.rawValue)\t\(doc.strength)\t\(doc.related)\n"
                summary.count(doc, bytes: doc.bytes)
            }
            try corpus.write(contentsOf: Data(jsonl))
            try labels.write(contentsOf: Data(tsv.utf8))
            batch += 1
        }
        summary.documents = written
        return summary
    }

    /// `yyyy-mm-ddThh:mm:00Z` for minutes since 2019-01-01 (civil-from-days, Hinnant).
    static func isoDate(minutes: Int) -> String {
        let days = Int((Double(minutes) / 1440).rounded(.down)) + 17897  // 2019-01-01 is day 17897 since 1970
        let m = ((minutes % 1440) + 1440) % 1440
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(d))T\(two(m / 60)):\(two(m % 60)):00Z"
    }
}

/// The result slots of one batch; each worker writes only its own index.
struct GroupSlots: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<CorpusGenerator.Group>
}

enum CorpusError: Error, CustomStringConvertible {
    case cannotWrite(path: String)
    case cannotRead(path: String)
    case malformedLine(path: String, line: Int, reason: String)

    var description: String {
        switch self {
        case .cannotWrite(let p): return "cannot write \(p)"
        case .cannotRead(let p): return "cannot read \(p)"
        case .malformedLine(let p, let l, let r): return "\(p):\(l): \(r)"
        }
    }
}

/// Minimal JSON string escaping for the corpus writer.
enum JSONWriter {
    /// Appends `s` as a JSON string; runs of plain bytes are copied in bulk.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var copy = s
        copy.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 32 || b == 34 || b == 92 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                switch b {
                case 34: out.append(92); out.append(34)
                case 92: out.append(92); out.append(92)
                case 10: out.append(92); out.append(UInt8(ascii: "n"))
                case 13: out.append(92); out.append(UInt8(ascii: "r"))
                case 9: out.append(92); out.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48])
                    out.append(hex.utf8Start[Int(b >> 4)])
                    out.append(hex.utf8Start[Int(b & 15)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendRecord(id: String, date: String, story: String, escapedText: [UInt8], to out: inout [UInt8]) {
        out += Array("{\"id\":".utf8)
        appendString(id, to: &out)
        out += Array(",\"date\":".utf8)
        appendString(date, to: &out)
        out += Array(",\"story\":".utf8)
        appendString(story, to: &out)
        out += Array(",\"text\":".utf8)
        out += escapedText
        out += [UInt8(ascii: "}"), 10]
    }
}
