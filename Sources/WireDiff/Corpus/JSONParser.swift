/// A small byte-level JSON parser (RFC 8259) for one JSONL record at a time.
///
/// It accepts exactly RFC 8259 JSON: objects, arrays, strings with every escape (`\uXXXX`
/// surrogate pairs are joined; a lone surrogate is an error), numbers in the RFC grammar,
/// `true`/`false`/`null`, and whitespace (space, tab, LF, CR) between tokens. Raw control
/// characters inside strings, trailing commas, comments, single quotes, `NaN` and data after the
/// value are rejected. Nesting deeper than `maxDepth` is an error rather than a stack overflow.
/// Input must be UTF-8; `parse(_:)` checks that first with `UTF8Validator`.
///
/// String bodies are scanned eight bytes at a time (SWAR: one word test for a quote, a
/// backslash or a control byte), so long text fields parse at memory speed.
///
/// - Complexity: O(n) in the input length.
package struct JSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted by default.
    package static let defaultMaxDepth = 512

    /// The deepest nesting of arrays and objects accepted.
    package var maxDepth: Int

    package init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON value that spans all of `bytes` (surrounding whitespace allowed).
    package func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParseError) { return .success(try parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses one JSON value from a string.
    package func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses one JSON value that spans all of `buffer`; offsets in errors are into `buffer`.
    package func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        if let bad = UTF8Validator.firstInvalidOffset(in: buffer) {
            throw JSONParseError(byteOffset: bad, reason: "invalid UTF-8")
        }
        return try parse(validated: buffer)
    }

    /// Parses `buffer`, which the caller has already checked to be well-formed UTF-8.
    func parse(validated buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var cursor = Cursor(buffer: buffer, maxDepth: maxDepth)
        cursor.skipWhitespace()
        let value = try cursor.parseValue(depth: 0)
        cursor.skipWhitespace()
        if cursor.position < buffer.count {
            throw cursor.error("unexpected \(cursor.describeCurrent()) after the JSON value")
        }
        return value
    }
}

extension JSONParser {
    /// The parsing state: a read position in a buffer.
    struct Cursor {
        let buffer: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var position = 0
        /// Scratch for strings with escapes, reused across strings.
        var scratch: [UInt8] = []

        init(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.buffer = buffer
            self.maxDepth = maxDepth
        }

        func error(_ reason: String, at offset: Int? = nil) -> JSONParseError {
            JSONParseError(byteOffset: offset ?? position, reason: reason)
        }

        func describeCurrent() -> String {
            guard position < buffer.count else { return "end of input" }
            let b = buffer[position]
            if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return "byte 0x" + String(b, radix: 16, uppercase: true)
        }

        @inline(__always)
        mutating func skipWhitespace() {
            while position < buffer.count {
                switch buffer[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position &+= 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
            guard position < buffer.count else { throw error("expected a value, found end of input") }
            switch buffer[position] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw error("expected a value, found \(describeCurrent())")
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
            let start = position
            let count = literal.utf8CodeUnitCount
            let text = UnsafeBufferPointer(start: literal.utf8Start, count: count)
            for k in 0..<count {
                guard position < buffer.count, buffer[position] == text[k] else {
                    throw error("invalid literal; expected '\(literal)'", at: start)
                }
                position &+= 1
            }
        }

        mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
            if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
            position &+= 1  // {
            var members = JSONObject()
            skipWhitespace()
            if position < buffer.count, buffer[position] == UInt8(ascii: "}") {
                position &+= 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard position < buffer.count, buffer[position] == UInt8(ascii: "\"") else {
                    throw error("expected a string key in an object, found \(describeCurrent())")
                }
                let key = try parseString()
                skipWhitespace()
                guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else {
                    throw error("expected ':' after an object key, found \(describeCurrent())")
                }
                position &+= 1
                skipWhitespace()
                members.append(key, try parseValue(depth: depth))
                skipWhitespace()
                guard position < buffer.count else { throw error("unterminated object: expected ',' or '}'") }
                switch buffer[position] {
                case UInt8(ascii: ","): position &+= 1
                case UInt8(ascii: "}"): position &+= 1; return .object(members)
                default: throw error("expected ',' or '}' in an object, found \(describeCurrent())")
                }
            }
        }

        mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
            if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
            position &+= 1  // [
            var elements: [JSONValue] = []
            skipWhitespace()
            if position < buffer.count, buffer[position] == UInt8(ascii: "]") {
                position &+= 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try parseValue(depth: depth))
                skipWhitespace()
                guard position < buffer.count else { throw error("unterminated array: expected ',' or ']'") }
                switch buffer[position] {
                case UInt8(ascii: ","): position &+= 1
                case UInt8(ascii: "]"): position &+= 1; return .array(elements)
                default: throw error("expected ',' or ']' in an array, found \(describeCurrent())")
                }
            }
        }

