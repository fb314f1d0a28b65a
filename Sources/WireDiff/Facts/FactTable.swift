/// Which versions carry which facts: one row per fact, one column per version.
///
/// Rows come first for the reference's reporting sentences (in order), then for sentences that
/// other versions add (grouped when the additions of several versions align with each other).
/// A cell is `present` (aligned, no changed detail), `changed` (aligned, with details), or
/// `absent`.
public struct FactTable: Sendable, Hashable, Codable {
    public struct Cell: Sendable, Hashable, Codable {
        public enum State: String, Sendable, Hashable, Codable, CaseIterable {
            case present, absent, changed
        }
        public var state: State
        /// Sentences of this version carrying the fact.
        public var sentences: [Int]
        /// Similarity to the row's anchor sentences (1 for the anchor itself, 0 when absent).
        public var score: Double
        /// Details that differ from the anchor.
        public var changes: [ChangedDetail]

        public init(state: State, sentences: [Int], score: Double, changes: [ChangedDetail] = []) {
            self.state = state
            self.sentences = sentences
            self.score = score
            self.changes = changes
        }
    }

    public struct Row: Sendable, Hashable, Codable {
        /// The version whose sentences anchor the row: 0 for the reference, else the first
        /// version that added the fact.
        public var anchor: Int
        /// The anchor's sentence indices.
        public var sentences: [Int]
        /// One cell per version, in the order of ``FactTable/documentIDs``.
        public var cells: [Cell]

        public init(anchor: Int, sentences: [Int], cells: [Cell]) {
            self.anchor = anchor
            self.sentences = sentences
            self.cells = cells
        }
    }

    /// The versions' ids; the first is the reference.
    public var documentIDs: [String]
    public var rows: [Row]
    /// The pair report of the reference against each other version (`reports[i]` is for
    /// version `i + 1`).
    public var reports: [PairReport]

    public init(documentIDs: [String], rows: [Row], reports: [PairReport]) {
        self.documentIDs = documentIDs
        self.rows = rows
        self.reports = reports
    }
}
