import Foundation
import WireDiff
import WireDiffCLI

/// Throughput of the sentence splitter, boilerplate detector and tokenizer on a generated,
/// seeded, ASCII-heavy news-like corpus (one core).
///
/// Usage: `WireDiffBenchmarks text [--mb 50] [--seed 1] [--runs 5] [--corpus PATH]…`, or
/// `WireDiffBenchmarks text --digest PATH…` (see ``TextDigest``). Refuses to run in a debug
/// build. Reports MB/s (10^6 bytes per second) for the splitter alone, the tokenizer alone and
/// both together (the figure the target of ≥ 200 MB/s refers to), and for the boilerplate
/// detector alone (target ≥ 1 GB/s) run per "article" of ``articleParagraphs`` paragraphs, as
/// `Document` does, and with the splitter. Best of `--runs`, measured
/// "split + boilerplate + tokenize" is the one read the dedup pipeline makes of an article:
/// ``SentenceSplitter/split(_:)``, ``BoilerplateDetector/flag(_:in:)`` and
/// ``Tokenizer/tokenize(_:range:into:)`` of every included sentence, per article (offsets from
/// the article's start, as in `Document`); `--corpus` measures it on real corpus files too
/// (read with `CorpusReader` before timing). Best of `--runs`, measured
/// on the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`, so a busy shared machine does not
/// distort it) and, for reference, on wall-clock time.
func runTextBenchmark(arguments: [String]) {
    #if DEBUG
        FileHandle.standardError.write(Data("error: the text benchmark must run in a release build (swift build -c release)\n".utf8))
        exit(1)
    #else
        if arguments.first == "--digest" {
            exit(TextChecks.run(paths: Array(arguments.dropFirst())))
        }
        let mbOption = Option("--mb", "n", .integer(in: 1...100_000), default: 50, help: "Megabytes of generated text.")
        let seedOption = Option("--seed", "n", .unsigned, default: 1, help: "Seed of the generated text.")
        let runsOption = Option("--runs", "n", .integer(in: 1...1000), default: 5, help: "Timed runs (the best is reported).")
        let corpusOption = Option("--corpus", "path", .text, help: "Also measure on this corpus (repeatable).")
        let (megabytes, seed, runs, corpusPaths) = BenchmarkArguments.parse(
            "text", usage: "[--mb N] [--seed N] [--runs N] [--corpus PATH]… | --digest PATH…",
            options: [mbOption.spec, seedOption.spec, runsOption.spec, corpusOption.spec], arguments
        ) { (parsed) throws(UsageError) in
            guard parsed.positionals.isEmpty else { throw UsageError("unexpected argument '\(parsed.positionals[0])'") }
            return (try parsed.value(mbOption), try parsed.value(seedOption), try parsed.value(runsOption), try parsed.values(corpusOption))
        }
        let corpus = TextCorpusGenerator.generate(bytes: megabytes * 1_000_000, seed: seed)
        let nonASCII = corpus.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        print("text benchmark: \(corpus.count) bytes (\(String(format: "%.2f", 100 * Double(nonASCII) / Double(corpus.count)))% non-ASCII bytes), seed \(seed), best of \(runs)")

        let stages = TextStageTimes.measure(corpus, runs: runs)
        let (bestOneRead, oneReadDigest, articleDigest) = TextStageTimes.measureOneRead(corpus, runs: runs)

        let mb = Double(corpus.count) / 1_000_000
        func rate(_ s: Double) -> String { String(format: "%.1f MB/s", mb / s) }
        print("  sentences: \(stages.sentences), tokens: \(stages.tokens), checksum: \(String(stages.checksum, radix: 16)), boilerplate sentences: \(stages.flagged)")
        print("  CPU time (one core):")
        print("    splitter:             \(rate(stages.split))  (\(String(format: "%.3f", stages.split)) s)")
        print("    tokenizer:            \(rate(stages.tokenize))  (\(String(format: "%.3f", stages.tokenize)) s)")
        print("    splitter + tokenizer: \(rate(stages.split + stages.tokenize))  (target ≥ 200 MB/s)")
        print("    boilerplate detector: \(rate(stages.boilerplate))  (\(String(format: "%.3f", stages.boilerplate)) s, target ≥ 1000 MB/s)")
        print("    splitter + detector:  \(rate(stages.split + stages.boilerplate))")
        print("    split + boilerplate + tokenize, per article: \(rate(bestOneRead))  (\(String(format: "%.3f", bestOneRead)) s, target ≥ 450 MB/s; token xor \(String(oneReadDigest, radix: 16)))")
        print("  digest of the generated articles: \(String(articleDigest, radix: 16))")
        for path in corpusPaths { TextStageTimes.measureCorpus(path, runs: runs) }
        print("  wall clock (includes time other processes took the core):")
        print("    splitter + tokenizer: \(rate(stages.splitWall + stages.tokenizeWall))")
    #endif
}

