import Foundation
/// TEMPORARY stand-in until the corpus reader lands.
public struct CorpusReader {
    public init() {}
    public func read(paths: [String]) throws(InputError) -> [CorpusRecord] {
        try paths.map { path throws(InputError) in
            guard let data = FileManager.default.contents(atPath: path) else { throw .missingFile(path: path) }
            return CorpusRecord(id: path, bytes: Array(data), date: nil, source: path)
        }
    }
}
