/// Compares versions of a story: aligns their sentences and reports what each version adds,
/// omits and changes relative to the first (the reference, e.g. the wire story).
///
/// ```swift
/// let report = Differ().compare(wire, rewrite)
/// for i in report.omitted { print("omitted:", wire.string(of: wire.sentences[i])) }
/// ```
///
/// See Documentation/Alignment.md for how sentences are scored and aligned.
///
/// - Complexity: O(n m) sentence pairs per comparison, each a merge of sparse vectors.
public struct Differ: Sendable {
    public var options: AlignmentOptions

    public init(_ options: AlignmentOptions = AlignmentOptions()) {
        self.options = options
    }

    /// What `other` adds, omits and changes relative to `reference`.
    public func compare(_ reference: Document, _ other: Document) -> PairReport {
        DiffSession(documents: [reference, other], options: options).report(0, 1)
    }

    /// The fact table of several versions; the first is the reference. IDF is computed over all
    /// of them.
    public func compare(_ documents: [Document]) -> FactTable {
        let session = DiffSession(documents: documents, options: options)
        return session.factTable()
    }

    /// The similarity of two pieces of text, each taken as one unit (for calibration: `pairs`).
    public func similarity(_ a: String, _ b: String) -> SimilarityBreakdown {
        let session = DiffSession(documents: [Document(id: "a", text: a), Document(id: "b", text: b)], options: options)
        let sa = session.analyzed[0].reportingIndices, sb = session.analyzed[1].reportingIndices
        guard !sa.isEmpty, !sb.isEmpty else { return SimilarityBreakdown() }
        return session.breakdown(0, sa, 1, sb)
    }

    /// The similarity of each pair of texts, each text taken as one unit, with word weights
    /// (IDF) computed over all the texts given (for calibration and paraphrase scoring:
    /// `pairs`). More texts give better weights than one pair at a time.
    ///
    /// - Complexity: linear in the texts' bytes, plus one word alignment per pair.
    public func similarities(_ pairs: [(String, String)]) -> [SimilarityBreakdown] {
        var documents: [Document] = []
        documents.reserveCapacity(2 * pairs.count)
        for (k, (a, b)) in pairs.enumerated() {
            documents.append(Document(id: "a\(k)", text: a))
            documents.append(Document(id: "b\(k)", text: b))
        }
        let session = DiffSession(documents: documents, options: options)
        return pairs.indices.map { k in
            let sa = session.analyzed[2 * k].reportingIndices, sb = session.analyzed[2 * k + 1].reportingIndices
            guard !sa.isEmpty, !sb.isEmpty else { return SimilarityBreakdown() }
            return session.breakdown(2 * k, sa, 2 * k + 1, sb)
        }
    }

    /// Whether a similarity score links two sentences at the current threshold.
    public func links(_ score: Double) -> Bool { score >= options.linkThreshold }
}
