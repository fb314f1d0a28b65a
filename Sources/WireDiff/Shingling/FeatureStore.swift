/// The ``StoryFeatures`` of every article of a corpus, in a few large arrays rather than one
/// allocation per article: built once, in parallel, by reading each article once; then
/// everything downstream (common shingles, sketches, verification, clustering) works from it.
///
/// Memory: 2 bytes per posting (distinct shingle per sentence), per kept sentence, per name
/// and per number, and 20 per article.
package struct FeatureStore: Sendable {
    /// The features of a contiguous run of articles.
    struct Part: Sendable {
        var postings: [UInt16] = []
        var sentenceSizes: [UInt16] = []
        var names: [UInt16] = []
        var numbers: [UInt16] = []
        /// Per article: end offsets into ``postings``, ``sentenceSizes``, ``names`` and
        /// ``numbers``, and the distinct shingle count.
        var postingEnds: [UInt32] = []
        var sentenceEnds: [UInt32] = []
        var nameEnds: [UInt32] = []
        var numberEnds: [UInt32] = []
        var distinct: [UInt32] = []

        var count: Int { postingEnds.count }

        subscript(k: Int) -> StoryFeatures {
            let p0 = k == 0 ? 0 : Int(postingEnds[k - 1])
            let s0 = k == 0 ? 0 : Int(sentenceEnds[k - 1])
            let n0 = k == 0 ? 0 : Int(nameEnds[k - 1])
            let f0 = k == 0 ? 0 : Int(numberEnds[k - 1])
            return StoryFeatures(
                postings: postings[p0..<Int(postingEnds[k])], sentenceSizes: sentenceSizes[s0..<Int(sentenceEnds[k])],
                names: names[n0..<Int(nameEnds[k])], numbers: numbers[f0..<Int(numberEnds[k])], distinctShingles: Int(distinct[k]))
        }

        /// A copy whose arrays hold no growth slack.
        func compacted() -> Part {
            Part(
                postings: Array(postings[...]), sentenceSizes: Array(sentenceSizes[...]), names: Array(names[...]),
                numbers: Array(numbers[...]), postingEnds: Array(postingEnds[...]), sentenceEnds: Array(sentenceEnds[...]),
                nameEnds: Array(nameEnds[...]), numberEnds: Array(numberEnds[...]), distinct: Array(distinct[...]))
        }
    }

    private let parts: [Part]
    /// The first article of each part, and the article count last.
    private let starts: [Int]

    init(parts: [Part]) {
        self.parts = parts
        var starts = [0]
        for part in parts { starts.append(starts[starts.count - 1] + part.count) }
        self.starts = starts
    }

    /// Reads every article once into features: sentences, shingles, postings. Runs on
    /// `threads` threads (0 = all), in two long runs of articles per thread: each run warms its
    /// own stem cache, so fewer, longer runs stem each word fewer times (a quarter of the
    /// stemming of 16 short runs at 100k articles). The result does not depend on the thread
    /// count.
    ///
    /// - Complexity: O(total bytes).
    package init(_ records: [CorpusRecord], kind: ShingleKind, minimumShingles: Int, textOptions: TextOptions, threads: Int = 0) {
        let reader = FeatureReader(kind: kind, minimumShingles: minimumShingles, textOptions: textOptions, threads: threads)
        self.init(parts: reader.parts(of: records))
    }

    /// The number of articles.
    package var count: Int { starts[starts.count - 1] }

    /// The features of article `i`.
    package subscript(i: Int) -> StoryFeatures {
        // The part holding article i: the last start ≤ i (binary search: a streamed corpus
        // has a few parts per batch).
        var low = 0, high = parts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= i { low = mid } else { high = mid - 1 }
        }
        return parts[low][i - starts[low]]
    }

    /// Kept sentences of all articles.
    package var sentenceCount: Int { parts.reduce(0) { $0 + $1.sentenceSizes.count } }

    /// Postings of all articles.
    package var postingCount: Int { parts.reduce(0) { $0 + $1.postings.count } }
}
