import Foundation

/// `wirediff features`: located articles (``LocatedArticle``) in, one *feature record* out per
/// article, in input order: the article's id, date, source, kept sentence count and its
/// ``StoryFeatures`` in their binary form (base64), read exactly as `dedup` reads them. An
/// article `dedup` would refuse gives an *error record* instead (its message and exit code),
/// so that the engine can stop on the first one in input order, or skip them all, as `dedup`
/// does with and without `--skip-bad`. Each output record repeats its input's `key`.
///
/// Articles are read in batches of about ``CorpusReader/batchBytes`` of text, on all cores
/// (``FeatureReader``); the result does not depend on the batch size or the thread count.
///
/// - Complexity: O(n) in the input's text.
package struct FeatureStage {
    let reader: CorpusReader
    let features: FeatureReader
    let batchBytes: Int

    package init(reading options: CorpusReader.Options, detection: DedupOptions, textOptions: TextOptions, batchBytes: Int = CorpusReader.batchBytes) {
        self.reader = CorpusReader(options: options)
        self.features = FeatureReader(
            kind: detection.shingleKind, minimumShingles: detection.minimumSentenceShingles, textOptions: textOptions,
            threads: detection.threads)
        self.batchBytes = batchBytes
    }

    /// Reads the located articles of `input` and passes each output line to `emit`.
    ///
    /// - Throws: ``InputError/badRecord(path:line:reason:)`` for an input line that is no
    ///   located article.
    package func run(_ input: ByteStream, emit: (String) -> Void) throws(InputError) {
        // Outputs waiting for their batch: an article (its place in `batch`) or a ready line.
        var pending: [(key: JSONValue, article: Int?, line: String?)] = []
        var batch: [CorpusRecord] = []
        var bytes = 0
        func flush() {
            let store = FeatureStore(parts: features.parts(of: batch))
            for entry in pending {
                if let k = entry.article {
                    emit(Self.record(key: entry.key, batch[k], store[k]).serialized)
                } else if let line = entry.line {
                    emit(line)
                }
            }
            pending.removeAll(keepingCapacity: true)
            batch.removeAll(keepingCapacity: true)
            bytes = 0
        }
        try StageRecord.forEach(in: input) { (record) throws(InputError) in
            let key = record.fields["key"] ?? .null
            switch try LocatedArticle.read(record, with: reader) {
            case .article(let article):
                pending.append((key, batch.count, nil))
                bytes += article.bytes.count
                batch.append(article)
            case .failure(let error):
                let line = JSONValue.object([
                    "key": key, "error": .string(error.description), "exit_code": .int(Int(error.exitCode)),
                ]).serialized
                pending.append((key, nil, line))
            case .nothing:
                break
            }
            if bytes >= batchBytes { flush() }
        }
        flush()
    }

    /// The feature record of `article`.
    static func record(key: JSONValue, _ article: CorpusRecord, _ features: StoryFeatures) -> JSONValue {
        .object([
            "key": key,
            "id": .string(article.id),
            "date": .optional(article.date),
            "source": .string(article.source),
            "sentences": .int(features.sentenceCount),
            "features": .string(Data(features.encoded).base64EncodedString()),
        ])
    }
}
