import Foundation

/// A fixed list of short strings ("needles"), each with the longest line (in words) it applies
/// to, searched for in UTF-8 bytes without any `String` work per call: equal to, a prefix of, a
/// suffix of, or anywhere in a byte buffer. The boilerplate rules (``BoilerplateRule``) hold
/// their strings as `Needles`, and ``BoilerplatePrefilter`` merges them into a few.
///
/// The bytes and the index are ``ImmortalTable``s (the lists are built once per process, as
/// static tables, and a copy costs no reference counting); the needles are indexed by their first byte, so a prefix or equality test compares
/// only the needles that start like the buffer. ``anyOccurs(in:words:)`` finds each needle with
/// `memchr` for its rarest byte, then `memcmp`.
///
/// - Complexity: ``anyEquals(_:words:)``, ``anyStarts(_:words:)``: O(needles with the buffer's
///   first byte · their length); ``anyEnds(_:words:)``: O(needles · length);
///   ``anyOccurs(in:words:)``: O(needles · n) worst case, typically one `memchr` pass each.
struct Needles: Sendable, ExpressibleByArrayLiteral {
    /// One needle: its bytes at `offset` in `bytes`, the index of its rarest byte, the most
    /// words a line may have for it to apply, and its place in the list given.
    struct Entry {
        let offset: Int
        let count: Int
        let anchor: Int
        let maxWords: Int
        let index: Int
    }

    /// The needles' bytes, one after another.
    private let bytes: ImmortalTable<UInt8>
    /// The entries, ordered by first byte (stable); the empty string, if given, is not among them.
    private let entries: ImmortalTable<Entry>
    private let entryCount: Int
    /// The same entries by word limit, largest first (``anyOccurs(in:words:)`` stops at the
    /// first that does not apply).
    private let byLimit: ImmortalTable<Entry>
    /// Where each first byte's run of entries starts: `starts[b]..<starts[b + 1]`.
    private let starts: ImmortalTable<Int>
    /// The largest word limit of a needle (`Int.min` when there is none).
    let maxWords: Int
    /// The place of the empty string in the list given, or -1.
    private let emptyIndex: Int
    private var hasEmpty: Bool { emptyIndex >= 0 }

    /// Needles that apply to lines of any length.
    init(arrayLiteral strings: String...) {
        self.init(strings.map { ($0, Int.max) })
    }

    init(_ strings: [String]) {
        self.init(strings.map { ($0, Int.max) })
    }

    /// Needles with the longest line (in words) each applies to.
    init(_ strings: [(String, Int)]) {
        var bytes: [UInt8] = []
        var given: [Entry] = []
        for (index, (string, maxWords)) in strings.enumerated() where !string.isEmpty {
            let offset = bytes.count
            bytes.append(contentsOf: string.utf8)
            let anchor = bytes.withUnsafeBufferPointer { Needles.anchor(of: UnsafeBufferPointer(rebasing: $0[offset...])) }
            given.append(Entry(offset: offset, count: bytes.count - offset, anchor: anchor, maxWords: maxWords, index: index))
        }
        // A counting sort by first byte (stable), whose counts are the runs' starts.
        var starts = [Int](repeating: 0, count: 257)
        for e in given { starts[Int(bytes[e.offset]) + 1] += 1 }
        for b in 0..<256 { starts[b + 1] += starts[b] }
        var sorted = given
        var next = starts
        for e in given {
            sorted[next[Int(bytes[e.offset])]] = e
            next[Int(bytes[e.offset])] += 1
        }
        self.bytes = ImmortalTable(bytes)
        entries = ImmortalTable(sorted)
        entryCount = sorted.count
        byLimit = ImmortalTable(sorted.sorted { ($0.maxWords, $1.index) > ($1.maxWords, $0.index) })
        self.starts = ImmortalTable(starts)
        maxWords = strings.map(\.1).max() ?? .min
        emptyIndex = strings.firstIndex { $0.0.isEmpty } ?? -1
    }

    /// The strings, in the order given (with the word limit of each).
    var strings: [(string: String, maxWords: Int)] {
        var given = UnsafeBufferPointer(start: entries.base, count: entryCount).map {
            (index: $0.index, string: String(decoding: needle($0), as: UTF8.self), maxWords: $0.maxWords)
        }
        if hasEmpty { given.append((emptyIndex, "", .max)) }
        return given.sorted { $0.index < $1.index }.map { ($0.string, $0.maxWords) }
    }

