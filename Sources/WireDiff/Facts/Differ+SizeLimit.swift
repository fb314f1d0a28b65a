extension Differ {
    /// The default most sentence pairs one `diff` may compare: 5 billion, about two 11 MB
    /// articles of news prose. The aligner's work grows faster than the text (release, 2-core
    /// machine, `WireDiffBenchmarks diff --size N --write DIR` then `wirediff diff -f json`):
    /// 1 MB (40 M pairs) 2.3 s CPU 119 MB; 2 MB (151 M) 4.8 s 214 MB; 10 MB (3.8 billion)
    /// 11.8 s 604 MB; 30 MB (34 billion) 45 s 1.7 GB. Above the limit `diff` says so at once
    /// instead of working for minutes.
    package static let defaultMaximumSentencePairs = 5_000_000_000

    /// The default most word pairs of the two longest sentences: 25 million (two sentences of
    /// 5,000 words). The word aligner compares every word of one sentence with every word of
    /// the other, about 8 ns and a byte per pair: two one-sentence texts of 100,000 words
    /// (578 KB) took 81 s and 9.8 GB. News sentences have tens of words; only text without
    /// sentence punctuation comes near the limit.
    package static let defaultMaximumWordPairs = 25_000_000

    /// How large a comparison is, against the limits.
    package struct Size: Equatable, Sendable {
        /// The reference's sentences times the other versions' sentences.
        package var sentencePairs: Int
        /// The largest product of the words of the reference's longest sentence and of another
        /// version's longest sentence.
        package var wordPairs: Int
        /// Each version's id, sentences and words in its longest sentence, the reference first.
        package var versions: [Version]

        package struct Version: Equatable, Sendable {
            package var id: String
            package var sentences: Int
            package var longestSentenceWords: Int
        }
    }

    /// A comparison too large to run: its size and the limit it passes.
    package struct TooLarge: Error, Equatable, Sendable, CustomStringConvertible {
        package var size: Size
        /// `true` when the word pairs of the longest sentences pass their limit, `false` when
        /// the sentence pairs do.
        package var longestSentences: Bool
        package var limit: Int

        /// One line saying what is too large and what to do.
        package var description: String {
            let versions = size.versions
            guard let reference = versions.first else { return "nothing to compare" }
            let others = versions.dropFirst()
            if longestSentences {
                let widest = others.max { $0.longestSentenceWords < $1.longestSentenceWords } ?? reference
                return "\(reference.id) has a sentence of \(reference.longestSentenceWords) words and \(widest.id) one of "
                    + "\(widest.longestSentenceWords): \(size.wordPairs) word pairs to align, above the limit of \(limit) "
                    + "(two sentences of 5,000 words); is the text without sentence punctuation? "
                    + "Split it, or raise --max-word-pairs"
            }
            let shown = others.count == 1
                ? "\(reference.id) (\(reference.sentences) sentences) × \(others[others.startIndex].id) (\(others[others.startIndex].sentences) sentences)"
                : "\(reference.id) (\(reference.sentences) sentences) × \(others.count) other versions (\(others.reduce(0) { $0 + $1.sentences }) sentences)"
            return "\(shown): \(size.sentencePairs) sentence pairs to compare, above the limit of \(limit) "
                + "(about two 11 MB articles); diff compares versions of one article, not corpora: "
                + "use dedup or find to match documents, or raise --max-sentence-pairs"
        }
    }

    /// The size of comparing `documents` (the first is the reference).
    ///
    /// - Complexity: O(total bytes): every sentence is tokenized once to count its words.
    package static func size(_ documents: [Document]) -> Size {
        let versions = documents.map { document in
            Size.Version(id: document.id, sentences: document.sentences.count,
                         longestSentenceWords: document.sentences.map { document.tokens(of: $0).count }.max() ?? 0)
        }
        guard let reference = versions.first else { return Size(sentencePairs: 0, wordPairs: 0, versions: []) }
        let others = versions.dropFirst()
        let (sentencePairs, overflow) = reference.sentences.multipliedReportingOverflow(by: others.reduce(0) { $0 + $1.sentences })
        let wordPairs = others.map { reference.longestSentenceWords * $0.longestSentenceWords }.max() ?? 0
        return Size(sentencePairs: overflow ? .max : sentencePairs, wordPairs: wordPairs, versions: versions)
    }

    /// Throws `TooLarge` when comparing `documents` passes one of the limits (checked before
    /// any work; `Int.max` lifts a limit).
    ///
    /// - Complexity: O(total bytes).
    package static func checkSize(
        _ documents: [Document], maximumSentencePairs: Int = defaultMaximumSentencePairs,
        maximumWordPairs: Int = defaultMaximumWordPairs
    ) throws(TooLarge) {
        let size = size(documents)
        if size.sentencePairs > maximumSentencePairs {
            throw TooLarge(size: size, longestSentences: false, limit: maximumSentencePairs)
        }
        if size.wordPairs > maximumWordPairs {
            throw TooLarge(size: size, longestSentences: true, limit: maximumWordPairs)
        }
    }
}
