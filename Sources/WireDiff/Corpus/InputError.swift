/// TEMPORARY stand-in until the corpus reader lands.
public enum InputError: Error, Equatable, CustomStringConvertible {
    case missingFile(path: String)
    public var description: String {
        switch self { case .missingFile(let path): "\(path): no such file" }
    }
}
