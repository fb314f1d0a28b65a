/// Why an archive cannot be read or written, with where: every case has a one-line
/// `description` that starts with the archive's path, and an exit status following sysexits(3).
public enum ArchiveError: Error, Equatable, Sendable {
    /// The archive does not exist (66).
    case missing(path: String)
    /// The archive exists but cannot be opened or read (66).
    case notReadable(path: String, reason: String)
    /// The file is not a wirediff archive: no magic in either header slot (65).
    case notAnArchive(path: String)
    /// The archive was written in a newer format than this wirediff reads (65).
    case newerVersion(path: String, version: Int, supported: Int)
    /// The archive was written in an older format than this wirediff reads (65): rebuild it.
    case olderVersion(path: String, version: Int, supported: Int)
    /// The file is shorter than its last complete commit needs (65).
    case truncated(path: String, size: Int, needed: Int)
    /// A checksum does not match or a structure is malformed: `what` names the part, `offset`
    /// is its byte offset in the file (65).
    case corrupt(path: String, what: String, offset: Int)
    /// The archive was built by a detection pipeline that signs or verifies differently from
    /// this wirediff's (another version): its keys and verdicts would give wrong answers (65).
    case incompatiblePipeline(path: String, builtBy: String)
    /// A detection setting given on the command line differs from the one the archive was
    /// built with (64).
    case incompatibleSetting(path: String, setting: String, archive: String, given: String)
    /// `index create` on a path that exists: nothing is overwritten (73).
    case exists(path: String)
    /// The archive file (or its temporary file) cannot be created (73).
    case cannotCreate(path: String, reason: String)
    /// Another process is writing the archive (75).
    case locked(path: String)
    /// Writing, syncing or renaming failed; the archive is as it was (74).
    case writeFailed(path: String, reason: String)
    /// A new article's id is already in the archive (65).
    case duplicateID(path: String, id: String, source: String)
    /// `index remove` names an id the archive does not hold (65).
    case unknownID(path: String, id: String)
    /// More articles than an archive can hold (65).
    case tooManyDocuments(path: String, count: Int, limit: Int)

    /// The process exit status: 64 usage, 65 data, 66 no input, 73 cannot create, 74 I/O
    /// error, 75 temporary failure (try again).
    public var exitCode: Int32 {
        switch self {
        case .missing, .notReadable: 66
        case .incompatibleSetting: 64
        case .exists, .cannotCreate: 73
        case .writeFailed: 74
        case .locked: 75
        default: 65
        }
    }
}

extension ArchiveError: CustomStringConvertible {
    /// One line, starting with the archive's path.
    public var description: String {
        switch self {
        case .missing(let path):
            "\(path): no such archive"
        case .notReadable(let path, let reason):
            "\(path): cannot read the archive: \(reason)"
        case .notAnArchive(let path):
            "\(path): not a wirediff archive"
        case .newerVersion(let path, let version, let supported):
            "\(path): archive format version \(version) is newer than this wirediff reads (\(supported)); use a newer wirediff"
        case .olderVersion(let path, let version, let supported):
            "\(path): archive format version \(version) is older than this wirediff reads (\(supported)); rebuild it with 'wirediff index create'"
        case .truncated(let path, let size, let needed):
            "\(path): truncated archive: \(size) bytes, its last complete commit needs \(needed)"
        case .corrupt(let path, let what, let offset):
            "\(path): corrupt archive: \(what) at byte offset \(offset)"
        case .incompatiblePipeline(let path, let builtBy):
            "\(path): built by \(builtBy), whose detection differs from this wirediff's; rebuild it with 'wirediff index create'"
        case .incompatibleSetting(let path, let setting, let archive, let given):
            "\(path): the archive was built with \(setting) \(archive), not \(given); leave \(setting) out or build another archive"
        case .exists(let path):
            "\(path): already exists; nothing was overwritten (add to it with 'wirediff index add')"
        case .cannotCreate(let path, let reason):
            "\(path): cannot create the archive: \(reason)"
        case .locked(let path):
            "\(path): another wirediff is writing this archive; try again when it has finished"
        case .writeFailed(let path, let reason):
            "\(path): writing the archive failed: \(reason); the archive is as it was"
        case .duplicateID(let path, let id, let source):
            "\(source): id \"\(id)\" is already in the archive \(path) (remove it first with 'wirediff index remove')"
        case .unknownID(let path, let id):
            "\(path): no article with id \"\(id)\" in the archive"
        case .tooManyDocuments(let path, let count, let limit):
            "\(path): \(count) documents is more than an archive can hold (limit \(limit))"
        }
    }
}
