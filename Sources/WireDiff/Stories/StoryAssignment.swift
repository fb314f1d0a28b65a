/// Which story (cluster) one article belongs to, and its evidence against the cluster's
/// representative.
public struct StoryAssignment: Sendable, Hashable {
    /// The cluster number: clusters are numbered 0, 1, … in the input order of their
    /// representatives.
    public var cluster: Int
    /// Index (in input order) of the cluster's representative, the likely source.
    public var representative: Int
    /// Evidence with this article first and the representative second; `nil` for the
    /// representative itself.
    public var evidence: PairEvidence?

    public init(cluster: Int, representative: Int, evidence: PairEvidence?) {
        self.cluster = cluster
        self.representative = representative
        self.evidence = evidence
    }
}
