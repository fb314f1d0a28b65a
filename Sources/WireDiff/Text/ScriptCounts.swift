/// Letters of a text counted per writing system, to find an article's dominant script and
/// lines written in another one.
struct ScriptCounts {
    /// The writing systems told apart.
    enum Script: Int, CaseIterable {
        case latin, hebrew, arabic, cyrillic, greek, cjk, other
    }

    private(set) var counts = [Int](repeating: 0, count: Script.allCases.count)

    init() {}

    /// Counts the letters of `text`.
    init(_ text: String) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if ByteClass.isLetter(UInt8(v)) { counts[Script.latin.rawValue] += 1 }
                continue
            }
            guard let script = ScriptCounts.script(of: scalar) else { continue }
            counts[script.rawValue] += 1
        }
    }

    /// The script of a non-ASCII letter, or `nil` for non-letters.
    static func script(of scalar: Unicode.Scalar) -> Script? {
        let v = scalar.value
        switch v {
        case 0x0590...0x05ff, 0xfb1d...0xfb4f: return .hebrew
        case 0x0600...0x06ff, 0x0750...0x077f, 0x08a0...0x08ff, 0xfb50...0xfdff, 0xfe70...0xfeff: return .arabic
        case 0x0400...0x052f: return .cyrillic
        case 0x0370...0x03ff, 0x1f00...0x1fff: return .greek
        case 0x3040...0x30ff, 0x3400...0x4dbf, 0x4e00...0x9fff, 0xac00...0xd7af, 0xf900...0xfaff: return .cjk
        default: break
        }
        guard scalar.properties.isAlphabetic else { return nil }
        switch v {
        case 0x00c0...0x024f, 0x1e00...0x1eff: return .latin
        default: return .other
        }
    }

    mutating func add(_ other: ScriptCounts) {
        for k in counts.indices { counts[k] += other.counts[k] }
    }

    func count(of script: Script) -> Int { counts[script.rawValue] }

    var total: Int { counts.reduce(0, +) }

    /// The script with the most letters, or `nil` when there are none.
    var dominant: Script? {
        var best: Script?
        var bestCount = 0
        for script in Script.allCases where counts[script.rawValue] > bestCount {
            best = script
            bestCount = counts[script.rawValue]
        }
        return best
    }
}
