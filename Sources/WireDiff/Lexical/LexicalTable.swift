/// General English lexical knowledge for telling rewording from changed facts: which words are
/// synonyms or a broader term of each other, irregular inflections, and British → American
/// spellings.
///
/// The data is built from WordNet 3.0 (Miller 1995; Fellbaum 1998) and the SCOWL word lists by
/// `Scripts/build-lexical-data.py` into one string literal embedded in the binary
/// (``packed``, about 1.7 MB; licences in `Sources/WireDiff/Lexical/LICENSES.md`), nothing is
/// read from disk. On first use of ``shared`` one pass records where each line starts; the lines
/// are sorted, so a look-up is a binary search in place, without parsing the rest.
///
/// Each word carries two sorted lists of concept ids (dense renumberings of WordNet synsets):
/// - **synonym concepts**: the synsets of its first senses, an adjective satellite's head, an
///   adjective's pertainym ("British" → the United Kingdom);
/// - **broader concepts**: the direct hypernyms of those senses, a capital's country, and
///   derivationally related synsets.
/// Two words are ``Relation/synonym`` when their synonym concepts meet, ``Relation/related``
/// when one's synonym concepts meet the other's broader ones ("assassination" → "killing").
/// Inflected forms are reduced to WordNet lemmas first (WordNet's exception lists, then its
/// detachment rules, as in its `morphy`).
///
/// - Complexity: indexing is O(n) in the data's bytes, once (see the `lexicon` benchmark); a
///   look-up is O(k log w) for a word of k bytes among w lines.
package struct LexicalTable: Sendable {
    /// How two words relate.
    package enum Relation: Int, Sendable, Comparable {
        case none = 0
        /// One's synonym concepts meet the other's broader concepts (a hypernym, a derivation).
        case related = 1
        /// Their synonym concepts meet.
        case synonym = 2

        package static func < (a: Relation, b: Relation) -> Bool { a.rawValue < b.rawValue }
    }

    /// The concepts of a word (both lists sorted ascending, possibly empty).
    package struct Concepts: Sendable, Hashable {
        package var synonyms: [UInt32] = []
        package var broader: [UInt32] = []

        package init(synonyms: [UInt32] = [], broader: [UInt32] = []) {
            self.synonyms = synonyms
            self.broader = broader
        }

        package var isEmpty: Bool { synonyms.isEmpty && broader.isEmpty }

        /// How these concepts relate to `other`'s.
        package func relation(to other: Concepts) -> Relation {
            if Concepts.meet(synonyms, other.synonyms) { return .synonym }
            if Concepts.meet(synonyms, other.broader) || Concepts.meet(broader, other.synonyms) { return .related }
            return .none
        }

        static func meet(_ a: [UInt32], _ b: [UInt32]) -> Bool {
            var i = 0, j = 0
            while i < a.count && j < b.count {
                if a[i] == b[j] { return true }
                if a[i] < b[j] { i += 1 } else { j += 1 }
            }
            return false
        }
    }

    /// The table, indexed from ``packed`` on first use.
    package static let shared = LexicalTable(packed: LexicalTable.packed)

    /// The packed text (static storage in the binary).
    private let text: StaticString
    private var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) }
    /// Byte offset of each line of each section (words, inflections, spellings); lines are
    /// sorted by their first field, so a look-up is a binary search.
    private var lines: [[Int32]] = [[], [], []]

    /// Where each section's lines with a given two-byte prefix start (``bucket(_:_:)``), so a
    /// look-up binary-searches a few lines instead of all.
    private var buckets: [[Int32]] = []
    /// Per section, first-field hash → line number.
    private var index: [UInt64Map] = []

    /// Number of words with concepts.
    package var wordCount: Int { lines[0].count }

    /// The bucket of a word starting with bytes `b0`, `b1` (0 for none): ordered like the bytes
    /// for the lowercase letters and digits the data holds.
    private static func bucket(_ b0: UInt8, _ b1: UInt8) -> Int {
        func code(_ b: UInt8) -> Int {
            switch b {
            case 0: 0
            case 0x30...0x39: 1 + Int(b - 0x30)
            case 0x61...0x7a: 11 + Int(b - 0x61)
            default: 37
            }
        }
        return code(b0) * 38 + code(b1)
    }

    /// Indexes the line starts of `packed` (one pass over its bytes, no parsing).
    package init(packed: StaticString) {
        text = packed
        let bytes = self.bytes
        lines[0].reserveCapacity(80_000)
        var section = 0
        var i = 0
        let n = bytes.count
        while i < n {
            var end = i
            while end < n && bytes[end] != 0x0a { end += 1 }
            if end - i == 1 && bytes[i] == 0x3d {
                section = min(section + 1, 2)
            } else if end > i {
                lines[section].append(Int32(i))
            }
            i = end + 1
        }
        // Every line's first field, hashed with its section as seed → its line number.
        for section in 0..<3 {
            var map = UInt64Map(capacity: lines[section].count)
            for (k, start) in lines[section].enumerated() {
                var end = Int(start)
                while end < n && bytes[end] != 0x20 && bytes[end] != 0x0a { end += 1 }
                map.set(StableHash.hash(UnsafeBufferPointer(rebasing: bytes[Int(start)..<end])), Int32(k))
            }
            index.append(map)
        }
        // Bucket starts: the first line at or after each bucket.
        for section in 0..<3 {
            var starts = [Int32](repeating: Int32(lines[section].count), count: 38 * 38 + 1)
            for (k, start) in lines[section].enumerated().reversed() {
                let s = Int(start)
                let b0 = bytes[s], b1 = s + 1 < n && bytes[s + 1] != 0x20 && bytes[s + 1] != 0x0a ? bytes[s + 1] : 0
                starts[LexicalTable.bucket(b0, b1)] = Int32(k)
            }
            for b in stride(from: starts.count - 2, through: 0, by: -1) { starts[b] = min(starts[b], starts[b + 1]) }
            buckets.append(starts)
        }
    }

    /// The line of `section` whose first field is `word`: one hash probe (``index``).
    private func find(_ word: [UInt8], in section: Int) -> Int? {
        guard let k = index[section][StableHash.hash(word)] else { return nil }
        let start = Int(lines[section][Int(k)])
        // Confirm (a 64-bit hash collision is possible, if unlikely).
        var j = 0
        while j < word.count, start + j < bytes.count, bytes[start + j] == word[j] { j += 1 }
        let end = start + j
        return j == word.count && (end == bytes.count || bytes[end] == 0x20 || bytes[end] == 0x0a) ? start : nil
    }

    /// The line of `section` whose first field is `word`, by binary search (index-free).
    private func search(_ word: [UInt8], in section: Int) -> Int? {
        let starts = lines[section]
        guard let first = word.first else { return nil }
        let b = LexicalTable.bucket(first, word.count > 1 ? word[1] : 0)
        var lo = Int(buckets[section][b]), hi = Int(buckets[section][b + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            var k = Int(starts[mid]), j = 0
            var order = 0
            while true {
                let b: UInt8 = k < bytes.count && bytes[k] != 0x20 && bytes[k] != 0x0a ? bytes[k] : 0
                let w: UInt8 = j < word.count ? word[j] : 0
                if b != w { order = b < w ? -1 : 1; break }
                if b == 0 { break }
                k += 1; j += 1
            }
            if order == 0 { return Int(starts[mid]) }
            if order < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The space-separated fields after the first of the line at `start`.
    private func fields(_ start: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var k = start
        while k < bytes.count && bytes[k] != 0x20 && bytes[k] != 0x0a { k += 1 }
        while k < bytes.count && bytes[k] == 0x20 {
            let from = k + 1
            k = from
            while k < bytes.count && bytes[k] != 0x20 && bytes[k] != 0x0a { k += 1 }
            result.append(from..<k)
        }
        return result
    }

    private static func digit(_ b: UInt8) -> UInt32 {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x5a: UInt32(b - 0x41 + 10)
        case 0x61...0x7a: UInt32(b - 0x61 + 36)
        case 0x2b: 62
        default: 63
        }
    }

    /// Appends the concept ids of the word line at `start`.
    private func concepts(ofLine start: Int, into result: inout Concepts) {
        let f = fields(start)
        for (n, field) in f.prefix(2).enumerated() {
            var k = field.lowerBound
            while k + 3 <= field.upperBound {
                let id = LexicalTable.digit(bytes[k]) << 12 | LexicalTable.digit(bytes[k + 1]) << 6 | LexicalTable.digit(bytes[k + 2])
                if n == 0 { result.synonyms.append(id) } else { result.broader.append(id) }
                k += 3
            }
        }
    }

    /// The American spelling of a lowercase British one ("honours" → "honors"), or `nil`.
    package func americanSpelling(of word: [UInt8]) -> [UInt8]? {
        guard let line = find(word, in: 2), let field = fields(line).first else { return nil }
        return Array(bytes[field])
    }

    /// The concepts of a lowercase word in any inflection: its own entry, WordNet's irregular
    /// forms, then the regular detachments (-s, -es, -ies, -ed, -ing, -er, -est) that give a
    /// known lemma. Empty for words WordNet does not relate to any other.
    package func concepts(of word: [UInt8]) -> Concepts {
        var result = Concepts()
        var seen: [Int] = []
        func add(_ line: Int) {
            guard !seen.contains(line) else { return }
            seen.append(line)
            concepts(ofLine: line, into: &result)
        }
        let spelled = americanSpelling(of: word) ?? word
        for form in spelled == word ? [word] : [word, spelled] {
            if let line = find(form, in: 0) { add(line) }
            if let line = find(form, in: 1) {
                for field in fields(line) { if let base = find(Array(bytes[field]), in: 0) { add(base) } }
            }
            for (suffix, replacement) in LexicalTable.detachments where form.count > suffix.count + 1 && form.hasSuffix(suffix) {
                var base = Array(form.dropLast(suffix.count))
                base.append(contentsOf: replacement)
                if let line = find(base, in: 0) { add(line) }
            }
        }
        if seen.count > 1 {
            result.synonyms = LexicalTable.sortedUnique(result.synonyms)
            result.broader = LexicalTable.sortedUnique(result.broader)
        }
        return result
    }

    /// How two lowercase words relate.
    package func relation(_ a: [UInt8], _ b: [UInt8]) -> Relation {
        concepts(of: a).relation(to: concepts(of: b))
    }

    /// WordNet's `morphy` detachment rules for nouns, verbs and adjectives, as (suffix,
    /// replacement) byte pairs.
    static let detachments: [([UInt8], [UInt8])] = [
        ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
        ("men", "man"), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
        ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func sortedUnique(_ values: [UInt32]) -> [UInt32] {
        var sorted = values
        sorted.sort()
        var out: [UInt32] = []
        out.reserveCapacity(sorted.count)
        for v in sorted where out.last != v { out.append(v) }
        return out
    }
}

extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
