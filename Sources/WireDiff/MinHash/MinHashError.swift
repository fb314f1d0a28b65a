/// Errors from comparing or decoding MinHash signatures.
package enum MinHashError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What differs between two signatures that cannot be compared.
    package enum Mismatch: Sendable, Hashable {
        case scheme(MinHashScheme, MinHashScheme)
        case seed(UInt64, UInt64)
        case permutations(Int, Int)
        case shingleSettings(UInt64, UInt64)
    }

    /// The two signatures were made with different parameters; any estimate would be wrong.
    case incompatible(Mismatch)
    /// The bytes do not start with the signature magic `WDMH`.
    case badMagic
    /// The format version is newer (or older) than this build reads.
    case unsupportedVersion(UInt8)
    /// The scheme byte names no known ``MinHashScheme``.
    case unknownScheme(UInt8)
    /// The bytes end early or have extra bytes after the values.
    case wrongLength(expected: Int, actual: Int)
    /// LSH parameters need more permutations than the signature has.
    case tooFewPermutations(required: Int, actual: Int)

    package var description: String {
        switch self {
        case .incompatible(let mismatch):
            switch mismatch {
            case .scheme(let a, let b): "incompatible MinHash signatures: scheme \(a) vs \(b)"
            case .seed(let a, let b): "incompatible MinHash signatures: seed \(a) vs \(b)"
            case .permutations(let a, let b): "incompatible MinHash signatures: \(a) vs \(b) permutations"
            case .shingleSettings(let a, let b):
                "incompatible MinHash signatures: shingle settings 0x\(String(a, radix: 16)) vs 0x\(String(b, radix: 16))"
            }
        case .badMagic: "not a MinHash signature (bad magic bytes)"
        case .unsupportedVersion(let v): "unsupported MinHash signature format version \(v)"
        case .unknownScheme(let s): "unknown MinHash scheme \(s)"
        case .wrongLength(let e, let a): "MinHash signature has \(a) bytes, expected \(e)"
        case .tooFewPermutations(let r, let a): "LSH needs \(r) permutations, signature has \(a)"
        }
    }
}
