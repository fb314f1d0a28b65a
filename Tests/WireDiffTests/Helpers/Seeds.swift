import Foundation

/// The real articles in `../shared/seeds` (relative to the repository root), located from this
/// source file so tests work from any working directory. Tests that use them are skipped when
/// the folder is absent: `@Test(.enabled(if: Seeds.available))`.
enum Seeds {
    /// The seeds folder, or `nil` when it does not exist.
    static let directory: URL? = {
        let folder = Repository.shared.appendingPathComponent("seeds", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return folder
    }()

    /// Whether the seeds folder exists.
    static var available: Bool { directory != nil }

    /// The file names in the seeds folder, sorted ("000_6bdbef3681c8fd74.txt", …).
    static var names: [String] {
        guard let directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The URL of the seed whose file name starts with `prefix` ("001"), or `nil`.
    static func url(_ prefix: String) -> URL? {
        guard let directory, let name = names.first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return directory.appendingPathComponent(name)
    }

    /// The bytes of the seed whose file name starts with `prefix`; empty when missing.
    static func bytes(_ prefix: String) -> [UInt8] {
        guard let url = url(prefix), let data = try? Data(contentsOf: url) else { return [] }
        return [UInt8](data)
    }

    /// The text of the seed whose file name starts with `prefix`; empty when missing.
    static func text(_ prefix: String) -> String {
        String(decoding: bytes(prefix), as: UTF8.self)
    }
}
