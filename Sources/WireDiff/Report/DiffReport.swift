/// Everything one `wirediff diff` run reports: the documents compared (the first is the
/// reference), the reference's pair report against each other version, and, for more than two
/// versions, the fact table.
///
/// The renderers (``DiffReport/json()``, ``TextReportRenderer``, ``MarkdownReportRenderer``,
/// ``HTMLReportRenderer``) read only this value, so every format shows the same facts.
public struct DiffReport: Sendable {
    /// The versions compared; `documents[0]` is the reference.
    public var documents: [Document]
    /// `pairs[i]` compares `documents[0]` with `documents[i + 1]`.
    public var pairs: [PairReport]
    /// The fact table, for three or more versions.
    public var table: FactTable?

    public init(documents: [Document], pairs: [PairReport], table: FactTable?) {
        self.documents = documents
        self.pairs = pairs
        self.table = table
    }

    /// Compares `documents` (at least two; the first is the reference) with `differ`.
    ///
    /// - Complexity: one alignment per other version (O(n m) sentence pairs each).
    public init(comparing documents: [Document], differ: Differ = Differ()) {
        precondition(documents.count >= 2, "a diff needs at least two documents")
        if documents.count == 2 {
            self.init(documents: documents, pairs: [differ.compare(documents[0], documents[1])], table: nil)
        } else {
            let table = differ.compare(documents)
            self.init(documents: documents, pairs: table.reports, table: table)
        }
    }

    /// The reference document.
    public var reference: Document { documents[0] }

    /// The text of sentences `indices` of document `doc`, joined by spaces.
    public func text(_ doc: Int, _ indices: [Int]) -> String {
        let d = documents[doc]
        return indices.map { d.string(of: d.sentences[$0]) }.joined(separator: " ")
    }
}
