/// Splits an article into sentences with byte offsets into the original text.
///
/// PLACEHOLDER implementation (line breaks and ". ") to be replaced by the real splitter.
public struct SentenceSplitter: Sendable {
    public init() {}

    /// The sentences of `bytes`, in order, without boilerplate flags.
    public func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        var result: [Sentence] = []
        var paragraph = 0
        var start = 0
        var i = 0
        func emit(_ s: Int, _ e: Int) {
            var s = s, e = e
            while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09 || bytes[s] == 0x0d) { s += 1 }
            while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0d) { e -= 1 }
            if s < e { result.append(Sentence(start: s, end: e, paragraph: paragraph)) }
        }
        while i < bytes.count {
            if bytes[i] == 0x0a {
                emit(start, i); paragraph += 1; start = i + 1
            } else if (bytes[i] == 0x2e || bytes[i] == 0x3f || bytes[i] == 0x21) && i + 1 < bytes.count && bytes[i + 1] == 0x20 {
                emit(start, i + 1); start = i + 1
            }
            i += 1
        }
        emit(start, bytes.count)
        return result
    }
}
