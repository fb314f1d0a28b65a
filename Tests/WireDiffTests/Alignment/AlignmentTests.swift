import Testing
@testable import WireDiff

@Suite struct AlignmentTests {
    /// Brute-force minimum assignment cost for small matrices.
    func bruteForce(_ costs: [Double], _ n: Int, _ m: Int) -> Double {
        var best = Double.infinity
        var used = [Bool](repeating: false, count: m)
        func go(_ i: Int, _ sum: Double) {
            if i == n { best = min(best, sum); return }
            for j in 0..<m where !used[j] {
                used[j] = true; go(i + 1, sum + costs[i * m + j]); used[j] = false
            }
        }
        go(0, 0)
        return best
    }

    @Test(arguments: [(3, 3), (2, 5), (4, 4), (5, 6), (6, 6)])
    func hungarianIsOptimal(shape: (Int, Int)) {
        var rng = SplitMix64(seed: UInt64(shape.0 * 31 + shape.1))
        for _ in 0..<25 {
            let (n, m) = shape
            let costs = (0..<(n * m)).map { _ in -Double(rng.next() % 1000) / 1000 }
            let assignment = Hungarian.assign(costs: costs, rows: n, columns: m)
            let columns = assignment.compactMap { $0 }
            #expect(columns.count == n)
            #expect(Set(columns).count == n)
            let total = assignment.enumerated().reduce(0.0) { $0 + costs[$1.0 * m + $1.1!] }
            #expect(abs(total - bruteForce(costs, n, m)) < 1e-9)
        }
    }

    @Test func hungarianHandlesMoreRowsThanColumns() {
        let costs: [Double] = [-1, 0, 0, -1, -0.5, -0.5]  // 3 × 2
        let assignment = Hungarian.assign(costs: costs, rows: 3, columns: 2)
        #expect(assignment.compactMap { $0 }.count == 2)
        #expect(assignment[0] == 0 && assignment[1] == 1)
        #expect(assignment[2] == nil)
    }

    static let reference = """
        The reservoir rose three meters above normal after two days of record rain in the valley.
        Mayor Elena Varga opened three shelters at the high school, the grange hall and the church.
        Engineers began releasing water through the spillway to lower the reservoir.
        Route 9 and two bridges over the river were closed by the sheriff.
        """

    @Test func reorderedParaphrasesAlignOneToOne() {
        let other = """
            Route 9 and two river bridges were shut by the sheriff.
            Engineers started releasing water through the spillway to bring the reservoir down.
            Mayor Elena Varga opened shelters at the high school, the grange hall and the church.
            After two days of record rain the valley reservoir rose three meters above normal.
            """
        let a = Document(id: "a", text: Self.reference), b = Document(id: "b", text: other)
        let report = Differ().compare(a, b)
        let pairs = Set(report.alignments.map { [$0.a, $0.b] })
        #expect(pairs == [[[0], [3]], [[1], [2]], [[2], [1]], [[3], [0]]])
        #expect(report.added.isEmpty && report.omitted.isEmpty)
        #expect(report.alignments.allSatisfy { $0.kind == .paraphrase })
    }

    @Test func identicalSentencesAreIdentical() {
        let a = Document(id: "a", text: Self.reference), b = Document(id: "b", text: Self.reference)
        let report = Differ().compare(a, b)
        #expect(report.alignments.count == 4)
        #expect(report.alignments.allSatisfy { $0.kind == .identical && $0.a == $0.b && $0.score > 0.999 })
        #expect(report.verdict.kind == .sameStory)
    }

    @Test func oneSentenceSplitInTwoIsASplit() {
        let a = Document(id: "a", text: """
            The 58-year-old Carrow dam was rated fair by state inspectors in 2022, who recommended spillway repairs costing $4.5 million that were never carried out.
            Sheriff Dale Hutchins said deputies went door to door in the evacuation zone.
            """)
        let b = Document(id: "b", text: """
            State inspectors rated the 58-year-old Carrow dam fair in 2022.
            They recommended spillway repairs costing $4.5 million, which were never carried out.
            Deputies went door to door in the evacuation zone, Sheriff Dale Hutchins said.
            """)
        let report = Differ().compare(a, b)
        let split = report.alignments.first { $0.a == [0] }
        #expect(split?.b == [0, 1])
        #expect(split?.kind == .split)
        // The other way round it is a merge.
        let reverse = Differ().compare(b, a)
        #expect(reverse.alignments.first { $0.b == [0] }?.a == [0, 1])
        #expect(reverse.alignments.first { $0.b == [0] }?.kind == .merge)
    }

    @Test func unrelatedSentencesStayUnaligned() {
        let a = Document(id: "a", text: Self.reference + "\nThe city council approved a new budget for the fire station on Monday.")
        let b = Document(id: "b", text: Self.reference + "\nHezbollah fired rockets deep into northern Israel overnight.")
        let report = Differ().compare(a, b)
        #expect(report.omitted == [a.sentences.count - 1])
        #expect(report.added == [b.sentences.count - 1])
    }

