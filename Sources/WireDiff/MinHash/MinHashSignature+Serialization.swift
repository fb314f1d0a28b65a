extension MinHashSignature {
    /// The magic bytes that start a serialized signature: `WDMH`.
    package static let magic: [UInt8] = [0x57, 0x44, 0x4D, 0x48]
    /// The format version written by ``serialized()``.
    package static let formatVersion: UInt8 = 1
    /// Header length in bytes before the values.
    static let headerSize = 36

    /// The length of a serialized signature with `permutations` values: 36 + 4·N.
    package static func serializedByteCount(permutations: Int) -> Int { headerSize + 4 * permutations }

    /// The signature as versioned, little-endian bytes.
    ///
    /// Layout (version 1):
    ///
    /// | offset | size | field |
    /// |---|---|---|
    /// | 0 | 4 | magic `WDMH` |
    /// | 4 | 1 | format version (1) |
    /// | 5 | 1 | scheme (``MinHashScheme`` raw value) |
    /// | 6 | 2 | reserved, 0 |
    /// | 8 | 8 | seed |
    /// | 16 | 4 | N (permutations) |
    /// | 20 | 8 | shingle settings |
    /// | 28 | 8 | set size |
    /// | 36 | 4·N | values |
    package func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.headerSize + 4 * permutations)
        out.append(contentsOf: Self.magic)
        out.append(Self.formatVersion)
        out.append(scheme.rawValue)
        out.append(contentsOf: [0, 0])
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }
        put(seed)
        put(UInt32(permutations))
        put(shingleSettings)
        put(UInt64(setSize))
        for value in values { put(value) }
        return out
    }

    /// Decodes a signature written by ``serialized()``.
    ///
    /// - Throws: ``MinHashError/badMagic``, ``MinHashError/unsupportedVersion(_:)``,
    ///   ``MinHashError/unknownScheme(_:)`` or ``MinHashError/wrongLength(expected:actual:)``.
    package init(serialized bytes: [UInt8]) throws(MinHashError) {
        try self.init(serialized: bytes[...])
    }

    /// Decodes a signature from exactly the bytes of `bytes` (e.g. one record of a file of
    /// concatenated signatures; see ``serializedByteCount(permutations:)``).
    package init(serialized bytes: ArraySlice<UInt8>) throws(MinHashError) {
        let base = bytes.startIndex
        let magicMatches = bytes.count >= 4 && bytes.prefix(4).elementsEqual(Self.magic)
        if !magicMatches { throw .badMagic }
        if bytes.count < 6 { throw .wrongLength(expected: Self.headerSize, actual: bytes.count) }
        if bytes[base + 4] != Self.formatVersion { throw .unsupportedVersion(bytes[base + 4]) }
        guard let scheme = MinHashScheme(rawValue: bytes[base + 5]) else { throw .unknownScheme(bytes[base + 5]) }
        if bytes.count < Self.headerSize { throw .wrongLength(expected: Self.headerSize, actual: bytes.count) }
        func get<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
            var value: T = 0
            for i in 0..<MemoryLayout<T>.size { value |= T(bytes[base + offset + i]) << (8 * i) }
            return value
        }
        let n = Int(get(16, as: UInt32.self))
        let expected = Self.headerSize + 4 * n
        if bytes.count != expected { throw .wrongLength(expected: expected, actual: bytes.count) }
        var values = [UInt32](repeating: 0, count: n)
        for i in 0..<n { values[i] = get(Self.headerSize + 4 * i, as: UInt32.self) }
        let setSize = get(28, as: UInt64.self)
        self.init(
            scheme: scheme, seed: get(8, as: UInt64.self), shingleSettings: get(20, as: UInt64.self),
            setSize: Int(truncatingIfNeeded: min(setSize, UInt64(Int.max))), values: values)
    }
}
