extension BoilerplateDetector {
    /// The lines of an article seen so far, by their normalized bytes, for the repeated-line
    /// rule: an open-addressing table of line indices keyed by ``BoilerplateDetector/lineKey(_:)``.
    ///
    /// - Complexity: O(1) expected per line (one key, usually one comparison).
    struct RepeatedLines {
        private var slots: [Int]
        private let mask: Int
        /// The key of each line inserted, by line index.
        private var keys: [UInt64]

        /// A table for an article of `lines` lines.
        init(lines: Int) {
            var capacity = 16
            while capacity < 2 * lines { capacity *= 2 }
            mask = capacity - 1
            slots = [Int](repeating: -1, count: capacity)
            keys = [UInt64](repeating: 0, count: lines)
        }

        /// Whether an earlier line has the normalized bytes `text` of line `index` (line `k`'s
        /// are `arena[lines[k].normalized]`); records line `index` when none has.
        mutating func insert(
            _ index: Int, _ text: UnsafeBufferPointer<UInt8>, arena: UnsafeBufferPointer<UInt8>, lines: [LineFacts]
        ) -> Bool {
            let key = BoilerplateDetector.lineKey(text)
            keys[index] = key
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] >= 0 {
                let k = slots[slot]
                if keys[k] == key, UnsafeBufferPointer(rebasing: arena[lines[k].normalized]).elementsEqual(text) { return true }
                slot = (slot + 1) & mask
            }
            slots[slot] = index
            return false
        }
    }

    /// A key of a line's normalized bytes for the repeated-line table: its length and three
    /// of its 8-byte words (first, middle, last), mixed. Equal lines have equal keys; lines
    /// with equal keys are compared byte by byte, so the key only has to spread lines over the
    /// table, and it costs O(1) instead of a hash of every byte of the article.
    static func lineKey(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let p = text.baseAddress else { return 0 }
        let n = text.count
        @inline(__always) func word(_ at: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self))
        }
        var key = UInt64(truncatingIfNeeded: n) &* StableHash.p1
        if n >= 8 {
            key ^= StableHash.mix(word(0) ^ StableHash.p0) ^ word((n - 8) / 2) ^ StableHash.mix(word(n - 8) &+ StableHash.p2)
        } else {
            var tail: UInt64 = 0
            for k in 0..<n { tail |= UInt64(p[k]) << UInt64(8 * k) }
            key ^= tail
        }
        return StableHash.mix(key)
    }
}
