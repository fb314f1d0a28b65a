/// Flags sentences that are page furniture (share prompts, photo credits, footers …).
///
/// PLACEHOLDER implementation (flags nothing) to be replaced by the real detector.
public struct BoilerplateDetector: Sendable {
    public init() {}

    /// Sets ``Sentence/boilerplate`` on the sentences that are page furniture.
    public func flag(_ sentences: inout [Sentence], in bytes: UnsafeBufferPointer<UInt8>) {}
}
