/// An article read into sentences: the original UTF-8 bytes plus sentence ranges, with
/// boilerplate flagged.
///
/// The original text is kept byte for byte (after BOM removal by the reader) so every offset
/// refers to what the user gave; matching works on normalized token hashes.
public struct Document: Sendable {
    /// The document's id: a path relative to the directory given, or a JSONL id field.
    public let id: String
    /// The original UTF-8 bytes.
    public let bytes: [UInt8]
    /// Sentences in reading order.
    public let sentences: [Sentence]

    /// Reads `text` into sentences and flags boilerplate.
    public init(id: String, text: String, options: TextOptions = TextOptions()) {
        self.init(id: id, bytes: Array(text.utf8), options: options)
    }

    /// Reads UTF-8 `bytes` (already validated) into sentences and flags boilerplate.
    public init(id: String, bytes: [UInt8], options: TextOptions = TextOptions()) {
        self.id = id
        self.bytes = bytes
        self.sentences = bytes.withUnsafeBufferPointer { buffer in
            var sentences = SentenceSplitter().split(buffer)
            if !options.keepBoilerplate {
                BoilerplateDetector().flag(&sentences, in: buffer)
            }
            return sentences
        }
    }

    /// The original text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The original text of a byte range.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The original text of a sentence.
    public func string(of sentence: Sentence) -> String { string(sentence.range) }

    /// The tokens of a sentence's content (after any dateline).
    package func tokens(of sentence: Sentence) -> [Token] {
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { buffer in
            Tokenizer().tokenize(buffer, range: sentence.contentRange, into: &tokens)
        }
        return tokens
    }

    /// The normalized form of a token, as a string (for reports).
    package func normalizedString(of token: Token) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: Tokenizer.normalizedForm(of: token, in: buffer), as: UTF8.self)
        }
    }
}
