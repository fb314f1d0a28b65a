/// A document read for alignment: its tokens with per-token features (stem id, content, name,
/// number, quoted, date) and which sentences are reporting.
///
/// Boilerplate sentences and `.label` sentences are not reporting: they never align and are
/// never facts.
///
/// - Complexity: O(n) in the document's bytes, plus one stemming per distinct word.
struct AnalyzedDocument: Sendable {
    let document: Document
    /// All tokens of all sentences' content ranges, in order.
    var tokens: [Token] = []
    var features: [TokenFeature] = []
    /// The tokens of each sentence: a range into `tokens`.
    var sentenceTokens: [Range<Int>] = []
    /// Whether each sentence is reporting (not boilerplate, not a label, has content words).
    var reporting: [Bool] = []

    init(_ document: Document, lexicon: inout Lexicon) {
        self.document = document
        let sentences = document.sentences
        sentenceTokens.reserveCapacity(sentences.count)
        reporting.reserveCapacity(sentences.count)
        var scratch: [Token] = []
        var values: [NumberValue?] = []
        let tokenizer = Tokenizer()
        document.bytes.withUnsafeBufferPointer { bytes in
            for sentence in sentences {
                scratch.removeAll(keepingCapacity: true)
                tokenizer.tokenize(bytes, range: sentence.contentRange, into: &scratch)
                AnalyzedDocument.joinThousands(&scratch, bytes: bytes)
                AnalyzedDocument.joinNumberMentions(&scratch, values: &values, bytes: bytes)
                let quotes = AnalyzedDocument.quoteRanges(bytes, sentence.contentRange)
                let first = tokens.count
                var hasContent = false
                for (position, token) in scratch.enumerated() {
                    let id = lexicon.id(of: token, in: bytes, number: values[position])
                    let entry = lexicon[id]
                    var flags: TokenFeature.Flags = []
                    if entry.isNumber {
                        flags.insert([.number, .content])
                    } else if !entry.isStopword {
                        flags.insert(.content)
                    }
                    let initial = position == 0 || token.flags.contains(.sentenceInitial)
                        || AnalyzedDocument.followsOpener(bytes, token.start, lowerBound: sentence.contentRange.lowerBound)
                    let capital = token.flags.contains(.capitalized) || token.flags.contains(.allCaps)
                    if !entry.isNumber, capital, !initial, !entry.isStopword, token.kind == .word {
                        flags.insert(.name)
                    }
                    if !quotes.isEmpty, quotes.contains(where: { $0.contains(token.start) }) {
                        flags.insert(.quoted)
                    }
                    let k = entry.keywords
                    if !k.isDisjoint(with: [.weekday, .relativeDay])
                        || (k.contains(.month) && (capital || !k.contains(.ambiguousMonth)))
                    {
                        flags.insert(.date)
                    }
                    if flags.contains(.content) { hasContent = true }
                    tokens.append(token)
                    features.append(TokenFeature(entry: id, flags: flags))
                }
                sentenceTokens.append(first..<tokens.count)
                reporting.append(sentence.boilerplate == nil && sentence.role != .label && hasContent)
            }
        }
    }

    var sentenceCount: Int { sentenceTokens.count }

    /// Indices of the reporting sentences.
    var reportingIndices: [Int] { reporting.indices.filter { reporting[$0] } }

    /// The original text of a byte range.
    func text(_ range: Range<Int>) -> String { document.string(range) }

    /// The original text from the start of token `i` to the end of token `j` (inclusive).
    func text(tokens i: Int, through j: Int) -> String { document.string(tokens[i].start..<tokens[j].end) }

    /// Joins "1" "," "600" into one number token "1,600" when the tokenizer split it.
    static func joinThousands(_ tokens: inout [Token], bytes: UnsafeBufferPointer<UInt8>) {
        guard tokens.count > 1 else { return }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for token in tokens {
            if let last = out.last, last.kind == .number, token.kind == .number,
               token.start == last.end + 1, bytes[last.end] == 0x2c, token.end - token.start == 3
            {
                let merged = Token(start: last.start, end: token.end, hash: StableHash.combine(last.hash, token.hash), kind: .number, flags: last.flags)
                out[out.count - 1] = merged
            } else {
                out.append(token)
            }
        }
        tokens = out
    }