/// The text benchmark's measurements: the best CPU (and wall) seconds of each stage over the
/// runs, with what the last run counted.
struct TextStageTimes {
    var split = Double.infinity, tokenize = Double.infinity, boilerplate = Double.infinity
    var splitWall = Double.infinity, tokenizeWall = Double.infinity
    var flagged = 0, sentences = 0, tokens = 0
    var checksum: UInt64 = 0

    /// The splitter over the whole corpus, the tokenizer over every sentence, and the
    /// boilerplate detector one article (`articleParagraphs` paragraphs) at a time.
    static func measure(_ corpus: [UInt8], runs: Int) -> TextStageTimes {
        var best = TextStageTimes()
        let clock = ContinuousClock()
        corpus.withUnsafeBufferPointer { buffer in
            let splitter = SentenceSplitter()
            let tokenizer = Tokenizer()
            var tokens: [Token] = []
            tokens.reserveCapacity(4096)
            for _ in 0..<runs {
                var sentences: [Sentence] = []
                let cpu0 = threadCPUSeconds()
                let splitTime = clock.measure { sentences = splitter.split(buffer) }
                let cpu1 = threadCPUSeconds()
                var count = 0
                var sum: UInt64 = 0
                let tokenizeTime = clock.measure {
                    for sentence in sentences {
                        tokens.removeAll(keepingCapacity: true)
                        tokenizer.tokenize(buffer, range: sentence.contentRange, into: &tokens)
                        count &+= tokens.count
                        for token in tokens { sum ^= token.hash }
                    }
                }
                let cpu2 = threadCPUSeconds()
                let flagged = flagArticles(sentences, in: buffer)
                best.boilerplate = min(best.boilerplate, threadCPUSeconds() - cpu2)
                best.flagged = flagged
                best.split = min(best.split, cpu1 - cpu0)
                best.tokenize = min(best.tokenize, cpu2 - cpu1)
                best.splitWall = min(best.splitWall, seconds(splitTime))
                best.tokenizeWall = min(best.tokenizeWall, seconds(tokenizeTime))
                best.sentences = sentences.count
                best.tokens = count
                best.checksum = sum
            }
        }
        return best
    }

    /// Runs the detector one article (a run of `articleParagraphs` paragraphs) at a time;
    /// returns how many sentences it flagged.
    private static func flagArticles(_ sentences: [Sentence], in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let detector = BoilerplateDetector()
        var flagged = 0
        var article: [Sentence] = []
        var first = 0
        while first < sentences.count {
            let lastParagraph = sentences[first].paragraph + articleParagraphs
            var end = first
            while end < sentences.count, sentences[end].paragraph < lastParagraph { end += 1 }
            article.removeAll(keepingCapacity: true)
            article.append(contentsOf: sentences[first..<end])
            detector.flag(&article, in: buffer)
            for s in article where s.boilerplate != nil { flagged += 1 }
            first = end
        }
        return flagged
    }

    /// The one read, per article of `articleParagraphs` lines (offsets from the article
    /// start): best CPU seconds, the xor of the token hashes, and the digest of the articles.
    static func measureOneRead(_ corpus: [UInt8], runs: Int) -> (seconds: Double, tokens: UInt64, digest: UInt64) {
        var articles: [UnsafeBufferPointer<UInt8>] = []
        var best = Double.infinity
        var tokens: UInt64 = 0
        var digest: UInt64 = 0
        corpus.withUnsafeBufferPointer { buffer in
            var start = 0
            var lines = 0
            for (i, b) in buffer.enumerated() where b == 0x0a {
                lines += 1
                if lines == articleParagraphs {
                    articles.append(UnsafeBufferPointer(rebasing: buffer[start...i]))
                    start = i + 1
                    lines = 0
                }
            }
            if start < buffer.count { articles.append(UnsafeBufferPointer(rebasing: buffer[start...])) }
            for _ in 0..<runs {
                let cpu0 = threadCPUSeconds()
                let sum = TextChecks.oneRead(articles)
                best = min(best, threadCPUSeconds() - cpu0)
                tokens = sum
            }
            digest = articles.reduce(UInt64(0)) { StableHash.combine($0, TextDigest.digest($1)) }
        }
        return (best, tokens, digest)
    }

    /// The one read on a real corpus file, printed as one line.
    static func measureCorpus(_ path: String, runs: Int) {
        let records: [CorpusRecord]
        do { records = try CorpusReader().read(paths: [path]) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(66)
        }
        let bytes = records.reduce(0) { $0 + $1.bytes.count }
        var best = Double.infinity
        for _ in 0..<runs {
            let cpu0 = threadCPUSeconds()
            var sum: UInt64 = 0
            for record in records {
                record.bytes.withUnsafeBufferPointer { sum ^= TextChecks.oneRead([$0]) }
            }
            best = min(best, threadCPUSeconds() - cpu0)
            if sum == 42 { print("") }  // keep the work
        }
        print("  \(path): \(records.count) articles, \(bytes) bytes: split + boilerplate + tokenize \(String(format: "%.1f MB/s", Double(bytes) / 1e6 / best))  (\(String(format: "%.3f", best)) s)")
    }
}

