/// Turns a ``Document`` into a set of 64-bit shingle hashes, for the whole document and per
/// sentence.
///
/// Which sentences count: every sentence that is not boilerplate
/// (``Sentence/boilerplate`` is `nil`) and is not a ``Sentence/Role/label`` ("Why it
/// matters:"), whose text is outlet furniture rather than reporting. Datelines are skipped
/// (shingling reads ``Sentence/contentRange``).
///
/// **Shingles never cross a sentence boundary, for every kind.** Rewrites reorder, merge and
/// split sentences; a k-gram spanning two sentences encodes their adjacency, which a rewrite
/// rarely keeps, so it is noise for rewrite detection. It also makes the document's shingle set
/// exactly the union of its sentences' sets (``sentenceShingles(of:)``), so document-level and
/// passage-level evidence agree. A sentence shorter than k units contributes one shingle made
/// of all its units, so short headlines still count.
///
/// Hashes: a word k-gram is `StableHash.combine` folded over the k token hashes (left to
/// right); a content-word k-gram the same over the stems' hashes; a character k-gram hashes the
/// k scalars' normalized UTF-8 bytes (one 8-byte word and the length when they fit, else
/// `StableHash.hash`). No string is ever joined.
/// For k = 1 a word shingle is the token hash itself.
///
/// A `Shingler` keeps scratch buffers and a per-instance cache of normalized forms and stems
/// keyed by token hash, so its methods are `mutating`; use one instance per thread.
///
/// - Complexity: O(n·k) for n tokens; stemming and normalization run once per distinct word.
/// - SeeAlso: Broder, *On the resemblance and containment of documents* (1997), for
///   w-shingling.
package struct Shingler: Sendable {
    /// The kind and length of shingle produced.
    package let kind: ShingleKind

    private var tokens: [Token] = []
    private var units: [UInt64] = []
    private var text: [UInt8] = []
    private var scalarStarts: [Int] = []
    private let sorter = BucketSort<UInt64>()
    private var cache = TokenCache()
    /// Unigram shingles of the names (capitalized words that do not start their sentence) seen
    /// by the last `shingles(of:)` / `sentenceShingles(of:)` call, sorted and distinct. Only
    /// unigram kinds (`words(1)`, `contentWords(1)`) record names; verification discounts them
    /// because different stories about the same people share names, not reporting.
    package private(set) var nameShingles: [UInt64] = []
    /// Unigram shingles of the numbers ("1,600", "3.5%") seen by the last `shingles(of:)` /
    /// `sentenceShingles(of:)` call, sorted and distinct. Only `contentWords(1)` records
    /// numbers; verification tells a sentence pair that shares its figures from one whose
    /// figures differ.
    package private(set) var numberShingles: [UInt64] = []
    private let stemmer = EnglishStemmer()

    /// Creates a shingler for `kind`. `kind.k` must be at least 1.
    package init(kind: ShingleKind) {
        precondition(kind.k >= 1, "Shingle length k must be at least 1, got \(kind.k)")
        self.kind = kind
    }

    /// Whether a sentence contributes shingles.
    @inlinable
    package static func includes(_ sentence: Sentence) -> Bool {
        sentence.boilerplate == nil && sentence.role != .label
    }

    /// The document's shingle set: sorted ascending, deduplicated.
    package mutating func shingles(of document: Document) -> [UInt64] {
        var result: [UInt64] = []
        // About one shingle per 6 bytes for word kinds, one per byte for characters.
        result.reserveCapacity(kind.isCharacters ? document.bytes.count : document.bytes.count / 6 + 16)
        shingles(of: document, into: &result)
        return result
    }

    /// Replaces `result` with the document's shingle set (sorted, deduplicated), reusing its
    /// storage.
    package mutating func shingles(of document: Document, into result: inout [UInt64]) {
        result.removeAll(keepingCapacity: true)
        nameShingles.removeAll(keepingCapacity: true)
        numberShingles.removeAll(keepingCapacity: true)
        document.bytes.withUnsafeBufferPointer { bytes in
            for sentence in document.sentences where Self.includes(sentence) {
                appendShingles(of: sentence.contentRange, in: bytes, into: &result)
            }
        }
        sorter.sortAndDeduplicate(&result)
        sorter.sortAndDeduplicate(&nameShingles)
        sorter.sortAndDeduplicate(&numberShingles)
    }

    /// The shingle set of every included sentence that has at least one shingle, in order.
    package mutating func sentenceShingles(of document: Document) -> [SentenceShingles] {
        var result: [SentenceShingles] = []
        var scratch: [UInt64] = []
        nameShingles.removeAll(keepingCapacity: true)
        numberShingles.removeAll(keepingCapacity: true)
        document.bytes.withUnsafeBufferPointer { bytes in
            for (index, sentence) in document.sentences.enumerated() where Self.includes(sentence) {
                scratch.removeAll(keepingCapacity: true)
                appendShingles(of: sentence.contentRange, in: bytes, into: &scratch)
                if scratch.isEmpty { continue }
                sorter.sortAndDeduplicate(&scratch)
                result.append(SentenceShingles(sentence: index, shingles: scratch))
            }
        }
        sorter.sortAndDeduplicate(&nameShingles)
        sorter.sortAndDeduplicate(&numberShingles)
        return result
    }

    /// Starts a new document for ``nameShingles`` when sentences are shingled one at a time.
    mutating func beginDocument() {
        nameShingles.removeAll(keepingCapacity: true)
        numberShingles.removeAll(keepingCapacity: true)
    }

    /// Whether a token looks like (part of) a name: a capitalized word that does not start its
    /// sentence.
    @inline(__always)
    static func isName(_ token: Token) -> Bool {
        token.kind == .word && token.flags.contains(.capitalized) && !token.flags.contains(.sentenceInitial)
    }

    /// ``isName(_:)`` as 1 or 0, computed without a branch.
    @inline(__always)
    static func nameBit(_ token: Token) -> Int {
        let flags = token.flags.rawValue & (Token.Flags.capitalized.rawValue | Token.Flags.sentenceInitial.rawValue)
        return (flags == Token.Flags.capitalized.rawValue ? 1 : 0) & (token.kind == .word ? 1 : 0)
    }

    /// ``Token/Kind/number`` as 1 or 0.
    @inline(__always)
    static func numberBit(_ token: Token) -> Int {
        token.kind == .number ? 1 : 0
    }

    /// Appends the shingles of the text in `range` (one sentence) to `output`, unsorted.
    mutating func appendShingles(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt64]) {
        tokens.removeAll(keepingCapacity: true)
        Tokenizer().tokenize(bytes, range: range, into: &tokens)
        if tokens.isEmpty { return }
        switch kind {
        case .words(let k):
            units.removeAll(keepingCapacity: true)
            for token in tokens {
                units.append(token.hash)
                if k == 1 && Self.isName(token) { nameShingles.append(token.hash) }
            }
            units.withUnsafeBufferPointer { Self.appendKGrams(of: $0, k: k, into: &output) }
        case .contentWords(let k):
            // Every stem is staged; only content words advance the count, only names the
            // names' count and only numbers the numbers' count (no branch on any: about every
            // other word is a stopword, in no predictable pattern).
            let count = tokens.count
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3 * count) { staging in
                var kept = 0, names = 0, numbers = 0
                for token in tokens {
                    let slot = cachedSlot(for: token, in: bytes, keepBytes: false)
                    let stem = cache.stem(at: slot)
                    let content = cache.isStopword(at: slot) ? 0 : 1
                    staging[kept] = stem
                    kept &+= content
                    staging[count &+ names] = stem
                    names &+= content & Self.nameBit(token)
                    staging[2 &* count &+ numbers] = stem
                    numbers &+= Self.numberBit(token)
                }
                Self.appendKGrams(of: UnsafeBufferPointer(rebasing: staging[0..<kept]), k: k, into: &output)
                if k == 1 {
                    nameShingles.append(contentsOf: UnsafeBufferPointer(rebasing: staging[count..<count + names]))
                    numberShingles.append(contentsOf: UnsafeBufferPointer(rebasing: staging[2 * count..<2 * count + numbers]))
                }
            }
        case .characters(let k):
            text.removeAll(keepingCapacity: true)
            for token in tokens {
                let slot = cachedSlot(for: token, in: bytes, keepBytes: true)
                if !text.isEmpty { text.append(0x20) }
                let start = cache.offset(at: slot), length = cache.length(at: slot)
                cache.arena.withUnsafeBufferPointer { arena in
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: arena[start..<start + length]))
                }
            }
            appendCharacterGrams(k: k, into: &output)
        }
    }

    /// The cache slot of a token, computing the normalized form and stem on a miss.
    @inline(__always)
    private mutating func cachedSlot(for token: Token, in bytes: UnsafeBufferPointer<UInt8>, keepBytes: Bool) -> Int {
        if let slot = cache.find(token.hash) { return slot }
        let normalized = Tokenizer.normalizedForm(of: token, in: bytes)
        let stopword: Bool
        let stem: UInt64
        if token.kind == .word {
            stopword = Stopwords.contains(normalized)
            stem = stopword ? 0 : StableHash.hash(stemmer.stem(normalized))
        } else {
            stopword = false
            stem = token.hash
        }
        return normalized.withUnsafeBufferPointer {
            cache.insert(key: token.hash, stem: stem, stopword: stopword, normalized: keepBytes ? $0 : nil)
        }
    }

    /// Appends the k-grams of `u` (one shingle of all units when there are fewer than k).
    @inline(__always)
    static func appendKGrams(of u: UnsafeBufferPointer<UInt64>, k: Int, into output: inout [UInt64]) {
        let n = u.count
        if n == 0 { return }
        if k == 1 {
            output.append(contentsOf: u)
            return
        }
        if n < k {
            var h = u[0]
            for j in 1..<n { h = StableHash.combine(h, u[j]) }
            output.append(h)
            return
        }
        for i in 0...(n - k) {
            var h = u[i]
            for j in 1..<k { h = StableHash.combine(h, u[i + j]) }
            output.append(h)
        }
    }

    /// Appends the hashes of the k-scalar windows of `text` (the whole text when shorter).
    private mutating func appendCharacterGrams(k: Int, into output: inout [UInt64]) {
        let count = text.count
        if count == 0 { return }
        var high: UInt8 = 0
        for byte in text { high |= byte }
        // Padding so a window can always be read as one 8-byte word.
        text.append(contentsOf: repeatElement(0, count: 8))
        defer { text.removeLast(8) }
        if high < 0x80 {
            // ASCII: scalars are bytes.
            text.withUnsafeBytes { raw in
                if count <= k {
                    output.append(Self.characterGramHash(raw, start: 0, length: count))
                    return
                }
                for start in 0...(count - k) {
                    output.append(Self.characterGramHash(raw, start: start, length: k))
                }
            }
            return
        }
        scalarStarts.removeAll(keepingCapacity: true)
        text.withUnsafeBytes { raw in
            for i in 0..<count where raw[i] & 0xC0 != 0x80 { scalarStarts.append(i) }
            scalarStarts.append(count)
            let scalars = scalarStarts.count - 1
            if scalars <= k {
                output.append(Self.characterGramHash(raw, start: 0, length: count))
                return
            }
            for i in 0...(scalars - k) {
                let start = scalarStarts[i]
                output.append(Self.characterGramHash(raw, start: start, length: scalarStarts[i + k] - start))
            }
        }
    }

    /// The hash of a character k-gram: its UTF-8 bytes `raw[start..<start + length]`.
    ///
    /// Up to 8 bytes are read as one little-endian word (so `raw` must hold 8 readable bytes
    /// from `start`) and combined with the length; longer grams use ``StableHash/hash(_:seed:)``.
    @inline(__always)
    static func characterGramHash(_ raw: UnsafeRawBufferPointer, start: Int, length: Int) -> UInt64 {
        if length <= 8 {
            var word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
            if length < 8 { word &= (1 &<< UInt64(8 &* length)) &- 1 }
            return StableHash.combine(word, UInt64(length))
        }
        return StableHash.hash(UnsafeRawBufferPointer(rebasing: raw[start..<start + length]))
    }

    /// The hash of a character k-gram given as its UTF-8 bytes.
    static func characterGramHash(_ bytes: [UInt8]) -> UInt64 {
        (bytes + repeatElement(0, count: 8)).withUnsafeBytes { characterGramHash($0, start: 0, length: bytes.count) }
    }
}
