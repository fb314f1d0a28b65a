/// How an article's text is read.
public struct TextOptions: Sendable, Hashable {
    /// When `true`, no line is flagged as boilerplate (`--keep-boilerplate`).
    public var keepBoilerplate: Bool

    public init(keepBoilerplate: Bool = false) {
        self.keepBoilerplate = keepBoilerplate
    }
}
