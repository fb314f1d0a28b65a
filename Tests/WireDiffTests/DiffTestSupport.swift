import Foundation
@testable import WireDiff

/// The real articles in `../shared/seeds` (relative to the repository root), when present.
enum Seeds {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/seeds").standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// The seed whose file name starts with `prefix` ("001").
    static func document(_ prefix: String) throws -> Document {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        guard let name = names.first(where: { $0.hasPrefix(prefix) }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return Document(id: name, bytes: Array(data))
    }
}

/// The fictional sample articles in `Samples/` at the repository root, when present.
enum SampleArticles {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    static var available: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("wire.txt").path)
    }

    static func document(_ name: String) throws -> Document {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".txt"))
        return Document(id: name + ".txt", bytes: Array(data))
    }
}

extension Document {
    /// Indices of the sentences containing `needle`.
    func sentences(containing needle: String) -> [Int] {
        sentences.indices.filter { string(of: sentences[$0]).contains(needle) }
    }
}

extension PairReport {
    /// Whether some alignment links a reference sentence containing `a` with an other sentence
    /// containing `b`.
    func aligns(_ reference: Document, _ a: String, _ other: Document, _ b: String) -> Bool {
        let sa = Set(reference.sentences(containing: a)), sb = Set(other.sentences(containing: b))
        return alignments.contains { !sa.isDisjoint(with: $0.a) && !sb.isDisjoint(with: $0.b) }
    }

    /// A readable dump for debugging.
    func dump(_ reference: Document, _ other: Document) -> String {
        var out = "verdict \(verdict)\n"
        for al in alignments {
            out += "\n== \(al.kind) \(String(format: "%.3f", al.score)) a\(al.a) b\(al.b)\n"
            for i in al.a { out += "  A: \(reference.string(of: reference.sentences[i]).prefix(110))\n" }
            for i in al.b { out += "  B: \(other.string(of: other.sentences[i]).prefix(110))\n" }
            for c in al.changes { out += "   * \(c.kind.rawValue): [\(c.referenceText)] -> [\(c.otherText)]\n" }
        }
        out += "\nOMITTED\n"
        for i in omitted { out += "  \(i): \(reference.string(of: reference.sentences[i]).prefix(110))\n" }
        out += "ADDED\n"
        for i in added { out += "  \(i): \(other.string(of: other.sentences[i]).prefix(110))\n" }
        out += "CREDITS\n"
        for c in credits { out += "  \(c.text) outlet=\(c.outlet ?? "-") ref=\(c.namesReference)\n" }
        return out
    }
}
