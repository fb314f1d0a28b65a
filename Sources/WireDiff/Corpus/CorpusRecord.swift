/// TEMPORARY stand-in until the corpus reader lands.
public struct CorpusRecord: Sendable {
    public var id: String
    public var bytes: [UInt8]
    public var date: String?
    public var source: String
}
