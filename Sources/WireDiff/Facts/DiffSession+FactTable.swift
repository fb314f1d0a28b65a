extension DiffSession {
    /// Kinds of change that make a fact-table cell `changed` rather than `present`: dropped and
    /// added words alone do not (nearly every paraphrase has some).
    static let substantiveChanges: Set<ChangedDetail.Kind> = [.number, .date, .name, .quote, .attribution]

    static func cell(for alignment: Alignment?, sentenceFilter a: Int?) -> FactTable.Cell {
        guard let alignment else { return FactTable.Cell(state: .absent, sentences: [], score: 0) }
        let changes = alignment.changes.filter { a == nil || $0.referenceSentence == nil || $0.referenceSentence == a }
        let substantive = changes.contains { substantiveChanges.contains($0.kind) }
        return FactTable.Cell(state: substantive ? .changed : .present, sentences: alignment.b, score: alignment.score, changes: changes)
    }

    /// Rows for the reference's sentences, then for the others' additions grouped across
    /// versions by maximum-weight matching.
    func factTable() -> FactTable {
        let n = analyzed.count
        guard n > 0 else { return FactTable(documentIDs: [], rows: [], reports: []) }
        let reports = (1..<max(n, 1)).map { report(0, $0) }
        var rows: [FactTable.Row] = []
        for r in analyzed[0].reportingIndices {
            var cells = [FactTable.Cell(state: .present, sentences: [r], score: 1)]
            for v in 1..<n { cells.append(DiffSession.cell(for: reports[v - 1].alignment(ofReference: r), sentenceFilter: r)) }
            rows.append(FactTable.Row(anchor: 0, sentences: [r], cells: cells))
        }
        // Additions: match each version's added sentences against earlier addition rows.
        let absent = FactTable.Cell(state: .absent, sentences: [], score: 0)
        var additionRows: [Int] = []  // indices into rows
        for v in 1..<max(n, 1) {
            let added = reports[v - 1].added
            guard !added.isEmpty else { continue }
            var matchedRow = [Int?](repeating: nil, count: added.count)
            if !additionRows.isEmpty {
                let columns = additionRows.count
                var costs = [Double](repeating: 0, count: added.count * columns)
                var scores = costs
                for (i, s) in added.enumerated() {
                    for (c, rowIndex) in additionRows.enumerated() {
                        let row = rows[rowIndex]
                        let sc = aligner.score(profiles[v][s], union(row.anchor, row.sentences))
                        scores[i * columns + c] = sc
                        costs[i * columns + c] = sc >= options.linkThreshold ? -sc : 0
                    }
                }
                for (i, c) in Hungarian.assign(costs: costs, rows: added.count, columns: columns).enumerated() {
                    if let c, scores[i * columns + c] >= options.linkThreshold { matchedRow[i] = c }
                }
            }
            for (i, s) in added.enumerated() {
                if let c = matchedRow[i] {
                    let rowIndex = additionRows[c]
                    let row = rows[rowIndex]
                    let extractor = DetailExtractor(reference: analyzed[row.anchor], other: analyzed[v], lexicon: lexicon)
                    var alignment = Alignment(a: row.sentences, b: [s], score: 0, kind: .paraphrase, breakdown: breakdown(row.anchor, row.sentences, v, [s]))
                    alignment.score = alignment.breakdown.score
                    (alignment.changes, alignment.rewordings, _) = extractor.analyze(row.sentences, [s])
                    rows[rowIndex].cells[v] = DiffSession.cell(for: alignment, sentenceFilter: nil)
                } else {
                    var cells = Array(repeating: absent, count: n)
                    cells[v] = FactTable.Cell(state: .present, sentences: [s], score: 1)
                    additionRows.append(rows.count)
                    rows.append(FactTable.Row(anchor: v, sentences: [s], cells: cells))
                }
            }
        }
        return FactTable(documentIDs: analyzed.map(\.document.id), rows: rows, reports: reports)
    }
}
