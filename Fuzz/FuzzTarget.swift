// libFuzzer entry point for the input side of WireDiff: the corpus reader (text, JSONL, the
// block-of-lines reader at tiny block sizes), the JSON parser, the sentence splitter and
// boilerplate detector, the tokenizer and normalizer, the word diff and the whole `diff`
// pipeline. Compiled into one module with Sources/WireDiff by Fuzz/run.sh (not a SwiftPM
// target, so `swift build` and `swift test` never see it). Every harness also checks the
// invariants it can (offsets inside the text, a valid edit script, JSON that round-trips), so
// a wrong answer is a crash too.

/// Crashes with `message` when `condition` is false (release builds keep `precondition`, but a
/// named helper reads better in a fuzz trace).
@inline(never)
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz invariant: " + message()) }
}

/// Options that make the limits reachable with small inputs.
func smallOptions(_ format: CorpusReader.StdinFormat) -> CorpusReader.Options {
    var options = CorpusReader.Options()
    options.maxRecordBytes = 300
    options.stdinFormat = format
    options.skipBad = true
    return options
}

/// The reader on standard input (text and JSONL) and on JSONL at block sizes that put record,
/// CRLF and BOM boundaries everywhere.
func fuzzReader(_ bytes: [UInt8]) {
    for format in [CorpusReader.StdinFormat.text, .jsonl] {
        let reader = CorpusReader(options: smallOptions(format), standardInput: ByteStream(bytes: bytes))
        if let records = try? reader.read(paths: ["-"], onSkip: { _ in }) {
            for record in records {
                check(record.bytes.count <= 300, "a record over the limit was read")
                check(String(validating: record.bytes, as: UTF8.self) != nil, "a record is not UTF-8")
                check(!record.bytes.contains(0x0D), "a CR survived")
            }
        }
    }
    var whole: [CorpusRecord] = [], streamed: [CorpusRecord] = []
    var wholeErrors: [InputError] = [], streamedErrors: [InputError] = []
    let reader = CorpusReader(options: smallOptions(.jsonl))
    let wholeFailure = Result { () throws(InputError) in whole = try reader.jsonlRecords(bytes, path: "f") { wholeErrors.append($0) } }
    for block in [16, 61] {
        streamed = []
        streamedErrors = []
        let streamFailure = Result { () throws(InputError) in
            try reader.jsonlRecords(of: ByteStream(bytes: bytes, path: "f"), blockBytes: block, report: { streamedErrors.append($0) }) { streamed += $0 }
        }
        check(streamed == whole, "block \(block): streamed records differ from the whole-buffer parse")
        check(streamedErrors == wholeErrors, "block \(block): streamed errors differ")
        check(failure(streamFailure) == failure(wholeFailure), "block \(block): the stream and the whole buffer fail differently")
    }
}

/// The error of a result, if any.
func failure(_ result: Result<Void, InputError>) -> InputError? {
    if case .failure(let error) = result { return error }
    return nil
}

/// The block-of-lines reader on its own: lines numbered in order, none over the limit handed on.
func fuzzLines(_ bytes: [UInt8]) {
    var next = 1
    _ = try? LineReader.forEachLine(of: ByteStream(bytes: bytes), lineLimit: 40, report: { (error: InputError) throws(InputError) in
        guard case .recordTooLarge(_, let line?, let length?, 40) = error, line == next, length > 40 else { throw error }
        next += 1
    }) { (number, line) throws(InputError) in
        check(number == next && line.count <= 40 && !line.contains(0x0A), "line \(number) handed on wrongly")
        next += 1
    }
}

/// The JSON parser: a parsed value serializes to JSON that parses to the same value.
func fuzzJSON(_ bytes: [UInt8]) {
    let parser = JSONParser()
    if let value = try? parser.parse(bytes) {
        let again = try? parser.parse(value.serialized)
        check(again == value, "JSON does not round-trip")
    }
    if String(validating: bytes, as: UTF8.self) != nil {
        _ = bytes.withUnsafeBufferPointer { try? parser.fields(of: $0, named: ["id", "text", "id"]) }
    }
}

/// Splitter, boilerplate detector, tokenizer and normalizer on text; the word diff and the
/// diff pipeline on its two halves.
func fuzzText(_ bytes: [UInt8]) {
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    let document = Document(id: "fuzz", text: text)
    var previousEnd = 0
    for sentence in document.sentences {
        check(sentence.start >= previousEnd && sentence.start < sentence.end && sentence.end <= document.bytes.count, "sentence offsets")
        check(sentence.contentRange.lowerBound >= sentence.start, "dateline outside its sentence")
        previousEnd = sentence.end
        for token in document.tokens(of: sentence) {
            check(token.start >= sentence.contentRange.lowerBound && token.end <= sentence.end && token.start < token.end, "token offsets")
        }
    }
    _ = Normalizer.normalize(text)
    _ = Tokenizer().normalizedTokens(in: text)
    _ = HTMLEscape.escape(text)

    let half = text.utf8.count / 2
    var cut = text.utf8.index(text.utf8.startIndex, offsetBy: half)
    while cut < text.utf8.endIndex, !text.unicodeScalars.indices.contains(cut) { cut = text.utf8.index(after: cut) }
    let a = Document(id: "a", text: String(text[..<cut])), b = Document(id: "b", text: String(text[cut...]))
    let report = Differ().compare(a, b)
    for alignment in report.alignments {
        var lastA = 0, lastB = 0
        for op in alignment.wordDiff {
            if let r = op.referenceRange { check(r.lowerBound >= lastA && r.upperBound <= a.bytes.count, "word diff reference range"); lastA = r.upperBound }
            if let r = op.otherRange { check(r.lowerBound >= lastB && r.upperBound <= b.bytes.count, "word diff other range"); lastB = r.upperBound }
        }
    }
    _ = Differ().similarity(String(text[..<cut]), String(text[cut...]))
}

/// The edit script on byte strings: valid, and shortest below the cap.
func fuzzEditScript(_ bytes: [UInt8]) {
    let half = bytes.count / 2
    let a = bytes[..<half].map { UInt64($0 & 7) }, b = bytes[half...].map { UInt64($0 & 7) }
    for limit in [3, WordDiff.costLimit] {
        let (deleted, inserted) = WordDiff.editScript(a, b, costLimit: limit)
        let keptA = a.indices.filter { !deleted[$0] }.map { a[$0] }
        let keptB = b.indices.filter { !inserted[$0] }.map { b[$0] }
        check(keptA == keptB, "invalid edit script (cap \(limit))")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    fuzzReader(bytes)
    fuzzLines(bytes)
    fuzzJSON(bytes)
    fuzzText(bytes)
    fuzzEditScript(bytes)
    return 0
}
