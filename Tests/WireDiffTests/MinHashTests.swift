import Testing
@testable import WireDiff

/// Two random sets with a planted overlap: |A| = sizeA, |B| = sizeB, |A∩B| = shared.
struct PlantedSets {
    var a: [UInt64]
    var b: [UInt64]
    var exactJaccard: Double { Double(shared) / Double(a.count + b.count - shared) }
    var exactContainmentOfAInB: Double { Double(shared) / Double(a.count) }
    let shared: Int

    init(sizeA: Int, sizeB: Int, shared: Int, generator: inout SplitMix64) {
        precondition(shared <= min(sizeA, sizeB))
        var seen = Set<UInt64>()
        func fresh() -> UInt64 {
            while true {
                let x = generator.next()
                if seen.insert(x).inserted { return x }
            }
        }
        let common = (0..<shared).map { _ in fresh() }
        a = common + (0..<(sizeA - shared)).map { _ in fresh() }
        b = common + (0..<(sizeB - shared)).map { _ in fresh() }
        self.shared = shared
        a.shuffle(using: &generator)
        b.shuffle(using: &generator)
    }
}

@Suite struct MinHashTests {
    static let schemes = MinHashScheme.allCases
    /// (|A|, |B|, |A∩B|): small (fewer shingles than permutations) to large, low to high overlap.
    static let shapes: [(Int, Int, Int)] = [
        (10, 10, 5), (30, 50, 20), (100, 100, 10), (100, 100, 50), (100, 100, 90),
        (500, 2000, 400), (1000, 1000, 300), (5000, 5000, 4000),
    ]

    @Test(arguments: schemes)
    func jaccardEstimateIsWithinFourStandardErrors(scheme: MinHashScheme) throws {
        var generator = SplitMix64(seed: 42)
        for (sizeA, sizeB, shared) in Self.shapes {
            for trial in 0..<5 {
                let sets = PlantedSets(sizeA: sizeA, sizeB: sizeB, shared: shared, generator: &generator)
                let hasher = MinHasher(permutations: 128, seed: UInt64(trial + 1), scheme: scheme)
                let estimate = try hasher.signature(of: sets.a).jaccard(hasher.signature(of: sets.b))
                let j = sets.exactJaccard
                let bound = 4 * MinHashSignature.standardError(jaccard: j, permutations: 128) + 1.0 / 128
                #expect(abs(estimate - j) <= bound, "\(scheme) |A|=\(sizeA) |B|=\(sizeB) J=\(j) Ĵ=\(estimate)")
            }
        }
    }

    @Test(arguments: schemes)
    func jaccardEstimateIsUnbiased(scheme: MinHashScheme) throws {
        // Mean of 100 independent estimates: standard error shrinks by 10.
        var generator = SplitMix64(seed: 9)
        for (sizeA, sizeB, shared) in [(20, 20, 10), (64, 64, 32), (400, 400, 100)] {
            let sets = PlantedSets(sizeA: sizeA, sizeB: sizeB, shared: shared, generator: &generator)
            var sum = 0.0
            let trials = 100
            for seed in 0..<trials {
                let hasher = MinHasher(permutations: 128, seed: UInt64(seed) &* 0x9E37, scheme: scheme)
                sum += try hasher.signature(of: sets.a).jaccard(hasher.signature(of: sets.b))
            }
            let j = sets.exactJaccard
            let bound = 4 * MinHashSignature.standardError(jaccard: j, permutations: 128) / Double(trials).squareRoot()
            #expect(abs(sum / Double(trials) - j) <= bound + 0.002, "\(scheme) n=\(sizeA) J=\(j) mean=\(sum / Double(trials))")
        }
    }