    /// Joins each number mention into one token and gives every token its number value, if
    /// any (see ``NumberValue``): "£5" "million" → "£5 million", "twenty" "five" → 25,
    /// "3" "per" "cent" → 3%. Parts of a mention are separated by spaces or a hyphen only.
    static func joinNumberMentions(_ tokens: inout [Token], values: inout [NumberValue?], bytes: UnsafeBufferPointer<UInt8>) {
        values.removeAll(keepingCapacity: true)
        func word(_ t: Token) -> [UInt8]? { t.kind == .word ? Tokenizer.normalizedForm(of: t, in: bytes) : nil }
        func adjacent(_ a: Token, _ b: Token) -> Bool {
            guard b.start > a.end, b.start - a.end <= 3 else { return false }
            for i in a.end..<b.start where bytes[i] != 0x20 && bytes[i] != 0x2d { return false }
            return true
        }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var k = 0
        while k < tokens.count {
            let token = tokens[k]
            var value: NumberValue? = nil
            var previous: NumberValue.WordRole? = nil
            if token.kind == .number {
                value = NumberValue(digits: Tokenizer.normalizedForm(of: token, in: bytes))
            } else if let w = word(token), let role = NumberValue.role(of: w), case .number(let v, _) = role {
                let next = k + 1 < tokens.count ? word(tokens[k + 1]).flatMap(NumberValue.role(of:)) : nil
                var startsOnItsOwn = NumberValue.startsMention(w)
                if case .multiplier? = next, adjacent(token, tokens[k + 1]) { startsOnItsOwn = true }
                if startsOnItsOwn { value = NumberValue(value: v); previous = role }
            }
            guard var mention = value else {
                out.append(token); values.append(nil); k += 1
                continue
            }
            var last = k
            while last + 1 < tokens.count, adjacent(tokens[last], tokens[last + 1]), let w = word(tokens[last + 1]), let role = NumberValue.role(of: w) {
                if role == .per {
                    // Only "per cent".
                    guard last + 2 < tokens.count, adjacent(tokens[last + 1], tokens[last + 2]),
                          word(tokens[last + 2]).flatMap(NumberValue.role(of:)) == .cent, mention.extend(with: .per, previous: previous) else { break }
                    _ = mention.extend(with: .cent, previous: .per)
                    last += 2
                    previous = .cent
                    continue
                }
                guard mention.extend(with: role, previous: previous) else { break }
                previous = role
                last += 1
            }
            if last == k {
                out.append(token)
            } else {
                var hash = token.hash
                for t in tokens[(k + 1)...last] { hash = StableHash.combine(hash, t.hash) }
                out.append(Token(start: token.start, end: tokens[last].end, hash: hash, kind: .number, flags: token.flags))
            }
            values.append(mention)
            k = last + 1
        }
        tokens = out
    }

    /// Whether the token at `start` follows a colon, a semicolon, an opening quote or a dash (a
    /// fresh start: "…; Nevertheless, …" is no name).
    static func followsOpener(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, lowerBound: Int) -> Bool {
        var i = start - 1
        while i >= lowerBound && (bytes[i] == 0x20 || bytes[i] == 0x09) { i -= 1 }
        guard i >= lowerBound else { return true }
        let b = bytes[i]
        if b == 0x3a || b == 0x3b || b == 0x22 || b == 0x28 { return true }  // : ; " (
        // “ is E2 80 9C; — is E2 80 94; • is E2 80 A2
        if i >= lowerBound + 2 && bytes[i - 2] == 0xe2 && bytes[i - 1] == 0x80 && (b == 0x9c || b == 0x94 || b == 0xa2) { return true }
        return false
    }

    /// Byte ranges inside quotation marks (“…”, "…") within `range`.
    static func quoteRanges(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int? = nil
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x22 {
                if let o = open { result.append(o..<i); open = nil } else { open = i + 1 }
            } else if b == 0xe2 && i + 2 < range.upperBound && bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0x9c { open = i + 3 }
                else if bytes[i + 2] == 0x9d, let o = open { result.append(o..<i); open = nil }
                i += 2
            }
            i += 1
        }
        if let o = open, o < range.upperBound { result.append(o..<range.upperBound) }
        return result
    }
}
