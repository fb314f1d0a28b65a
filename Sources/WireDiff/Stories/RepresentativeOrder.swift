/// The order in which articles are considered as story representatives: earliest date first
/// (undated last), then the most complete version (most sentences of reporting, then most
/// distinct shingles), then input order.
///
/// One rule for every caller: ``Deduplicator`` sorts a corpus by it, and an archive
/// (``ArchiveUpdate``) merges new articles into its stored order with ``precedes(_:_:)``, so
/// both put articles in the same order.
///
/// - Complexity: O(n log n) to sort n articles; integer keys, so strings are compared only when
///   two dates agree in their first 16 bytes.
struct RepresentativeOrder {
    /// Integer sort key of one article: a date's first 16 UTF-8 bytes (big-endian, so they
    /// order like the string; undated sorts last), then completeness descending.
    struct Key: Sendable, Equatable {
        var date0: UInt64, date1: UInt64, completeness: UInt64

        /// The key of an article with `date`, `sentences` kept sentences and `distinct`
        /// distinct shingles.
        init(date: String?, sentences: Int, distinct: Int) {
            var words: (UInt64, UInt64) = (.max, .max)
            if let date {
                words = (0, 0)
                for (k, byte) in date.utf8.prefix(16).enumerated() {
                    if k < 8 { words.0 |= UInt64(byte) << UInt64(56 - 8 * k) } else { words.1 |= UInt64(byte) << UInt64(56 - 8 * (k - 8)) }
                }
            }
            date0 = words.0
            date1 = words.1
            completeness = UInt64(UInt32.max) - UInt64(Self.completeness(sentences: sentences, distinct: distinct))
        }

        /// Sentences (11 bits, saturating) and distinct shingles (21 bits, saturating) packed in
        /// 32 bits: what the order needs of an article's features.
        static func completeness(sentences: Int, distinct: Int) -> UInt32 {
            UInt32(min(sentences, 1 << 11 - 1)) << 21 | UInt32(min(distinct, 1 << 21 - 1))
        }

        /// The key of an article with `date` and packed ``completeness(sentences:distinct:)``.
        init(date: String?, completeness packed: UInt32) {
            self.init(date: date, sentences: Int(packed >> 21), distinct: Int(packed & (1 << 21 - 1)))
        }
    }

    /// One article as the order sees it.
    struct Article {
        var index: Int
        var key: Key
        var date: String?
    }

    /// Whether `a` comes before `b`.
    static func precedes(_ a: Article, _ b: Article) -> Bool {
        let x = a.key, y = b.key
        if x.date0 != y.date0 { return x.date0 < y.date0 }
        if x.date1 != y.date1 { return x.date1 < y.date1 }
        // Equal 16-byte prefixes: longer dates decide by their whole text.
        if let da = a.date, let db = b.date, da.utf8.count > 16 || db.utf8.count > 16, da != db { return da < db }
        if x.completeness != y.completeness { return x.completeness < y.completeness }
        return a.index < b.index
    }

    /// Article indices `0..<count` in representative order.
    static func order(count: Int, key: (Int) -> Key, date: (Int) -> String?) -> [Int] {
        let keys = (0..<count).map(key)
        return (0..<count).sorted { a, b in
            let x = keys[a], y = keys[b]
            // The common case without building `Article`s (no date strings read).
            if x.date0 != y.date0 { return x.date0 < y.date0 }
            if x.date1 != y.date1 { return x.date1 < y.date1 }
            return precedes(Article(index: a, key: x, date: date(a)), Article(index: b, key: y, date: date(b)))
        }
    }
}
