extension Differ {
    /// The default most sentence pairs one `diff` may score: 50 million, about two 1 MB
    /// articles of news prose (6,500 and 6,100 sentences). Measured on the 2-core machine
    /// (release, `WireDiffBenchmarks diff --size N --write DIR` then `wirediff diff -f json`):
    /// 250 KB 2.4 M pairs 0.3 s 76 MB; 500 KB 9.8 M pairs 1.0 s 236 MB; 1 MB 40 M pairs 2.9 s
    /// 0.8 GB; 2 MB 151 M pairs 11 s 3.0 GB. The cost grows with the product of the sentence
    /// counts (about 20 bytes and 75 ns per pair), so two 10 MB articles (3.9 billion pairs)
    /// would take minutes and tens of GB: they are refused up front instead.
    public static let defaultMaximumSentencePairs = 50_000_000

    /// A comparison too large to run: the sentence pairs it would score, the limit, and each
    /// version's id and sentence count (the reference first).
    public struct TooLarge: Error, Equatable, Sendable, CustomStringConvertible {
        public var sentencePairs: Int
        public var limit: Int
        public var versions: [Version]

        /// One version's id and sentence count.
        public struct Version: Equatable, Sendable {
            public var id: String
            public var sentences: Int
        }

        /// One line saying what is too large and what to do.
        public var description: String {
            let counts = versions.map { "\($0.id) (\($0.sentences) sentences)" }
            let others = versions.dropFirst()
            let shown = others.count == 1
                ? counts.joined(separator: " × ")
                : "\(counts.first ?? "") × \(others.count) other versions (\(others.reduce(0) { $0 + $1.sentences }) sentences)"
            return "\(shown): \(sentencePairs) sentence pairs to compare, above the limit of \(limit) "
                + "(about two 1 MB articles); diff compares versions of one article, not corpora: "
                + "use dedup or find to match documents, or raise --max-sentence-pairs"
        }
    }

    /// The sentence pairs comparing `documents` scores: the reference's sentences times each
    /// other version's.
    public static func sentencePairs(_ documents: [Document]) -> Int {
        guard let reference = documents.first else { return 0 }
        let others = documents.dropFirst().reduce(0) { $0 + $1.sentences.count }
        let (product, overflow) = reference.sentences.count.multipliedReportingOverflow(by: others)
        return overflow ? .max : product
    }

    /// Throws `TooLarge` when comparing `documents` would score more than `maximumSentencePairs`
    /// sentence pairs (checked before any work; `Int.max` allows everything).
    ///
    /// - Complexity: O(number of documents).
    public static func checkSize(_ documents: [Document], maximumSentencePairs: Int = defaultMaximumSentencePairs) throws(TooLarge) {
        let pairs = sentencePairs(documents)
        guard pairs > maximumSentencePairs else { return }
        throw TooLarge(sentencePairs: pairs, limit: maximumSentencePairs,
                       versions: documents.map { TooLarge.Version(id: $0.id, sentences: $0.sentences.count) })
    }
}
