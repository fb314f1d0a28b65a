/// The fixed layout of an archive file (`Documentation/Archive.md` is the contract).
///
/// Two header slots of 4 KiB open the file; each names one commit: its sequence number, the
/// file length it uses and where its manifest is. Everything else is appended after byte
/// 8,192, in sections that start on a 4 KiB boundary and are followed by one checksum per
/// 4 KiB block. A commit appends its sections and manifest, syncs, then writes its header into
/// the slot that does not hold the commit it builds on, and syncs again: a reader uses the
/// valid slot with the highest sequence whose data is all there.
enum ArchiveFormat {
    /// The first 16 bytes of each header slot.
    static let magic: [UInt8] = Array("wirediff archive".utf8)
    /// The format this wirediff writes and reads. 2: bit-packed key tables (1 stored each
    /// entry's key remainder and article in whole bytes).
    static let version: UInt32 = 2
    /// Bytes per header slot.
    static let slotSize = 4096
    /// Where appended data starts: after both slots.
    static let dataStart = 2 * slotSize
    /// Bytes per checksummed block; sections start on a block boundary.
    static let blockSize = 4096
    /// Seed of the block checksums (``StableHash`` of each block).
    static let checksumSeed: UInt64 = 0x7769_7265_6469_6666  // "wirediff"
    /// Bytes of a header that are used (the rest of the slot is zero).
    static let headerSize = 64

    /// The checksum of one block (or of a header's first bytes).
    @inline(__always)
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        StableHash.hash(bytes, seed: checksumSeed)
    }

    /// `value` rounded up to a multiple of `alignment`.
    @inline(__always)
    static func aligned(_ value: Int, to alignment: Int) -> Int {
        (value + alignment - 1) / alignment * alignment
    }
}

/// Where one section's bytes are in the file; its block checksums follow the bytes, at the
/// next multiple of 8.
struct SectionRef: Sendable, Equatable {
    var offset: Int
    var length: Int

    static let empty = SectionRef(offset: ArchiveFormat.dataStart, length: 0)

    /// Blocks of ``ArchiveFormat/blockSize`` (the last one possibly shorter).
    var blockCount: Int { (length + ArchiveFormat.blockSize - 1) / ArchiveFormat.blockSize }
    /// Where the checksums are.
    var checksumOffset: Int { ArchiveFormat.aligned(offset + length, to: 8) }
    /// The end of the section with its checksums.
    var end: Int { checksumOffset + 8 * blockCount }
}

/// One header slot: the commit it names.
struct ArchiveHeader: Sendable, Equatable {
    /// Commits are numbered 1, 2, … over the archive's life (a rewrite continues the count).
    var sequence: UInt64
    /// The bytes of the file this commit uses; more bytes are left over from an unfinished
    /// write, fewer mean the file was truncated.
    var committedLength: Int
    /// The commit's manifest.
    var manifest: SectionRef

    /// What a slot holds.
    enum Slot: Equatable {
        /// Zeros: never written.
        case empty
        /// Not this format's magic.
        case foreign
        /// The magic, in a format newer than ``ArchiveFormat/version``.
        case newer(version: Int)
        /// The magic, in a format older than ``ArchiveFormat/version``.
        case older(version: Int)
        /// The magic, but the checksum fails: a header write was interrupted, or the bytes
        /// were damaged.
        case damaged
        case valid(ArchiveHeader)
    }

    /// The slot's bytes: magic, version, reserved word, sequence, committed length, manifest
    /// offset and length, checksum of the 56 bytes before it; little-endian.
    var encoded: [UInt8] {
        var writer = ByteWriter(capacity: ArchiveFormat.headerSize)
        writer.put(bytes: ArchiveFormat.magic)
        writer.put(ArchiveFormat.version)
        writer.put(UInt32(0))
        writer.put(sequence)
        writer.put(UInt64(committedLength))
        writer.put(UInt64(manifest.offset))
        writer.put(UInt64(manifest.length))
        let sum = writer.bytes.withUnsafeBytes { ArchiveFormat.checksum($0) }
        writer.put(sum)
        return writer.bytes
    }

    /// Decodes a slot's first bytes (fewer than ``ArchiveFormat/headerSize`` when the file
    /// ends inside it).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Slot {
        if bytes.allSatisfy({ $0 == 0 }) { return .empty }
        guard bytes.count >= 20, bytes.prefix(16).elementsEqual(ArchiveFormat.magic) else {
            return bytes.count < 16 && ArchiveFormat.magic.starts(with: bytes) ? .damaged : .foreign
        }
        var reader = ByteReader(bytes, offset: 16)
        guard let version = try? reader.read(UInt32.self) else { return .damaged }
        if version > ArchiveFormat.version { return .newer(version: Int(version)) }
        if version < ArchiveFormat.version && version > 0 { return .older(version: Int(version)) }
        guard version == ArchiveFormat.version, bytes.count >= ArchiveFormat.headerSize else { return .damaged }
        let sum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 56, as: UInt64.self))
        guard ArchiveFormat.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<56])) == sum else { return .damaged }
        do {
            _ = try reader.read(UInt32.self)
            let sequence = try reader.read(UInt64.self)
            let length = try reader.read(UInt64.self)
            let offset = try reader.read(UInt64.self)
            let manifestLength = try reader.read(UInt64.self)
            guard length <= UInt64(Int.max), offset <= length, manifestLength <= length - offset else { return .damaged }
            return .valid(ArchiveHeader(
                sequence: sequence, committedLength: Int(length),
                manifest: SectionRef(offset: Int(offset), length: Int(manifestLength))))
        } catch {
            return .damaged
        }
    }
}
