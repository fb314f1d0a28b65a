import Foundation
import Testing
@testable import WireDiff

@Suite(.enabled(if: Seeds.available)) struct DiffTests {
    @Test func dumpForDebugging() throws {
        guard ProcessInfo.processInfo.environment["WIREDIFF_DUMP"] != nil else { return }
        for (x, y) in [("001", "000"), ("003", "004"), ("002", "003")] {
            let a = try Seeds.document(x), b = try Seeds.document(y)
            print("######## \(x) vs \(y)")
            print(Differ().compare(a, b).dump(a, b))
        }
    }
}

extension DiffTests {
    @Test func dumpMatrix() throws {
        guard let pair = ProcessInfo.processInfo.environment["WIREDIFF_MATRIX"] else { return }
        let parts = pair.split(separator: ",").map(String.init)
        let a = try Seeds.document(parts[0]), b = try Seeds.document(parts[1])
        let session = DiffSession(documents: [a, b], options: AlignmentOptions())
        for j in session.analyzed[1].reportingIndices {
            let scored = session.analyzed[0].reportingIndices.map { ($0, session.aligner.score(session.profiles[0][$0], session.profiles[1][j])) }
                .sorted { $0.1 > $1.1 }.prefix(3)
            print("B\(j): \(b.string(of: b.sentences[j]).prefix(70))")
            for (i, s) in scored { print(String(format: "    %.3f A%d %@", s, i, String(a.string(of: a.sentences[i]).prefix(70)))) }
        }
    }
}

extension DiffTests {
    @Test func dumpSamples() throws {
        guard let dir = ProcessInfo.processInfo.environment["WIREDIFF_SAMPLES"] else { return }
        func load(_ name: String) throws -> Document {
            Document(id: name, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(name + ".txt"))))
        }
        let wire = try load("wire")
        for name in ["rewrite-paraphrase", "rewrite-condensed", "rewrite-expanded", "syndicated-copy", "different-story"] {
            let other = try load(name)
            print("######## wire vs \(name)")
            print(Differ().compare(wire, other).dump(wire, other))
        }
    }
}
