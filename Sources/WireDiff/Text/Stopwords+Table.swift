extension Stopwords {
    /// An immutable open-addressing hash set of short byte strings, keyed by `StableHash`.
    ///
    /// Slots hold the full 64-bit hash and the index of the word; probing is linear from
    /// `hash & mask`. The table is at most a quarter full, so a miss usually ends at the
    /// first empty slot. A hit is confirmed by comparing bytes.
    ///
    /// - Complexity: building is O(total bytes); a lookup is O(1) expected plus the byte
    ///   comparison.
    struct Table: Sendable {
        /// Per slot: the word's hash (meaningless where `entries` is -1).
        let hashes: [UInt64]
        /// Per slot: the index of the word in `offsets`, or -1 for an empty slot.
        let entries: [Int32]
        /// All words' bytes, concatenated.
        let bytes: [UInt8]
        /// Word k is `bytes[offsets[k]..<offsets[k + 1]]`.
        let offsets: [Int]
        let mask: Int
        /// The longest word's length: longer inputs are rejected without hashing.
        let maxLength: Int

        init(words: [String]) {
            var capacity = 16
            while capacity < words.count * 4 { capacity *= 2 }
            var hashes = [UInt64](repeating: 0, count: capacity)
            var entries = [Int32](repeating: -1, count: capacity)
            var bytes: [UInt8] = []
            var offsets: [Int] = [0]
            var maxLength = 0
            let mask = capacity - 1
            for (k, word) in words.enumerated() {
                let utf8 = Array(word.utf8)
                let h = StableHash.hash(utf8)
                var slot = Int(truncatingIfNeeded: h) & mask
                var duplicate = false
                while entries[slot] >= 0 {
                    if hashes[slot] == h { duplicate = true; break }
                    slot = (slot + 1) & mask
                }
                precondition(!duplicate, "Stopwords.Table: duplicate word or hash collision at \"\(word)\"")
                hashes[slot] = h
                entries[slot] = Int32(k)
                bytes.append(contentsOf: utf8)
                offsets.append(bytes.count)
                maxLength = max(maxLength, utf8.count)
            }
            self.hashes = hashes
            self.entries = entries
            self.bytes = bytes
            self.offsets = offsets
            self.mask = mask
            self.maxLength = maxLength
        }

        /// The index of the word whose hash is `hash`, or nil.
        @inline(__always)
        func index(ofHash hash: UInt64) -> Int? {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = entries[slot]
                if entry < 0 { return nil }
                if hashes[slot] == hash { return Int(entry) }
                slot = (slot + 1) & mask
            }
        }

        /// Whether `word` is in the table (hash lookup, then byte comparison).
        func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = word.count
            guard n > 0 && n <= maxLength else { return false }
            guard let k = index(ofHash: StableHash.hash(word)) else { return false }
            let start = offsets[k]
            guard offsets[k + 1] - start == n else { return false }
            for j in 0..<n where bytes[start + j] != word[j] { return false }
            return true
        }
    }
}