        /// Parses a number and returns its literal text.
        mutating func parseNumber() throws(JSONParseError) -> String {
            let start = position
            @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
            if buffer[position] == UInt8(ascii: "-") { position &+= 1 }
            guard position < buffer.count, isDigit(buffer[position]) else {
                throw error("invalid number: expected a digit")
            }
            if buffer[position] == UInt8(ascii: "0") {
                position &+= 1
                if position < buffer.count, isDigit(buffer[position]) {
                    throw error("invalid number: leading zero")
                }
            } else {
                while position < buffer.count, isDigit(buffer[position]) { position &+= 1 }
            }
            if position < buffer.count, buffer[position] == UInt8(ascii: ".") {
                position &+= 1
                guard position < buffer.count, isDigit(buffer[position]) else {
                    throw error("invalid number: expected a digit after '.'")
                }
                while position < buffer.count, isDigit(buffer[position]) { position &+= 1 }
            }
            if position < buffer.count, buffer[position] | 0x20 == UInt8(ascii: "e") {
                position &+= 1
                if position < buffer.count, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") {
                    position &+= 1
                }
                guard position < buffer.count, isDigit(buffer[position]) else {
                    throw error("invalid number: expected a digit in the exponent")
                }
                while position < buffer.count, isDigit(buffer[position]) { position &+= 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
        }

        /// Advances `position` to the next quote, backslash or control byte (or the end).
        @inline(__always)
        mutating func skipPlainStringBytes() {
            let n = buffer.count
            let raw = UnsafeRawPointer(buffer.baseAddress!)
            var i = position
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A quote, a backslash or a byte below 0x20 somewhere in the eight.
                let special = SWAR.anyZeroByte(w ^ SWAR.broadcast(0x22)) | SWAR.anyZeroByte(w ^ SWAR.broadcast(0x5C))
                    | SWAR.anyByte(w, below: 0x20)
                if special != 0 { break }
                i &+= 8
            }
            while i < n {
                let b = buffer[i]
                if b == 0x22 || b == 0x5C || b < 0x20 { break }
                i &+= 1
            }
            position = i
        }

        /// Where a scanned string's content is: directly in the input, or decoded in `scratch`.
        enum StringContent { case direct(Range<Int>), decoded }

        /// Scans a string starting at its opening quote; afterwards `position` is past the
        /// closing quote. Escape-free strings are not copied.
        mutating func scanString() throws(JSONParseError) -> StringContent {
            let open = position
            position &+= 1  // "
            let start = position
            skipPlainStringBytes()
            guard position < buffer.count else { throw error("unterminated string", at: open) }
            if buffer[position] == 0x22 {
                position &+= 1
                return .direct(start..<(position - 1))
            }
            // Slow path: escapes.
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<position]))
            while true {
                guard position < buffer.count else { throw error("unterminated string", at: open) }
                let b = buffer[position]
                if b == 0x22 {
                    position &+= 1
                    return .decoded
                }
                if b < 0x20 {
                    throw error("raw control character 0x" + String(b, radix: 16, uppercase: true) + " in a string; escape it")
                }
                if b == 0x5C {
                    try parseEscape()
                    continue
                }
                let runStart = position
                skipPlainStringBytes()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<position]))
            }
        }

        mutating func parseString() throws(JSONParseError) -> String {
            switch try scanString() {
            case .direct(let range): String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            case .decoded: String(decoding: scratch, as: UTF8.self)
            }
        }

        /// A string's content as UTF-8 bytes, without building a `String`. The array is sized
        /// exactly (a copy of the decoding scratch, not the scratch itself with its growth
        /// slack): a corpus keeps millions of these.
        mutating func parseStringBytes() throws(JSONParseError) -> [UInt8] {
            switch try scanString() {
            case .direct(let range): Array(UnsafeBufferPointer(rebasing: buffer[range]))
            case .decoded: scratch.withUnsafeBufferPointer { Array($0) }
            }
        }

        mutating func parseEscape() throws(JSONParseError) {
            let escapeStart = position
            position &+= 1  // backslash
            guard position < buffer.count else { throw error("unterminated escape", at: escapeStart) }
            let c = buffer[position]
            position &+= 1
            switch c {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4(escapeStart: escapeStart)
                if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    throw error("lone low surrogate \\u" + hex4(scalar), at: escapeStart)
                }
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard position + 1 < buffer.count, buffer[position] == 0x5C, buffer[position + 1] == UInt8(ascii: "u") else {
                        throw error("lone high surrogate \\u" + hex4(scalar) + " (no low surrogate follows)", at: escapeStart)
                    }
                    let lowStart = position
                    position &+= 2
                    let low = try parseHex4(escapeStart: lowStart)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        throw error("high surrogate \\u" + hex4(scalar) + " followed by \\u" + hex4(low) + ", not a low surrogate", at: escapeStart)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(scalar)
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(c)))'", at: escapeStart)
            }
        }

        func hex4(_ v: UInt32) -> String {
            let s = String(v, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - s.count)) + s
        }

        mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
            guard position + 4 <= buffer.count else { throw error("truncated \\u escape", at: escapeStart) }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = buffer[position]
                let d: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
                default: throw error("invalid hex digit in \\u escape", at: position)
                }
                v = v << 4 | UInt32(d)
                position &+= 1
            }
            return v
        }

        mutating func appendUTF8(_ v: UInt32) {
            switch v {
            case 0..<0x80:
                scratch.append(UInt8(v))
            case 0x80..<0x800:
                scratch.append(UInt8(0xC0 | v >> 6))
                scratch.append(UInt8(0x80 | v & 0x3F))
            case 0x800..<0x10000:
                scratch.append(UInt8(0xE0 | v >> 12))
                scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
                scratch.append(UInt8(0x80 | v & 0x3F))
            default:
                scratch.append(UInt8(0xF0 | v >> 18))
                scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
                scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
                scratch.append(UInt8(0x80 | v & 0x3F))
            }
        }
    }
}
