import Testing
@testable import WireDiff

@Suite struct LSHTests {
    @Test func probabilityFollowsTheSCurve() {
        let p = LSHParameters(bands: 20, rows: 5)
        #expect(p.probability(similarity: 0) == 0)
        #expect(abs(p.probability(similarity: 1) - 1) < 1e-12)
        #expect(abs(p.probability(similarity: 0.5) - (1 - pow31over32to20)) < 1e-12)
        let one = LSHParameters(bands: 1, rows: 1)
        for s in stride(from: 0.0, through: 1.0, by: 0.1) { #expect(abs(one.probability(similarity: s) - s) < 1e-12) }
        // Monotone increasing.
        var last = -1.0
        for s in stride(from: 0.0, through: 1.0, by: 0.01) {
            let value = p.probability(similarity: s)
            #expect(value >= last)
            last = value
        }
    }

    /// (31/32)^20, computed by repeated multiplication.
    private var pow31over32to20: Double { (0..<20).reduce(1.0) { r, _ in r * 31 / 32 } }

    @Test func optimalParametersForHalfAt128AreSensible() {
        let p = LSHParameters.optimal(threshold: 0.5, permutations: 128)
        #expect(p == LSHParameters(bands: 25, rows: 5))
        #expect(p.permutationsUsed <= 128)
        #expect(p.probability(similarity: 0.2) < 0.05)
        #expect(p.probability(similarity: 0.8) > 0.99)
        #expect((0.3...0.7).contains(p.probability(similarity: 0.5)))
    }

    @Test(arguments: [0.1, 0.3, 0.5, 0.7, 0.9])
    func optimalParametersMinimizeTheWeightedError(threshold: Double) {
        let p = LSHParameters.optimal(threshold: threshold, permutations: 64)
        #expect(p.permutationsUsed <= 64)
        let best = LSHParameters.weightedError(bands: p.bands, rows: p.rows, threshold: threshold,
                                               falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
        for b in 1...64 {
            for r in 1...(64 / b) {
                let error = LSHParameters.weightedError(bands: b, rows: r, threshold: threshold,
                                                        falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
                #expect(error >= best)
            }
        }
    }

    /// The table in Documentation/Thresholds.md.
    @Test(arguments: [
        (0.2, 28, 2), (0.3, 37, 3), (0.4, 32, 4), (0.5, 25, 5), (0.6, 18, 7), (0.7, 14, 9), (0.8, 9, 13), (0.9, 5, 25),
    ])
    func documentedTableAt128Permutations(threshold: Double, bands: Int, rows: Int) {
        #expect(LSHParameters.optimal(threshold: threshold, permutations: 128) == LSHParameters(bands: bands, rows: rows))
    }

    @Test func weightingFalseNegativesLowersTheCurve() {
        let balanced = LSHParameters.optimal(threshold: 0.5, permutations: 128)
        let recall = LSHParameters.optimal(threshold: 0.5, permutations: 128, falsePositiveWeight: 0.1, falseNegativeWeight: 0.9)
        #expect(recall.probability(similarity: 0.5) > balanced.probability(similarity: 0.5))
    }

    @Test func higherThresholdsUseMoreRows() {
        let rows = [0.3, 0.5, 0.7, 0.9].map { LSHParameters.optimal(threshold: $0, permutations: 128).rows }
        #expect(rows == rows.sorted())
        #expect(rows.first! < rows.last!)
    }

    /// n random sets; set `planted.1` is a near duplicate (Jaccard ≈ 0.8) of `planted.0`.
    private func corpus(count: Int, planted: (Int, Int), seed: UInt64, hasher: MinHasher) -> [MinHashSignature] {
        var generator = SplitMix64(seed: seed)
        var sets = (0..<count).map { _ in (0..<200).map { _ in generator.next() } }
        var copy = sets[planted.0]
        for i in 0..<20 { copy[i] = generator.next() }  // 180 shared of 220: J ≈ 0.82
        sets[planted.1] = copy
        return sets.map { hasher.signature(of: $0) }
    }

    @Test func indexFindsPlantedNearDuplicate() throws {
        let hasher = MinHasher()
        let signatures = corpus(count: 300, planted: (17, 250), seed: 11, hasher: hasher)
        var index = LSHIndex(threshold: 0.5)
        for (id, signature) in signatures.enumerated() { try index.insert(signature, id: id) }
        #expect(index.count == 300)
        #expect(try index.query(signatures[17]) == [17, 250])
        #expect(try index.query(signatures[250]) == [17, 250])
        let pairs = index.candidatePairs()
        #expect(pairs.contains { $0 == (17, 250) })
        #expect(pairs.count < 20)
        for pair in pairs { #expect(pair.0 < pair.1) }
        #expect(zip(pairs, pairs.dropFirst()).allSatisfy { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) })
    }

    @Test func removeTakesADocumentOutOfItsBuckets() throws {
        let hasher = MinHasher()
        let signatures = corpus(count: 50, planted: (3, 4), seed: 2, hasher: hasher)
        var index = LSHIndex(parameters: LSHParameters(bands: 16, rows: 8))
        for (id, signature) in signatures.enumerated() { try index.insert(signature, id: id * 10) }
        #expect(try index.query(signatures[4]) == [30, 40])
        index.remove(id: 30)
        #expect(!index.contains(id: 30))
        #expect(try index.query(signatures[4]) == [40])
        #expect(index.candidatePairs().isEmpty)
        index.remove(id: 999)  // absent: no effect
        try index.insert(signatures[3], id: 7)  // reuses the freed slot
        #expect(try index.query(signatures[3]) == [7, 40])
        #expect(index.candidatePairs().map { [$0.0, $0.1] } == [[7, 40]])
        // Re-inserting an id replaces it.
        try index.insert(signatures[0], id: 7)
        #expect(try index.query(signatures[3]) == [40])
        #expect(index.count == 50)
    }

    @Test func removeFromTheMiddleOfABucket() throws {
        let signature = MinHasher().signature(of: Array(1...100))
        var index = LSHIndex(parameters: LSHParameters(bands: 4, rows: 4))
        for id in 0..<5 { try index.insert(signature, id: id) }
        index.remove(id: 2)
        index.remove(id: 0)
        #expect(try index.query(signature) == [1, 3, 4])
        #expect(index.candidatePairs().map { [$0.0, $0.1] } == [[1, 3], [1, 4], [3, 4]])
    }

    @Test func bulkPathMatchesIncrementalIndexAndIsDeterministic() throws {
        let hasher = MinHasher()
        var generator = SplitMix64(seed: 99)
        // Clusters of near duplicates among noise.
        var sets: [[UInt64]] = []
        for _ in 0..<40 {
            let base = (0..<150).map { _ in generator.next() }
            for _ in 0..<Int(generator.next() % 4) + 1 {
                var copy = base
                for i in 0..<Int(generator.next() % 60) { copy[i] = generator.next() }
                sets.append(copy)
            }
        }
        let signatures = sets.map { hasher.signature(of: $0) }
        let parameters = LSHParameters.optimal(threshold: 0.5)
        var index = LSHIndex(parameters: parameters)
        for (id, signature) in signatures.enumerated() { try index.insert(signature, id: id) }
        let incremental = index.candidatePairs().map { [$0.0, $0.1] }
        let bulk = try LSHIndex.candidatePairs(of: signatures, parameters: parameters).map { [$0.0, $0.1] }
        let single = try LSHIndex.candidatePairs(of: signatures, parameters: parameters, threads: 1).map { [$0.0, $0.1] }
        #expect(!bulk.isEmpty)
        #expect(bulk == incremental)
        #expect(bulk == single)
    }

    @Test func emptySetsAreNeverCandidates() throws {
        let hasher = MinHasher()
        let empty = hasher.signature(of: [])
        var index = LSHIndex(threshold: 0.5)
        try index.insert(empty, id: 1)
        try index.insert(empty, id: 2)
        #expect(index.count == 2)
        #expect(try index.query(empty).isEmpty)
        #expect(index.candidatePairs().isEmpty)
        #expect(try LSHIndex.candidatePairs(of: [empty, empty], parameters: index.parameters).isEmpty)
        index.remove(id: 1)
        #expect(index.count == 1)
    }

    @Test func incompatibleSignaturesAreRejected() throws {
        var index = LSHIndex(threshold: 0.5)
        try index.insert(MinHasher(seed: 1).signature(of: [1, 2, 3]), id: 0)
        #expect(throws: MinHashError.incompatible(.seed(1, 2))) {
            try index.insert(MinHasher(seed: 2).signature(of: [1, 2, 3]), id: 1)
        }
        #expect(throws: MinHashError.incompatible(.seed(1, 2))) {
            try index.query(MinHasher(seed: 2).signature(of: [1, 2, 3]))
        }
        let small = MinHasher(permutations: 32).signature(of: [1, 2, 3])
        #expect(throws: MinHashError.tooFewPermutations(required: 125, actual: 32)) {
            try LSHIndex.candidatePairs(of: [small], parameters: LSHParameters(bands: 25, rows: 5))
        }
        let a = MinHasher(seed: 1).signature(of: [1]), b = MinHasher(seed: 3).signature(of: [1])
        #expect(throws: MinHashError.incompatible(.seed(1, 3))) {
            try LSHIndex.candidatePairs(of: [a, b], parameters: LSHParameters(bands: 25, rows: 5))
        }
    }

    @Test func bandTableMatchesADictionaryModel() {
        var table = BandTable()
        var model: [UInt64: Int32] = [:]
        var generator = SplitMix64(seed: 12)
        // Few distinct low bits force long probe runs, wrap-around and backward shifts.
        func key() -> UInt64 { (generator.next() % 300 + 1) << (generator.next() % 2 == 0 ? 0 : 40) }
        for step in 0..<5_000 {
            let k = key()
            switch generator.next() % 3 {
            case 0, 1:
                table.set(k, Int32(step))
                model[k] = Int32(step)
            default:
                table.remove(k)
                model[k] = nil
            }
            if step % 97 == 0 {
                #expect(table.count == model.count)
                for (k, v) in model { #expect(table[k] == v) }
            }
        }
        var values: [Int32] = []
        table.forEachValue { values.append($0) }
        #expect(values.sorted() == model.values.sorted())
        for k in model.keys { table.remove(k) }
        #expect(table.count == 0)
        #expect(table[key()] == nil)
    }
}
