import Foundation
import WireDiff

/// Shingling, signing and LSH throughput plus estimator accuracy, on a seeded synthetic corpus.
///
/// `WireDiffBenchmarks minhash [--docs N] [--permutations N] [--words N]`
///
/// Times are CPU time of the measuring thread (wall-clock for the 2-thread LSH row), so the
/// numbers hold on a machine shared with other jobs. Reports, single-threaded: shingles/s and MB/s of text for each shingle kind; shingles/s and
/// MB/s for signing with each ``MinHashScheme``; the mean absolute error of Ĵ against the exact
/// Jaccard on planted random set pairs of several sizes, side by side per scheme; and the time
/// of the bulk LSH candidate-pair pass. Refuses to run in a debug build.
func runMinHashBenchmark(arguments: [String]) {
    #if DEBUG
    FileHandle.standardError.write(Data("minhash benchmark: refusing to run a debug build; use `swift build -c release`\n".utf8))
    exit(64)
    #else
    var documentCount = 5_000
    var permutations = 128
    var wordsPerDocument = 600
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? Int(arguments[i + 1]) : nil
        switch (arguments[i], value) {
        case ("--docs", let v?): documentCount = v
        case ("--permutations", let v?): permutations = v
        case ("--words", let v?): wordsPerDocument = v
        default:
            FileHandle.standardError.write(Data("usage: minhash [--docs N] [--permutations N] [--words N]\n".utf8))
            exit(64)
        }
        i += 2
    }

    // Memory first, while the heap is fresh (resident-set growth would hide reused memory).
    reportMemory(documents: 200_000, permutations: permutations,
                 parameters: LSHParameters.optimal(threshold: 0.5, permutations: permutations))

    // A seeded corpus of pseudo-English: Zipf-distributed vocabulary, sentences of 8-30 words.
    let documents = MinHashBenchmarkCorpus.make(documents: documentCount, words: wordsPerDocument)
    let megabytes = Double(documents.reduce(0) { $0 + $1.bytes.count }) / 1_000_000
    print("corpus: \(documentCount) documents, \(String(format: "%.1f", megabytes)) MB, \(permutations) permutations")
    print("")

    // Shingling.
    print("| phase | kind / scheme | shingles/s (M) | MB/s |")
    print("|---|---|---|---|")
    var shingleSets: [String: [[UInt64]]] = [:]
    // Baseline: tokenizing alone (owned by the text pipeline), which every kind pays.
    var tokenCount = 0
    let tokenSeconds = measure {
        var tokens: [Token] = []
        let tokenizer = Tokenizer()
        for document in documents {
            document.bytes.withUnsafeBufferPointer { bytes in
                for sentence in document.sentences where Shingler.includes(sentence) {
                    tokens.removeAll(keepingCapacity: true)
                    tokenizer.tokenize(bytes, range: sentence.contentRange, into: &tokens)
                    tokenCount += tokens.count
                }
            }
        }
    }
    row("tokenize only (baseline)", "\(tokenCount) tokens", Double(tokenCount) / tokenSeconds / 1e6, megabytes / tokenSeconds)
    for kind in [ShingleKind.words(5), .words(1), .contentWords(1), .contentWords(2), .characters(5)] {
        var shingler = Shingler(kind: kind)
        var sets: [[UInt64]] = []
        sets.reserveCapacity(documents.count)
        var total = 0
        let seconds = measure {
            for document in documents {
                let shingles = shingler.shingles(of: document)
                total += shingles.count
                sets.append(shingles)
            }
        }
        shingleSets["\(kind)"] = sets
        row("shingle", "\(kind)", Double(total) / seconds / 1e6, megabytes / seconds)
    }

    // Signing.
    var signaturesByScheme: [MinHashScheme: [MinHashSignature]] = [:]
    for key in ["words(5)", "contentWords(1)"] {
        let sets = shingleSets[key]!
        let total = sets.reduce(0) { $0 + $1.count }
        for scheme in MinHashScheme.allCases {
            let hasher = MinHasher(permutations: permutations, seed: 1, scheme: scheme)
            var signatures: [MinHashSignature] = []
            signatures.reserveCapacity(sets.count)
            let seconds = measure {
                for set in sets { signatures.append(hasher.signature(of: set)) }
            }
            if key == "contentWords(1)" { signaturesByScheme[scheme] = signatures }
            row("sign \(key)", "\(scheme)", Double(total) / seconds / 1e6, megabytes / seconds)
        }
    }

    // Bulk LSH.
    let parameters = LSHParameters.optimal(threshold: 0.5, permutations: permutations)
    for threads in [1, 2] {
        var pairs = 0
        let seconds = measure(wallClock: threads > 1) {
            pairs = (try? LSHIndex.candidatePairs(
                of: signaturesByScheme[.default]!, parameters: parameters, threads: threads).count) ?? -1
        }
        row("lsh bulk \(parameters) (\(threads) thr)", "\(pairs) pairs", .nan, megabytes / seconds)
    }
    var index = LSHIndex(parameters: parameters)
    let insertSeconds = measure {
        for (id, signature) in signaturesByScheme[.default]!.enumerated() { try? index.insert(signature, id: id) }
    }
    row("lsh index insert \(parameters)", "", .nan, megabytes / insertSeconds)
    print("")

    // Accuracy: mean absolute error of Ĵ against exact J, per set size, 200 trials × 3 overlaps × 5 sizes.
    print("| set size | J | MAE one-permutation | MAE classic | sqrt(J(1-J)/N)·sqrt(2/π) |")
    print("|---|---|---|---|---|")
    var generator = SplitMix64(seed: 2026)
    var overall: [MinHashScheme: (sum: Double, count: Int)] = [:]
    for size in [8, 32, 128, 512, 4096] {
        for j in [0.1, 0.5, 0.9] {
            var errors: [MinHashScheme: Double] = [:]
            var exactSum = 0.0
            let trials = 200
            for trial in 0..<trials {
                // |A| = |B| = size, shared = s: J = s / (2·size − s) → s = 2·size·J / (1 + J).
                let shared = Int((2 * Double(size) * j / (1 + j)).rounded())
                let common = (0..<shared).map { _ in generator.next() }
                let a = common + (0..<(size - shared)).map { _ in generator.next() }
                let b = common + (0..<(size - shared)).map { _ in generator.next() }
                let exact = Double(shared) / Double(2 * size - shared)
                exactSum += exact
                for scheme in MinHashScheme.allCases {
                    let hasher = MinHasher(permutations: permutations, seed: UInt64(trial) + 1, scheme: scheme)
                    let estimate = (try? hasher.signature(of: a).jaccard(hasher.signature(of: b))) ?? .nan
                    errors[scheme, default: 0] += abs(estimate - exact)
                    overall[scheme, default: (0, 0)].sum += abs(estimate - exact)
                    overall[scheme, default: (0, 0)].count += 1
                }
            }
            let exact = exactSum / Double(trials)
            let expected = MinHashSignature.standardError(jaccard: exact, permutations: permutations) * (2 / Double.pi).squareRoot()
            print("| \(size) | \(f3(exact)) | \(f4(errors[.onePermutation]! / Double(trials))) | \(f4(errors[.classic]! / Double(trials))) | \(f4(expected)) |")
        }
    }
    print("| all | | \(f4(overall[.onePermutation]!.sum / Double(overall[.onePermutation]!.count))) | \(f4(overall[.classic]!.sum / Double(overall[.classic]!.count))) | |")
    #endif
}