/// The benchmark's text checks: the one read the dedup pipeline does per article, and
/// `text --digest PATH…`, which prints each path's ``TextDigest`` (read with `CorpusReader`: a
/// directory's `.txt` files, a JSONL file, a text file) and that of all of them.
enum TextChecks {
    /// The dedup pipeline's one read of each article: split, flag, tokenize every included
    /// sentence. Returns the xor of the token hashes (so the work is not optimized away).
    static func oneRead(_ articles: [UnsafeBufferPointer<UInt8>]) -> UInt64 {
        let splitter = SentenceSplitter()
        let detector = BoilerplateDetector()
        let tokenizer = Tokenizer()
        var tokens: [Token] = []
        tokens.reserveCapacity(4096)
        var sum: UInt64 = 0
        for article in articles {
            var sentences = splitter.split(article)
            detector.flag(&sentences, in: article)
            tokens.removeAll(keepingCapacity: true)
            for s in sentences where s.boilerplate == nil {
                tokenizer.tokenize(article, range: s.contentRange, into: &tokens)
            }
            for t in tokens { sum ^= t.hash }
        }
        return sum
    }

    /// `text --digest PATH…`: prints each path's digest and the digest of all of them.
    static func run(paths: [String]) -> Int32 {
        var all: UInt64 = 0
        for path in paths {
            let records: [CorpusRecord]
            do { records = try CorpusReader().read(paths: [path]) } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                return 66
            }
            let h = TextDigest.digest(records)
            all = StableHash.combine(all, h)
            print("\(String(h, radix: 16))  \(path)  (\(records.count) articles)")
        }
        print("\(String(all, radix: 16))  all")
        return 0
    }
}

/// Paragraphs per simulated article when the benchmark runs the boilerplate detector.
private let articleParagraphs = 30

/// CPU time consumed by the calling thread, in seconds.
private func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

private func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}

/// A seeded generator of news-like text: one paragraph per line, sentences with names,
/// abbreviations ("U.S.", "Maj. Gen.", "Oct. 7"), numbers ("1,600", "3.5%", "$1.2"), quotes
/// (mostly straight, some curly), datelines, bullets and the odd possessive or hyphenation.
enum TextCorpusGenerator {
    static let words: [String] = """
        the of to and in a that for on with as was said by at from his has it an have were are which \
        this be its after would who had not their they but more been also about over than could two three \
        officials government military forces attack strike strikes war group leader minister country \
        security people region border talks meeting support against between during since while where \
        will may would other new first last week month year days hours reported according sources told \
        statement president spokesperson ceasefire negotiations agreement aid civilians troops missile \
        drone rockets fighting conflict crisis pressure response international diplomatic economic \
        analysts expected warned announced confirmed denied killed wounded injured displaced hospital
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    static let names: [String] = [
        "Israel", "Iran", "Hezbollah", "Hamas", "Lebanon", "Gaza", "Tehran", "Beirut", "Washington", "Austin",
        "Gallant", "Nasrallah", "Haniyeh", "Khamenei", "Biden", "Pentagon", "Syria", "Iraq", "Yemen", "Houthis",
        "Reuters", "Axios", "Monday", "Tuesday", "November", "October", "Jerusalem", "Damascus", "Qaani",
    ]
    static let specials: [String] = [
        "U.S.", "U.N.", "Maj. Gen.", "Dr.", "Oct. 7", "Nov. 15", "1,600", "11,000", "3.5%", "$1.2 billion",
        "Iran's", "Israel's", "Hezbollah’s", "Iran-backed", "long-time", "“the timing isn’t right”", "\"trap\"",
        "2006", "40", "a.m.", "Lt. Col.", "No. 2", "100,000", "e.g.", "Co.", "Inc.",
    ]

    static func generate(bytes target: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        var out: [UInt8] = []
        out.reserveCapacity(target + 1024)
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        while out.count < target {
            let kind = rng.next() % 20
            if kind == 0 {
                put(pick(names).uppercased()); put(", Nov "); put(String(rng.next() % 28 + 1)); put(" (Portal) – ")
            } else if kind == 1 {
                put("  • ")
            } else if kind == 2 {
                put("Why it matters: ")
            }
            let sentences = Int(rng.next() % 4) + 1
            for s in 0..<sentences {
                let length = Int(rng.next() % 22) + 6
                for w in 0..<length {
                    let r = rng.next() % 100
                    var word: String
                    if r < 12 { word = pick(names) } else if r < 16 { word = pick(specials) } else { word = pick(words) }
                    if w == 0, let first = word.first, first.isLowercase { word = first.uppercased() + word.dropFirst() }
                    put(word)
                    if w + 1 < length { put(rng.next() % 15 == 0 ? ", " : " ") }
                }
                put(rng.next() % 12 == 0 ? "?" : ".")
                if s + 1 < sentences { put(" ") }
            }
            put("\n")
        }
        return out
    }
}