    /// The needle of `e` as bytes.
    @inline(__always)
    private func needle(_ e: Entry) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes.base + e.offset, count: e.count) }

    /// Whether `s` is one of the needles that apply to a line of `words` words.
    func anyEquals(_ s: UnsafeBufferPointer<UInt8>, words: Int = 0) -> Bool {
        guard let base = s.baseAddress, !s.isEmpty else { return hasEmpty }
        let b = Int(base[0])
        for k in starts[b]..<starts[b + 1] {
            let e = entries[k]
            if e.count == s.count, words <= e.maxWords, e.count == 1 || base[1] == bytes[e.offset + 1],
                memcmp(base, bytes.base + e.offset, e.count) == 0
            {
                return true
            }
        }
        return false
    }

    /// Whether `s` starts with one of the needles that apply to a line of `words` words.
    func anyStarts(_ s: UnsafeBufferPointer<UInt8>, words: Int = 0) -> Bool {
        guard let base = s.baseAddress, !s.isEmpty else { return hasEmpty }
        let b = Int(base[0])
        for k in starts[b]..<starts[b + 1] {
            let e = entries[k]
            if e.count <= s.count, words <= e.maxWords, e.count == 1 || base[1] == bytes[e.offset + 1],
                memcmp(base, bytes.base + e.offset, e.count) == 0
            {
                return true
            }
        }
        return hasEmpty
    }

    /// Whether `s` ends with one of the needles that apply to a line of `words` words.
    func anyEnds(_ s: UnsafeBufferPointer<UInt8>, words: Int = 0) -> Bool {
        for k in 0..<entryCount {
            let e = entries[k]
            if e.count <= s.count, words <= e.maxWords,
                memcmp(s.baseAddress! + (s.count - e.count), bytes.base + e.offset, e.count) == 0
            {
                return true
            }
        }
        return hasEmpty
    }

    /// Whether one of the needles that apply to a line of `words` words occurs in `s`.
    func anyOccurs(in s: UnsafeBufferPointer<UInt8>, words: Int = 0) -> Bool {
        for k in 0..<entryCount {
            let e = byLimit[k]
            if words > e.maxWords { break }
            if Needles.contains(s, needle(e), anchor: e.anchor) { return true }
        }
        return hasEmpty
    }

    /// The length of the first needle in the order given that `s` starts with, or `nil`.
    func firstPrefix(of s: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = s.baseAddress, !s.isEmpty else { return hasEmpty ? 0 : nil }
        let b = Int(base[0])
        // A bucket keeps the order given, and every needle `s` starts with is in its bucket.
        for k in starts[b]..<starts[b + 1] {
            let e = entries[k]
            if hasEmpty && emptyIndex < e.index { return 0 }
            if e.count <= s.count, memcmp(base, bytes.base + e.offset, e.count) == 0 { return e.count }
        }
        return hasEmpty ? 0 : nil
    }

    /// The anchor of a needle for ``contains(_:_:anchor:)``: the index of its byte latest in
    /// English letter frequency order (the first such byte).
    static func anchor(of needle: UnsafeBufferPointer<UInt8>) -> Int {
        var anchor = 0
        var rank = -1
        for (j, b) in needle.enumerated() {
            let r = letterRarity[Int(b)]
            if r > rank {
                rank = r
                anchor = j
            }
        }
        return anchor
    }

    /// Whether `needle` occurs in `s`: `memchr` for the needle's byte at `anchor`, then `memcmp`.
    static func contains(_ s: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, anchor: Int) -> Bool {
        let k = needle.count
        guard k > 0, s.count >= k else { return k == 0 }
        let base = s.baseAddress!
        let target = Int32(needle[anchor])
        var from = anchor
        let last = s.count - k + anchor  // the last position the anchor may sit at
        // The bytes beside the anchor, compared before `memcmp` (most hits of a common letter
        // fail on them).
        let after = anchor + 1 < k ? needle[anchor + 1] : needle[anchor]
        let afterOffset = anchor + 1 < k ? 1 : 0
        let before = anchor > 0 ? needle[anchor - 1] : needle[anchor]
        let beforeOffset = anchor > 0 ? 1 : 0
        while from <= last {
            guard let hit = memchr(base + from, target, last - from + 1) else { return false }
            let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if base[at + afterOffset] == after, base[at - beforeOffset] == before,
                memcmp(base + (at - anchor), needle.baseAddress!, k) == 0
            {
                return true
            }
            from = at + 1
        }
        return false
    }

    /// Rarity of each byte in English text: letters by frequency ("e" most common), spaces
    /// and vowels lowest, punctuation and other bytes highest.
    static let letterRarity: [Int] = {
        var t = [Int](repeating: 100, count: 256)
        t[0x20] = 0
        for (r, c) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { t[Int(c)] = 1 + r }
        return t
    }()
}
