/// Computes the passage-level sketches of articles: per sentence of reporting, a MinHash
/// signature of its shingles, cut into LSH band keys; and the exact ``StoryFeatures`` used to
/// verify candidates.
///
/// Two articles become candidates when any of their sentences share a band key, i.e. when some
/// sentence pair is likely to reach the sentence-level Jaccard threshold (Leskovec, Rajaraman &
/// Ullman, *Mining of Massive Datasets*, ch. 3.4). Sentence-level banding finds heavy
/// paraphrases whose document-level Jaccard is near zero, because paraphrases keep most of each
/// sentence's names, numbers and content words while rewording the rest.
///
/// Shingles that are common in the corpus (``CommonShingles``) are left out of the sketches,
/// unless fewer than ``DedupOptions/minimumSentenceShingles`` others remain: then the sentence
/// is sketched whole, since its words may be common only because the corpus holds many
/// versions of its story.
///
/// Holds a ``Shingler`` (with its stem cache) and scratch buffers: use one per thread.
///
/// - Complexity: O(n + s·N) per article for n tokens, s sentences and N permutations.
public struct PassageSketcher: Sendable {
    public let options: DedupOptions
    private var shingler: Shingler
    private let hasher: MinHasher
    private let lsh: LSHParameters
    private var keys: [UInt64]
    private var rare: [UInt64] = []
    /// Shingles left out of the sketches (too common to be evidence).
    public let common: CommonShingles

    public init(options: DedupOptions, common: CommonShingles = CommonShingles()) {
        self.options = options
        self.common = common
        self.shingler = Shingler(kind: options.shingleKind)
        self.hasher = MinHasher(
            permutations: options.permutations, seed: options.seed, scheme: .classic,
            shingleSettings: options.shingleKind.settingsValue)
        self.lsh = options.effectiveLSH
        self.keys = [UInt64](repeating: 0, count: lsh.bands)
    }

    /// Appends the distinct band keys of the document's sentences to `output` (unsorted across
    /// calls, deduplicated within this document).
    public mutating func appendBandKeys(of document: Document, into output: inout [UInt64]) {
        let start = output.count
        let bands = lsh.bands
        for sentence in shingler.sentenceShingles(of: document)
        where sentence.shingles.count >= options.minimumSentenceShingles {
            rare.removeAll(keepingCapacity: true)
            for shingle in sentence.shingles where !common.contains(shingle) { rare.append(shingle) }
            // A sentence made mostly of common words is sketched whole: its words may be common
            // only because the corpus holds many versions of its story.
            let signature = hasher.signature(of: rare.count >= options.minimumSentenceShingles ? rare : sentence.shingles)
            keys.withUnsafeMutableBufferPointer { LSHIndex.bandKeys(of: signature, parameters: lsh, into: $0) }
            for band in 0..<bands { output.append(keys[band]) }
        }
        output[start...].sort()
        var write = start
        for read in start..<output.count where write == start || output[write - 1] != output[read] {
            output[write] = output[read]
            write += 1
        }
        output.removeLast(output.count - write)
    }

    /// The exact passage-level features of a document.
    public mutating func features(of document: Document) -> StoryFeatures {
        let sentences = shingler.sentenceShingles(of: document)
        return StoryFeatures(sentences: sentences, names: shingler.nameShingles, minimumShingles: options.minimumSentenceShingles)
    }
}