/// Seconds of CPU time of the calling thread spent in `body` (robust to other processes
/// competing for the cores); with `wallClock`, elapsed real time (for multi-threaded phases).
private func measure(wallClock: Bool = false, _ body: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(wallClock ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    body()
    return now() - start
}

/// Resident bytes per document of signatures and of an incremental LSH index (growth of
/// the resident set, from /proc/self/statm; Linux only).
private func reportMemory(documents count: Int, permutations: Int, parameters: LSHParameters) {
    #if os(Linux)
    func heap() -> Int {
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
    var generator = SplitMix64(seed: 77)
    let before = heap()
    var signatures: [MinHashSignature] = []
    signatures.reserveCapacity(count)
    for _ in 0..<count {
        let values = (0..<permutations).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
        signatures.append(MinHashSignature(scheme: .default, seed: 1, shingleSettings: 0, setSize: 300, values: values))
    }
    let afterSignatures = heap()
    var index = LSHIndex(parameters: parameters)
    for (id, signature) in signatures.enumerated() { try? index.insert(signature, id: id) }
    let afterIndex = heap()
    print("memory (\(count) documents, N = \(permutations), \(parameters)): signatures \((afterSignatures - before) / count) B/doc, LSHIndex \((afterIndex - afterSignatures) / count) B/doc; bulk candidatePairs needs 16 B/doc per band in flight + 8 B per pair occurrence")
    withExtendedLifetime(index) {}
    #endif
}

private func row(_ phase: String, _ what: String, _ mshingles: Double, _ mbps: Double) {
    print("| \(phase) | \(what) | \(mshingles.isNaN ? "" : String(format: "%.1f", mshingles)) | \(String(format: "%.1f", mbps)) |")
}

private func f3(_ x: Double) -> String { String(format: "%.3f", x) }
private func f4(_ x: Double) -> String { String(format: "%.4f", x) }

/// A tiny seeded pseudo-English corpus for this benchmark only (the labeled rewrite corpus
/// lives with the pipeline benchmark).
enum MinHashBenchmarkCorpus {
    static func make(documents count: Int, words: Int) -> [Document] {
        var generator = SplitMix64(seed: 31)
        let stop = ["the", "a", "of", "to", "in", "and", "said", "on", "for", "that", "with", "was"]
        let syllables = ["ka", "ri", "on", "te", "mal", "sho", "ver", "li", "dan", "ex", "por", "qui", "ne", "sta", "gu", "bel"]
        var vocabulary: [String] = []
        for _ in 0..<20_000 {
            let n = Int(generator.next() % 3) + 1
            vocabulary.append((0..<n).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined())
        }
        var documents: [Document] = []
        documents.reserveCapacity(count)
        for index in 0..<count {
            var text = ""
            var remaining = words
            while remaining > 0 {
                let length = min(remaining, Int(generator.next() % 23) + 8)
                for w in 0..<length {
                    let word: String
                    if generator.next() % 3 == 0 {
                        word = stop[Int(generator.next() % UInt64(stop.count))]
                    } else {
                        // Zipf-like: squared uniform favours low ranks.
                        let u = Double(generator.next() >> 11) / Double(1 << 53)
                        word = vocabulary[Int(u * u * Double(vocabulary.count))]
                    }
                    text += w == 0 ? word.prefix(1).uppercased() + word.dropFirst() : " " + word
                }
                text += remaining > length && generator.next() % 5 == 0 ? ".\n" : ". "
                remaining -= length
            }
            documents.append(Document(id: "doc\(index)", text: text))
        }
        return documents
    }
}