    @Test(.enabled(if: Seeds.available), arguments: [("001", "000"), ("003", "004"), ("002", "003")])
    func boilerplateAndLabelsNeverAlign(pair: (String, String)) throws {
        let a = try Seeds.document(pair.0), b = try Seeds.document(pair.1)
        let report = Differ().compare(a, b)
        func reporting(_ d: Document, _ i: Int) -> Bool { d.sentences[i].boilerplate == nil && d.sentences[i].role != .label }
        for al in report.alignments {
            #expect(al.a.allSatisfy { reporting(a, $0) })
            #expect(al.b.allSatisfy { reporting(b, $0) })
            #expect(al.a.count <= 3 && al.b.count <= 3)
            #expect(al.score >= 0 && al.score <= 1)
        }
        #expect(report.omitted.allSatisfy { reporting(a, $0) })
        #expect(report.added.allSatisfy { reporting(b, $0) })
        // Every reporting sentence is aligned, added/omitted, exactly once.
        let seenA = report.alignments.flatMap(\.a) + report.omitted
        #expect(seenA.count == Set(seenA).count)
        #expect(Set(seenA) == Set(a.sentences.indices.filter { reporting(a, $0) && !a.tokensAreAllStopwords($0) }))
    }
}

extension Document {
    /// Whether a sentence has no content word (such sentences are not reporting).
    func tokensAreAllStopwords(_ i: Int) -> Bool {
        tokens(of: sentences[i]).allSatisfy { t in
            t.kind != .number && Stopwords.contains(Array(normalizedString(of: t).utf8))
        }
    }
}

extension AlignmentTests {
    /// The sparse candidate search loses no pair that could link or extend a link, and scores
    /// each kept pair exactly as the pairwise score.
    @Test(.enabled(if: Seeds.available)) func similarityMatrixKeepsEveryPairThatCouldLink() throws {
        let session = DiffSession(documents: [try Seeds.document("001"), try Seeds.document("000")], options: AlignmentOptions())
        let a = session.profiles[0].filter { !$0.isEmpty }, b = session.profiles[1].filter { !$0.isEmpty }
        let matrix = SimilarityMatrix(a, b, aligner: session.aligner)
        for i in a.indices {
            for j in b.indices {
                let pairwise = session.aligner.score(a[i], b[j])
                if pairwise >= session.options.extendThreshold { #expect(abs(matrix.score(i, j) - pairwise) < 1e-9) }
                if matrix.score(i, j) > 0 { #expect(abs(matrix.score(i, j) - pairwise) < 1e-9) }
            }
        }
    }

    /// Sentences that share only common words are not scored: a huge input of one repeated
    /// vocabulary stays near-linear (issue 15, finding 3).
    @Test func similarityMatrixSkipsWordsCommonToManySentences() {
        let common = (0..<200).map { "The committee met again on day \($0 + 1) to discuss the budget." }.joined(separator: " ")
        let session = DiffSession(documents: [Document(id: "a", text: common), Document(id: "b", text: common)], options: AlignmentOptions())
        let a = session.profiles[0].filter { !$0.isEmpty }, b = session.profiles[1].filter { !$0.isEmpty }
        let matrix = SimilarityMatrix(a, b, aligner: session.aligner)
        let scored = matrix.rows.reduce(0) { $0 + $1.count }
        #expect(scored <= a.count * SimilarityMatrix.candidatesPerSentence * 2)
        // Each sentence still finds its twin through its rare day number.
        #expect(matrix.rows.indices.allSatisfy { i in matrix.rows[i].contains { $0.column == i } })
    }
}

extension AlignmentTests {
    @Test func emptyAndTrivialInputs() {
        let empty = Document(id: "empty", text: "")
        let one = Document(id: "one", text: Self.reference)
        let r = Differ().compare(empty, one)
        #expect(r.alignments.isEmpty && r.omitted.isEmpty)
        #expect(r.added.count == one.sentences.count)
        #expect(r.verdict.kind == .differentStory)
        #expect(Differ().compare(one, empty).omitted.count == one.sentences.count)
        #expect(Differ().compare([]).rows.isEmpty)
        let single = Differ().compare([one])
        #expect(single.reports.isEmpty)
        #expect(single.rows.count == one.sentences.count)
        #expect(single.rows.allSatisfy { $0.cells.map(\.state) == [.present] })
    }

    @Test(.enabled(if: Seeds.available)) func reportsAreDeterministic() throws {
        let a = try Seeds.document("003"), b = try Seeds.document("004")
        #expect(Differ().compare(a, b) == Differ().compare(a, b))
        #expect(Differ().compare([a, b, a]) == Differ().compare([a, b, a]))
    }
}
