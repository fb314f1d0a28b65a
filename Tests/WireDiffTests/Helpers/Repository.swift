import Foundation

/// The folders tests read, located from this source file so tests work from any working
/// directory: the repository root, its `Samples/`, the test fixtures and `../shared` beside
/// the root (seeds and development sets, absent in a fresh clone).
enum Repository {
    /// The repository root (Tests/WireDiffTests/Helpers/Repository.swift → four levels up).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Samples/`: the fictional articles we wrote.
    static let samples = root.appendingPathComponent("Samples", isDirectory: true)

    /// `Tests/WireDiffTests/Fixtures/`.
    static let fixtures = root.appendingPathComponent("Tests/WireDiffTests/Fixtures", isDirectory: true)

    /// `../shared` beside the repository root.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
}
