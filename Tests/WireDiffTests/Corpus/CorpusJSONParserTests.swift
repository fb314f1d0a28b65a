import Testing
@testable import WireDiff

@Suite struct CorpusJSONParserTests {
    let parser = JSONParser()

    @Test func parsesScalarsArraysAndObjects() throws {
        #expect(try parser.parse("null") == .null)
        #expect(try parser.parse(" true ") == .bool(true))
        #expect(try parser.parse("false") == .bool(false))
        #expect(try parser.parse("[1, \"a\", [], {}]") == .array([.number("1"), .string("a"), .array([]), .object([:])]))
        let object = try parser.parse(#"{"id": 7, "text": "hi", "nested": {"k": [null]}}"#)
        #expect(object["id"] == .number("7"))
        #expect(object["text"] == .string("hi"))
        #expect(object["nested"]?["k"] == .array([.null]))
        #expect(object["absent"] == nil)
    }

    @Test func repeatedKeyKeepsTheLastValue() throws {
        #expect(try parser.parse(#"{"a": 1, "a": 2}"#)["a"] == .number("2"))
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{c}\n\r\t"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"),
        (#""\ud83d\ude00 ok""#, "😀 ok"),
        (#""curly “quotes” — dash""#, "curly “quotes” — dash"),
        (#""plain text that is longer than eight bytes, so the word loop runs""#, "plain text that is longer than eight bytes, so the word loop runs"),
        (#""a\u0000b""#, "a\u{0}b"),
    ])
    func decodesStringEscapes(json: String, expected: String) throws {
        #expect(try parser.parse(json) == .string(expected))
    }

    @Test(arguments: ["0", "-0", "12", "-3.25", "1e10", "2.5E-3", "1E+2", "12345678901234567890"])
    func acceptsNumbers(literal: String) throws {
        #expect(try parser.parse(literal) == .number(literal))
    }

    @Test func integerAndDoubleViews() throws {
        #expect(try parser.parse("42").isInteger)
        #expect(try !parser.parse("4.2").isInteger)
        #expect(try !parser.parse("4e2").isInteger)
        #expect(try parser.parse("-2.5").doubleValue == -2.5)
    }

    @Test(arguments: [
        ("01", 1, "leading zero"),
        ("-", 1, "expected a digit"),
        ("1.", 2, "after '.'"),
        ("1e", 2, "exponent"),
        (".5", 0, "expected a value"),
        ("+1", 0, "expected a value"),
        ("NaN", 0, "expected a value"),
    ])
    func rejectsBadNumbers(json: String, offset: Int, reasonPart: String) {
        #expect(throws: JSONParseError.self) { try parser.parse(json) }
        do { _ = try parser.parse(json) } catch {
            #expect(error.byteOffset == offset)
            #expect(error.reason.contains(reasonPart), "\(error.reason)")
        }
    }

    @Test(arguments: [
        (#""\ud83d""#, 1, "lone high surrogate"),
        (#""\ude00""#, 1, "lone low surrogate"),
        (#""\ud83d\u0041""#, 1, "not a low surrogate"),
        (#""\x""#, 1, "invalid escape"),
        (#""\u12G4""#, 5, "invalid hex digit"),
        (#""\u12""#, 1, "truncated"),
        ("\"tab\there\"", 4, "raw control character"),
        ("\"unterminated", 0, "unterminated string"),
    ])
    func rejectsBadStrings(json: String, offset: Int, reasonPart: String) {
        do {
            _ = try parser.parse(json)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.byteOffset == offset, "\(error)")
            #expect(error.reason.contains(reasonPart), "\(error.reason)")
        }
    }

    @Test(arguments: [
        ("{\"a\" 1}", 5, "expected ':'"),
        ("{\"a\": 1,}", 8, "expected a string key"),
        ("[1, 2,]", 6, "expected a value"),
        ("[1 2]", 3, "expected ',' or ']'"),
        ("{\"a\": 1", 7, "unterminated object"),
        ("{a: 1}", 1, "expected a string key"),
        ("tru", 0, "invalid literal"),
        ("1 2", 2, "after the JSON value"),
        ("", 0, "end of input"),
        ("// comment\n1", 0, "expected a value"),
    ])
    func rejectsMalformedStructure(json: String, offset: Int, reasonPart: String) {
        do {
            _ = try parser.parse(json)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.byteOffset == offset, "\(error)")
            #expect(error.reason.contains(reasonPart), "\(error.reason)")
        }
    }

    @Test func limitsNestingDepth() throws {
        let ok = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(try JSONParser(maxDepth: 10).parse(ok) != .null)
        let deep = String(repeating: "[", count: 11) + String(repeating: "]", count: 11)
        #expect(throws: JSONParseError(byteOffset: 10, reason: "nesting deeper than 10 levels")) {
            try JSONParser(maxDepth: 10).parse(deep)
        }
        // The default limit turns a hostile input into an error, not a stack overflow.
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try parser.parse(hostile) }
    }

    @Test func rejectsInvalidUTF8WithItsOffset() {
        let bytes: [UInt8] = Array("\"ab".utf8) + [0xC3, 0x28] + Array("\"".utf8)
        #expect(throws: JSONParseError(byteOffset: 3, reason: "invalid UTF-8")) { try parser.parse(bytes) }
    }

    @Test func serializedStringsEscapeExactlyWhatJSONRequiresAndRoundTrip() throws {
        let text = "He said \"1,200\" \\ back\nslash\ttab\r\u{01}\u{1F} é 🙂 \u{2028}\u{2029} \u{202F} end"
        let serialized = JSONValue.string(text).serialized
        #expect(serialized == "\"He said \\\"1,200\\\" \\\\ back\\nslash\\ttab\\r\\u0001\\u001f é 🙂 \\u2028\\u2029 \u{202F} end\"")
        #expect(try parser.parse(serialized) == .string(text))
        #expect(JSONValue.string("").serialized == "\"\"")
        // An escape at either end, and escapes only.
        #expect(JSONValue.string("\u{2028}x\u{2029}").serialized == "\"\\u2028x\\u2029\"")
        #expect(JSONValue.string("\"\\").serialized == "\"\\\"\\\\\"")
        // Containers, literals and numbers as written.
        let value = JSONValue.object(["a": .array([.null, .bool(true), .bool(false), .int(-3), .rounded(0.12346)]), "b\"": .object([:])])
        #expect(value.serialized == "{\"a\":[null,true,false,-3,0.1235],\"b\\\"\":{}}")
    }
}

