/// The one JSON form of a document, which `sentences --format json` and the diff report's
/// `documents` both write (Documentation/JSON.md).
extension Document {
    /// The document's `id` and `sentences`: each sentence's text, UTF-8 byte offsets
    /// (`start`, `end`), `paragraph`, `role`, with `datelines` its `dateline` (text or null),
    /// and its `boilerplate` reason (or null).
    ///
    /// - Complexity: O(n) in the document's length.
    package func json(datelines: Bool) -> JSONObject {
        [
            "id": .string(id),
            "sentences": .array(sentences.map { sentence in
                var fields: JSONObject = [
                    "text": .string(string(of: sentence)),
                    "start": .int(sentence.start),
                    "end": .int(sentence.end),
                    "paragraph": .int(sentence.paragraph),
                    "role": .string(sentence.role.rawValue),
                ]
                if datelines { fields.append("dateline", sentence.dateline.map { .string(string($0)) } ?? .null) }
                fields.append("boilerplate", .optional(sentence.boilerplate?.rawValue))
                return .object(fields)
            }),
        ]
    }
}
