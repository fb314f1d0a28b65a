extension JSONParser {
    /// A selected member of a top-level object: string values as raw UTF-8 bytes (no `String`
    /// is built, so long text fields cost one copy), anything else as a `JSONValue`.
    enum Field: Equatable {
        case bytes([UInt8])
        case value(JSONValue)
    }

    /// What `fields(of:named:)` found.
    enum Fields: Equatable {
        /// The input is a JSON object; one entry per requested name (`nil` when absent; the
        /// last occurrence wins when a key repeats).
        case object([Field?])
        /// The input is valid JSON but not an object; the payload is its type name.
        case notObject(String)
    }

    /// Parses one JSON value spanning `buffer` (already checked to be UTF-8) and, when it is an
    /// object, returns the members called `names` (a name given twice gets the member in both
    /// places). The whole input is still validated as JSON.
    ///
    /// This is the JSONL fast path: the text field is copied straight from the line into a
    /// byte array.
    func fields(of buffer: UnsafeBufferPointer<UInt8>, named names: [String]) throws(JSONParseError) -> Fields {
        var cursor = Cursor(buffer: buffer, maxDepth: maxDepth)
        cursor.skipWhitespace()
        guard cursor.position < buffer.count, buffer[cursor.position] == UInt8(ascii: "{") else {
            let value = try parse(validated: buffer)
            return .notObject(value.typeName)
        }
        let keys = names.map { Array($0.utf8) }
        var found = [Field?](repeating: nil, count: names.count)
        cursor.position += 1
        cursor.skipWhitespace()
        if cursor.position < buffer.count, buffer[cursor.position] == UInt8(ascii: "}") {
            cursor.position += 1
        } else {
            members: while true {
                cursor.skipWhitespace()
                guard cursor.position < buffer.count, buffer[cursor.position] == UInt8(ascii: "\"") else {
                    throw cursor.error("expected a string key in an object, found \(cursor.describeCurrent())")
                }
                let key = try cursor.parseStringBytes()
                cursor.skipWhitespace()
                guard cursor.position < buffer.count, buffer[cursor.position] == UInt8(ascii: ":") else {
                    throw cursor.error("expected ':' after an object key, found \(cursor.describeCurrent())")
                }
                cursor.position += 1
                cursor.skipWhitespace()
                let slot = keys.firstIndex(of: key)
                if let slot, cursor.position < buffer.count, buffer[cursor.position] == UInt8(ascii: "\"") {
                    found[slot] = .bytes(try cursor.parseStringBytes())
                } else {
                    let value = try cursor.parseValue(depth: 1)
                    if let slot { found[slot] = .value(value) }
                }
                // The same member may be asked for twice (--text-field id): every slot gets it.
                if let slot {
                    for other in (slot + 1)..<keys.count where keys[other] == key { found[other] = found[slot] }
                }
                cursor.skipWhitespace()
                guard cursor.position < buffer.count else { throw cursor.error("unterminated object: expected ',' or '}'") }
                switch buffer[cursor.position] {
                case UInt8(ascii: ","): cursor.position += 1
                case UInt8(ascii: "}"): cursor.position += 1; break members
                default: throw cursor.error("expected ',' or '}' in an object, found \(cursor.describeCurrent())")
                }
            }
        }
        cursor.skipWhitespace()
        if cursor.position < buffer.count {
            throw cursor.error("unexpected \(cursor.describeCurrent()) after the JSON value")
        }
        return .object(found)
    }
}
