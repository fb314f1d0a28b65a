import Foundation
import Testing
@testable import WireDiff

/// The repository's `Samples/` folder, read through `CorpusReader`.
@Suite struct CorpusSamplesTests {
    static let samples = Repository.samples.path

    static let names = ["different-story", "rewrite-condensed", "rewrite-expanded", "rewrite-paraphrase", "syndicated-copy", "wire"]

    @Test func directoryReadsTheSixArticlesOnly() throws {
        let records = try CorpusReader().read(paths: [Self.samples])
        #expect(records.map(\.id) == Self.names.map { $0 + ".txt" })
        #expect(records.allSatisfy { $0.date == nil })
    }

    @Test func jsonlHoldsTheSameSixWithTheWireEarliest() throws {
        let files = try CorpusReader().read(paths: [Self.samples])
        let jsonl = try CorpusReader().read(paths: [Self.samples + "/corpus.jsonl"])
        #expect(jsonl.map(\.id).sorted() == Self.names)
        for record in jsonl {
            let file = try #require(files.first { $0.id == record.id + ".txt" })
            #expect(record.bytes == file.bytes, "\(record.id)")
        }
        #expect(jsonl.allSatisfy { $0.date != nil })
        let wire = try #require(jsonl.first { $0.id == "wire" }?.date)
        #expect(jsonl.allSatisfy { $0.id == "wire" || $0.date! > wire })
    }

    @Test func exactlyOneSampleUsesCRLFAndTheReaderNormalizesIt() throws {
        var crlf: [String] = []
        for name in Self.names {
            let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.samples + "/\(name).txt")))
            if raw.contains(0x0D) { crlf.append(name) }
            #expect(UTF8Validator.isValid(raw))
        }
        #expect(crlf == ["rewrite-paraphrase"])
        let record = try #require(try CorpusReader().read(paths: [Self.samples + "/rewrite-paraphrase.txt"]).first)
        #expect(!record.bytes.contains(0x0D))
    }

    @Test func samplesUseCurlyQuotesAndDashes() throws {
        let text = try CorpusReader().read(paths: [Self.samples]).map(\.text).joined()
        for mark in ["“", "”", "’", "—", "–"] { #expect(text.contains(mark), "\(mark)") }
    }
}
