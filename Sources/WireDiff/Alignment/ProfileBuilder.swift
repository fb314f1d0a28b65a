import Foundation

/// Builds ``SentenceProfile``s for the documents being compared, with IDF computed over their
/// reporting sentences and blended with the ``BackgroundTable``.
///
/// Weight of a stem: `ln(1 + N / df)` where `N` is the number of reporting sentences and `df`
/// the number containing the stem (Spärck Jones, 1972), times ``BackgroundTable/damping`` for
/// common news words, times ``nameBoost`` for names, ``numberBoost`` for numbers and
/// ``dateDamping`` for weekdays. With fewer
/// than ``minimumSentencesForIDF`` sentences (e.g. scoring a single pair) the IDF is 1.
///
/// - Complexity: O(t log t) in the total number of tokens.
struct ProfileBuilder: Sendable {
    static let nameBoost: Float = 1.5
    static let numberBoost: Float = 1.5
    /// Weekdays ("Tuesday", "yesterday") say little about which fact a sentence reports (versions of a story
    /// share the day) and are compared as changed details instead.
    static let dateDamping: Float = 0.1
    static let minimumSentencesForIDF = 8

    private var documentFrequency = UInt64Map(capacity: 4096)
    private var sentenceCount = 0

    init(_ documents: [AnalyzedDocument], lexicon: Lexicon) {
        var keys: [UInt64] = []
        for doc in documents {
            for s in 0..<doc.sentenceCount where doc.reporting[s] {
                keys.removeAll(keepingCapacity: true)
                for t in doc.sentenceTokens[s] where doc.features[t].flags.contains(.content) {
                    keys.append(lexicon[doc.features[t].entry].key)
                }
                keys.sort()
                var previous: UInt64? = nil
                for k in keys where k != previous {
                    documentFrequency.add(k, 1)
                    previous = k
                }
                sentenceCount += 1
            }
        }
    }

    /// The weight of a stem key before name/number boosts.
    func weight(of key: UInt64) -> Float {
        var w: Float = 1
        if sentenceCount >= ProfileBuilder.minimumSentencesForIDF {
            let df = Float(documentFrequency[key] ?? 1)
            w = Float(log(1 + Double(sentenceCount) / Double(df)))
        }
        if BackgroundTable.keys.contains(key) { w *= BackgroundTable.damping }
        return w
    }

    /// The profile of each sentence of `doc` (empty for non-reporting sentences).
    func profiles(of doc: AnalyzedDocument, lexicon: Lexicon) -> [SentenceProfile] {
        var result: [SentenceProfile] = []
        result.reserveCapacity(doc.sentenceCount)
        var terms: [(UInt64, Float)] = []
        var grams: [(UInt64, Float)] = []
        var weightCache = [Float](repeating: -1, count: lexicon.entries.count)
        for s in 0..<doc.sentenceCount {
            guard doc.reporting[s] else { result.append(.empty); continue }
            terms.removeAll(keepingCapacity: true)
            grams.removeAll(keepingCapacity: true)
            var quoted: [UInt64] = []
            var words: [WordAligner.Word] = []
            var concepts: [(UInt64, Float)] = []
            for t in doc.sentenceTokens[s] {
                let feature = doc.features[t]
                guard feature.flags.contains(.content) else { continue }
                let entry = lexicon[feature.entry]
                var w = weightCache[Int(feature.entry)]
                if w < 0 {
                    w = weight(of: entry.key)
                    weightCache[Int(feature.entry)] = w
                }
                if feature.flags.contains(.number) {
                    w *= ProfileBuilder.numberBoost
                } else if feature.flags.contains(.date), !entry.keywords.isDisjoint(with: [.weekday, .relativeDay]) {
                    w *= ProfileBuilder.dateDamping
                } else if feature.flags.contains(.name) {
                    w *= ProfileBuilder.nameBoost
                }
                if feature.flags.contains(.quoted) { quoted.append(entry.key) }
                terms.append((entry.key, w))
                for g in entry.grams { grams.append((g, w)) }
                if !entry.isNumber { for c in entry.concepts.synonyms { concepts.append((SentenceProfile.conceptKey(c), w)) } }
                let token = doc.tokens[t]
                words.append(WordAligner.Word(
                    entry: feature.entry, weight: w, position: Int32(t),
                    capitalized: token.flags.contains(.capitalized), allCaps: token.flags.contains(.allCaps),
                    isName: feature.flags.contains(.name)))
            }
            quoted.sort()
            result.append(SentenceProfile(words: words, terms: SparseVector(pairs: terms), grams: SparseVector(pairs: grams), quoted: dedup(quoted), concepts: concepts))
        }
        return result
    }

    private func dedup(_ a: [UInt64]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(a.count)
        for x in a where out.last != x { out.append(x) }
        return out
    }
}
