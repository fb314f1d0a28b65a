/// Why a dedup run cannot proceed.
public enum DedupError: Error, Equatable, CustomStringConvertible, Sendable {
    /// More articles than the candidate index can address.
    case tooManyDocuments(count: Int, limit: Int)

    public var description: String {
        switch self {
        case let .tooManyDocuments(count, limit):
            "\(count) documents is more than one run can index (limit \(limit)); split the corpus"
        }
    }
}
