/// The binary form of ``StoryFeatures``: everything verification and sketching need of one
/// article, exactly (the hashes in their order), in a few hundred bytes. Archives store
/// articles this way (`Documentation/Archive.md`); any stage that moves features between
/// processes should use it too.
///
/// One article, little-endian:
///
/// | field | encoding |
/// |---|---|
/// | sentences s, names m, numbers u, distinct shingles d | four LEB128 varints |
/// | each sentence's posting count | s varints (1 to ``StoryFeatures/maximumSentenceShingles``) |
/// | postings, then names, then numbers | 16-bit hashes, 2 bytes each |
///
/// - Complexity: O(size) to encode or decode.
extension StoryFeatures {
    /// Why bytes are not an encoded article: malformed at `offset` (relative to its start).
    struct DecodingError: Error, Equatable, Sendable {
        var offset: Int
    }

    /// Appends the encoded article to `writer`.
    func encode(into writer: inout ByteWriter) {
        writer.putVarint(UInt64(sentenceCount))
        writer.putVarint(UInt64(names.count))
        writer.putVarint(UInt64(numbers.count))
        writer.putVarint(UInt64(distinctShingles))
        for size in sentenceSizes { writer.putVarint(UInt64(size)) }
        writer.put(postings)
        writer.put(names)
        writer.put(numbers)
    }

    /// The encoded article.
    var encoded: [UInt8] {
        var writer = ByteWriter(capacity: 8 + sentenceCount + 2 * (postings.count + names.count + numbers.count))
        encode(into: &writer)
        return writer.bytes
    }

    /// Decodes one article from the start of `bytes`.
    init(decoding bytes: UnsafeRawBufferPointer) throws(DecodingError) {
        var part = FeatureStore.Part()
        try Self.decode(bytes, appendingTo: &part)
        self = part[0]
    }

    /// Decodes one article from the start of `bytes` and appends it to `part`, as
    /// ``FeatureBuilder`` would have; returns the bytes read. Every count is checked against
    /// the limits the builder keeps and against the buffer, so corrupt bytes throw and never
    /// produce features no text could have.
    @discardableResult
    static func decode(_ bytes: UnsafeRawBufferPointer, appendingTo part: inout FeatureStore.Part) throws(DecodingError) -> Int {
        var reader = ByteReader(bytes)
        let before = (part.postings.count, part.sentenceSizes.count, part.names.count, part.numbers.count)
        do throws(ByteReader.Overrun) {
            let sentences = try reader.readCount(atMost: maximumSentences)
            let nameCount = try reader.readCount(atMost: bytes.count)
            let numberCount = try reader.readCount(atMost: bytes.count)
            let distinct = try reader.readCount(atMost: Int(UInt32.max))
            var postingCount = 0
            for _ in 0..<sentences {
                let start = reader.offset
                let size = try reader.readCount(atMost: maximumSentenceShingles)
                guard size > 0 else { throw ByteReader.Overrun(offset: start) }
                part.sentenceSizes.append(UInt16(size))
                postingCount += size
            }
            guard distinct <= postingCount else { throw ByteReader.Overrun(offset: reader.offset) }
            try reader.read(postingCount, into: &part.postings)
            try reader.read(nameCount, into: &part.names)
            try reader.read(numberCount, into: &part.numbers)
            part.postingEnds.append(UInt32(part.postings.count))
            part.sentenceEnds.append(UInt32(part.sentenceSizes.count))
            part.nameEnds.append(UInt32(part.names.count))
            part.numberEnds.append(UInt32(part.numbers.count))
            part.distinct.append(UInt32(distinct))
            return reader.offset
        } catch {
            // Leave `part` as it was.
            part.postings.removeSubrange(before.0...)
            part.sentenceSizes.removeSubrange(before.1...)
            part.names.removeSubrange(before.2...)
            part.numbers.removeSubrange(before.3...)
            throw DecodingError(offset: error.offset)
        }
    }
}
