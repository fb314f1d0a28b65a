import Foundation
@testable import WireDiff

extension Seeds {
    /// The seed whose file name starts with `prefix` ("001") as a document.
    static func document(_ prefix: String) throws -> Document {
        guard let url = url(prefix) else { throw CocoaError(.fileNoSuchFile) }
        return Document(id: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
    }
}

/// The fictional sample articles in `Samples/` at the repository root, when present.
enum SampleArticles {
    static let directory = Repository.samples

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
}
