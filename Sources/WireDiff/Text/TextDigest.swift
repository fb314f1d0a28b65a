/// A digest of everything the text pipeline reports about articles, to prove that a change to
/// the splitter, the boilerplate detector or the tokenizer changed nothing: every sentence
/// (range, paragraph, role, dateline, boilerplate reason) and every token of its content
/// (start, end, hash, kind, flags), folded into one ``StableHash``.
///
/// `WireDiffBenchmarks text --digest PATH…` prints it for corpora; `TextDigestTests` pins it
/// for `../shared/seeds`, `Samples/*.txt` and seeded random texts.
///
/// - Complexity: O(n) in the text length (one read of the article).
package enum TextDigest {
    /// The digest of one article's UTF-8 bytes.
    package static func digest(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var sentences = SentenceSplitter().split(bytes)
        BoilerplateDetector().flag(&sentences, in: bytes)
        let tokenizer = Tokenizer()
        var tokens: [Token] = []
        var h = StableHash.combine(0x7465_7874, UInt64(sentences.count))
        for s in sentences {
            h = StableHash.combine(h, UInt64(s.start))
            h = StableHash.combine(h, UInt64(s.end))
            h = StableHash.combine(h, UInt64(s.paragraph))
            h = StableHash.combine(h, StableHash.hash(s.role.rawValue))
            h = StableHash.combine(h, s.dateline.map { UInt64($0.lowerBound) << 32 | UInt64($0.upperBound) } ?? ~0)
            h = StableHash.combine(h, s.boilerplate.map { StableHash.hash($0.rawValue) } ?? 0)
            tokens.removeAll(keepingCapacity: true)
            tokenizer.tokenize(bytes, range: s.contentRange, into: &tokens)
            h = StableHash.combine(h, UInt64(tokens.count))
            for t in tokens {
                h = StableHash.combine(h, UInt64(t.start) << 32 | UInt64(t.end))
                h = StableHash.combine(h, t.hash)
                h = StableHash.combine(h, UInt64(t.kind.rawValue) << 8 | UInt64(t.flags.rawValue))
            }
        }
        return h
    }

    /// The digest of one article's UTF-8 bytes.
    package static func digest(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { digest($0) }
    }

    /// The digest of records in order (each id, then its article).
    package static func digest(_ records: [CorpusRecord]) -> UInt64 {
        var h: UInt64 = 0
        for record in records {
            h = StableHash.combine(h, StableHash.hash(record.id))
            h = StableHash.combine(h, digest(record.bytes))
        }
        return h
    }
}