    @Test(arguments: schemes)
    func containmentEstimateIsWithinFourStandardErrors(scheme: MinHashScheme) throws {
        var generator = SplitMix64(seed: 5)
        let shapes = [(200, 1000, 200), (200, 1000, 150), (300, 300, 150), (1000, 4000, 800), (50, 500, 40)]
        for (sizeA, sizeB, shared) in shapes {
            let sets = PlantedSets(sizeA: sizeA, sizeB: sizeB, shared: shared, generator: &generator)
            let hasher = MinHasher(permutations: 128, seed: 3, scheme: scheme)
            let a = hasher.signature(of: sets.a), b = hasher.signature(of: sets.b)
            let estimate = try MinHashSignature.containment(of: a, in: b)
            let bound = 4 * MinHashSignature.containmentStandardError(
                jaccard: sets.exactJaccard, sizeA: sizeA, sizeB: sizeB, permutations: 128) + 0.02
            #expect(abs(estimate - sets.exactContainmentOfAInB) <= bound,
                    "\(scheme) |A|=\(sizeA) |B|=\(sizeB) C=\(sets.exactContainmentOfAInB) Ĉ=\(estimate)")
            #expect((0...1).contains(estimate))
        }
    }

    @Test(arguments: schemes)
    func identicalSetsGiveIdenticalSignatures(scheme: MinHashScheme) throws {
        var generator = SplitMix64(seed: 1)
        let set = (0..<300).map { _ in generator.next() }
        let first = MinHasher(permutations: 128, seed: 1, scheme: scheme).signature(of: set)
        let second = MinHasher(permutations: 128, seed: 1, scheme: scheme).signature(of: set.reversed())
        #expect(first == second)
        #expect(try first.jaccard(second) == 1)
        #expect(try MinHashSignature.containment(of: first, in: second) == 1)
        #expect(first.setSize == 300)
    }

    /// Both halves of a paired product are min-wise permutations: over many seeds, two sets'
    /// minima agree about as often as their Jaccard (0.25 here), each half alone.
    @Test func pairedMinimaAgreeAsOftenAsTheJaccard() {
        let shared = (0..<20).map { UInt64($0) * 7919 }
        let a = shared + (0..<30).map { 1_000_000 + UInt64($0) * 31 }
        let b = shared + (0..<30).map { 2_000_000 + UInt64($0) * 37 }
        var equalHigh = 0, equalLow = 0, trials = 0
        for seed in 0..<200 as Range<UInt64> {
            let hasher = MinHasher(permutations: 16, seed: seed, scheme: .classic)
            hasher.withClassicParameters { p in
                let ma = a.map { p.mixed($0) }, mb = b.map { p.mixed($0) }
                for pair in 0..<8 {
                    let x = ma.withUnsafeBufferPointer { p.minima(pair: pair, over: $0) }
                    let y = mb.withUnsafeBufferPointer { p.minima(pair: pair, over: $0) }
                    equalHigh += x.high == y.high ? 1 : 0
                    equalLow += x.low == y.low ? 1 : 0
                    trials += 1
                }
            }
        }
        // 4 standard errors of a proportion of 0.25 over 1,600 trials: 0.043.
        #expect(abs(Double(equalHigh) / Double(trials) - 0.25) < 0.043)
        #expect(abs(Double(equalLow) / Double(trials) - 0.25) < 0.043)
    }

    @Test func signaturesArePinnedAcrossRunsAndProcesses() {
        // Pinned: a change here invalidates every persisted signature; bump the format version.
        let set: [UInt64] = [1, 2, 3, 1000, 0xDEAD_BEEF]
        let oph = MinHasher(permutations: 8, seed: 1).signature(of: set)
        let classic = MinHasher(permutations: 8, seed: 1, scheme: .classic).signature(of: set)
        #expect(oph.values == MinHashPins.onePermutation)
        #expect(classic.values == MinHashPins.classic)
    }

    @Test func differentSeedsGiveDifferentSignatures() {
        let set: [UInt64] = Array(1...200)
        #expect(MinHasher(seed: 1).signature(of: set).values != MinHasher(seed: 2).signature(of: set).values)
    }

    @Test func emptySetsEstimateZero() throws {
        let hasher = MinHasher()
        let empty = hasher.signature(of: [])
        let full = hasher.signature(of: [1, 2, 3])
        #expect(empty.setSize == 0)
        #expect(try empty.jaccard(empty) == 0)
        #expect(try empty.jaccard(full) == 0)
        #expect(try MinHashSignature.containment(of: empty, in: full) == 0)
        #expect(try MinHashSignature.containment(of: full, in: empty) == 0)
    }

    @Test(arguments: schemes)
    func serializationRoundTrips(scheme: MinHashScheme) throws {
        let hasher = MinHasher(permutations: 64, seed: 0xFEED_FACE_CAFE, scheme: scheme,
                               shingleSettings: ShingleKind.contentWords(2).settingsValue)
        let signature = hasher.signature(of: (0..<77).map { UInt64($0) &* 0x1234_5678_9ABC })
        let bytes = signature.serialized()
        #expect(bytes.count == 36 + 4 * 64)
        #expect(Array(bytes[0..<4]) == Array("WDMH".utf8))
        #expect(bytes[4] == 1)
        #expect(bytes[5] == scheme.rawValue)
        let decoded = try MinHashSignature(serialized: bytes)
        #expect(decoded == signature)
        #expect(decoded.setSize == 77)
        #expect(decoded.shingleSettings == ShingleKind.contentWords(2).settingsValue)
    }

    @Test func concatenatedSignaturesDecodeFromSlices() throws {
        let hasher = MinHasher(permutations: 32)
        let signatures = (0..<3).map { i in hasher.signature(of: (0..<UInt64(10 + i)).map { $0 &* 7919 }) }
        let file = signatures.flatMap { $0.serialized() }
        let length = MinHashSignature.serializedByteCount(permutations: 32)
        #expect(file.count == 3 * length)
        for i in 0..<3 {
            #expect(try MinHashSignature(serialized: file[i * length..<(i + 1) * length]) == signatures[i])
        }
    }

    @Test func serializationIsLittleEndian() {
        let signature = MinHashSignature(scheme: .onePermutation, seed: 0x0102, shingleSettings: 3, setSize: 5, values: [0xA1B2_C3D4])
        let bytes = signature.serialized()
        #expect(Array(bytes[8..<10]) == [0x02, 0x01])
        #expect(Array(bytes[16..<20]) == [1, 0, 0, 0])
        #expect(bytes[20] == 3 && bytes[28] == 5)
        #expect(Array(bytes[36..<40]) == [0xD4, 0xC3, 0xB2, 0xA1])
    }

    @Test func corruptSerializationsThrowTypedErrors() {
        let bytes = MinHasher(permutations: 16).signature(of: [1, 2, 3]).serialized()
        var badMagic = bytes; badMagic[0] = 0x58
        #expect(throws: MinHashError.badMagic) { try MinHashSignature(serialized: badMagic) }
        var badVersion = bytes; badVersion[4] = 9
        #expect(throws: MinHashError.unsupportedVersion(9)) { try MinHashSignature(serialized: badVersion) }
        var badScheme = bytes; badScheme[5] = 77
        #expect(throws: MinHashError.unknownScheme(77)) { try MinHashSignature(serialized: badScheme) }
        #expect(throws: MinHashError.wrongLength(expected: 36 + 64, actual: 36 + 60)) {
            try MinHashSignature(serialized: Array(bytes.dropLast(4)))
        }
        #expect(throws: MinHashError.wrongLength(expected: 36 + 64, actual: 36 + 65)) {
            try MinHashSignature(serialized: bytes + [0])
        }
        #expect(throws: MinHashError.badMagic) { try MinHashSignature(serialized: []) }
        #expect(throws: MinHashError.wrongLength(expected: 36, actual: 5)) {
            try MinHashSignature(serialized: Array(bytes.prefix(5)))
        }
        #expect(throws: MinHashError.wrongLength(expected: 36, actual: 20)) {
            try MinHashSignature(serialized: Array(bytes.prefix(20)))
        }
    }

    @Test func incompatibleSignaturesThrow() {
        let set: [UInt64] = Array(1...50)
        let base = MinHasher(permutations: 128, seed: 1, shingleSettings: 7).signature(of: set)
        let otherSeed = MinHasher(permutations: 128, seed: 2, shingleSettings: 7).signature(of: set)
        let otherN = MinHasher(permutations: 64, seed: 1, shingleSettings: 7).signature(of: set)
        let otherScheme = MinHasher(permutations: 128, seed: 1, scheme: .classic, shingleSettings: 7).signature(of: set)
        let otherSettings = MinHasher(permutations: 128, seed: 1, shingleSettings: 8).signature(of: set)
        #expect(throws: MinHashError.incompatible(.seed(1, 2))) { try base.jaccard(otherSeed) }
        #expect(throws: MinHashError.incompatible(.permutations(128, 64))) { try base.jaccard(otherN) }
        #expect(throws: MinHashError.incompatible(.scheme(.onePermutation, .classic))) { try base.jaccard(otherScheme) }
        #expect(throws: MinHashError.incompatible(.shingleSettings(7, 8))) {
            try MinHashSignature.containment(of: base, in: otherSettings)
        }
    }

    @Test func shingleSettingsDistinguishKinds() {
        let kinds: [ShingleKind] = [.words(1), .words(5), .characters(5), .contentWords(1), .contentWords(2)]
        #expect(Set(kinds.map(\.settingsValue)).count == kinds.count)
    }
}

/// Pinned signature values (see `signaturesArePinnedAcrossRunsAndProcesses`).
enum MinHashPins {
    static let onePermutation: [UInt32] = [
        2005232499, 2005232499, 1424578761, 2005232499, 2005232499, 1683896225, 2370955643, 2370955643,
    ]
    static let classic: [UInt32] = [
        43484634, 122748803, 285961558, 104877222, 1142418645, 27217844, 924748012, 215508427,
    ]
}
