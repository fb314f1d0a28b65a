/// An article as a distributed engine hands it to `wirediff features`: the raw bytes of one
/// input record with where they were read, so that the article is read, checked and reported
/// exactly as `dedup` reads it from its file.
///
/// Three kinds (`Documentation/Distributed.md`):
/// - a JSONL line: `source` (the file), `line` (1-based), `offset` (the byte offset of the
///   line in the file) and `jsonl` (the line's bytes without its LF, base64);
/// - a text file: `source` (its path), `id` and `text` (the file's bytes, base64);
/// - the head of a JSONL file: `source` and `head` (its first 8 KiB or less, base64), checked
///   as `dedup` checks a JSONL file before reading it (UTF-16/32, binary data).
package enum LocatedArticle {
    /// What one located record holds.
    package enum Outcome {
        /// An article.
        case article(CorpusRecord)
        /// A blank JSONL line, or a file head that passed: nothing to read.
        case nothing
        /// The article (or the file) cannot be read: what `dedup` reports for it.
        case failure(InputError)
    }

    /// Reads `record` with `reader`'s options (fields, record limit).
    ///
    /// - Throws: ``InputError/badRecord(path:line:reason:)`` when `record` is no located
    ///   article (an engine's mistake, not the article's).
    package static func read(_ record: StageRecord, with reader: CorpusReader) throws(InputError) -> Outcome {
        let source = try record.string("source")
        if record.has("head") {
            let head = try record.base64("head")
            let failure = head.withUnsafeBufferPointer { bytes -> InputError? in
                do throws(InputError) { try CorpusReader.checkTextual(bytes, path: source) } catch { return error }
                return nil
            }
            if let failure { return .failure(failure) }
            return .nothing
        }
        if record.has("text") {
            let id = try record.string("id"), text = try record.base64("text")
            do throws(InputError) { return .article(try reader.textRecord(text, path: source, id: id)) } catch {
                return .failure(error)
            }
        }
        let line = try record.integer("line"), offset = try record.integer("offset")
        let bytes = try record.base64("jsonl")
        return bytes.withUnsafeBufferPointer { buffer -> Outcome in
            // As `CorpusReader.lineOutcomes` reads a line: a BOM skipped at the file's start,
            // a CR before the LF dropped, blank lines skipped.
            var start = 0, end = buffer.count
            if offset == 0, end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            if end > start, buffer[end - 1] == 0x0D { end -= 1 }
            if CorpusReader.isBlank(buffer, start..<end) { return .nothing }
            do throws(InputError) {
                return .article(try reader.record(buffer, start..<end, fileOffset: offset, path: source, line: line, parser: JSONParser()))
            } catch {
                return .failure(error)
            }
        }
    }
}
