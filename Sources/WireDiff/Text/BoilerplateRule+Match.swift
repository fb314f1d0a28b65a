import Foundation

/// The matcher: the rules of ``BoilerplateRule/table`` evaluated on a line's UTF-8 bytes.
extension BoilerplateRule {
    /// The reason of the first rule of `rules` that matches `line`, or `nil`.
    /// - Complexity: O(rules · n) in the bytes of the line.
    static func firstMatch(_ line: Subject, in rules: [BoilerplateRule] = table) -> BoilerplateReason? {
        for rule in rules where line.words <= rule.maxWords && rule.test.holds(for: line) { return rule.reason }
        return nil
    }

    /// One line as the rules see it: its parts as UTF-8 bytes, its word count and place.
    struct Subject {
        let text: UnsafeBufferPointer<UInt8>
        let normalized: UnsafeBufferPointer<UInt8>
        /// ``Part/core``.
        let core: UnsafeBufferPointer<UInt8>
        /// ``Part/rest`` while an ``Test/afterHead(_:_:_:)`` test runs; empty otherwise.
        var rest = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        /// Space-separated words of the normalized text.
        let words: Int
        let isNearEnd: Bool

        init(text: UnsafeBufferPointer<UInt8>, normalized: UnsafeBufferPointer<UInt8>, words: Int, isNearEnd: Bool) {
            self.text = text
            self.normalized = normalized
            self.words = words
            self.isNearEnd = isNearEnd
            core = Subject.core(of: normalized)
        }

        /// The bytes of `part`.
        subscript(part: Part) -> UnsafeBufferPointer<UInt8> {
            switch part {
            case .text: text
            case .normalized: normalized
            case .core: core
            case .inner: Subject.inner(of: normalized)
            case .rest: rest
            }
        }

        /// ``Part/core`` of normalized bytes: without the bytes of ``isCoreStrip(_:)`` and "•" at
        /// either end.
        static func core(of n: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            var cs = 0
            var ce = n.count
            while cs < ce {
                if isCoreStrip(n[cs]) {
                    cs += 1
                } else if isBullet(n, at: cs, end: ce) {
                    cs += 3
                } else {
                    break
                }
            }
            while ce > cs {
                if isCoreStrip(n[ce - 1]) {
                    ce -= 1
                } else if ce - cs >= 3, isBullet(n, at: ce - 3, end: ce) {
                    ce -= 3
                } else {
                    break
                }
            }
            return UnsafeBufferPointer(rebasing: n[cs..<ce])
        }

        /// The ASCII bytes the core strips from both ends: `" :.!|-<>*()[],"`.
        @inline(__always)
        static func isCoreStrip(_ b: UInt8) -> Bool {
            switch b {
            case 0x20, 0x3a, 0x2e, 0x21, 0x7c, 0x2d, 0x3c, 0x3e, 0x2a, 0x28, 0x29, 0x5b, 0x5d, 0x2c: true
            default: false
            }
        }

        /// Whether "•" (U+2022, E2 80 A2) starts at `at` and ends by `end`.
        @inline(__always)
        static func isBullet(_ n: UnsafeBufferPointer<UInt8>, at: Int, end: Int) -> Bool {
            at + 3 <= end && n[at] == 0xe2 && n[at + 1] == 0x80 && n[at + 2] == 0xa2
        }

        /// ``Part/inner`` of normalized bytes.
        static func inner(of n: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            var inner = n
            if n.count >= 2, n.first == UInt8(ascii: "("), n.last == UInt8(ascii: ")") {
                inner = UnsafeBufferPointer(rebasing: n[1..<(n.count - 1)])
            }
            if inner.first == 0x20 { inner = UnsafeBufferPointer(rebasing: inner[1...]) }
            return inner
        }
    }

    /// The words of a byte buffer (split at spaces, empty pieces dropped), without allocating.
    struct Words: Sequence, IteratorProtocol {
        let s: UnsafeBufferPointer<UInt8>
        var k = 0

        init(_ s: UnsafeBufferPointer<UInt8>) { self.s = s }

        mutating func next() -> UnsafeBufferPointer<UInt8>? {
            while k < s.count {
                var e = k
                while e < s.count, s[e] != 0x20 { e += 1 }
                defer { k = e + 1 }
                if e > k { return UnsafeBufferPointer(rebasing: s[k..<e]) }
            }
            return nil
        }
    }
}

extension BoilerplateRule.Test {
    /// Whether the line passes the test.
    func holds(for line: BoilerplateRule.Subject) -> Bool {
        switch self {
        case .equals(let part, let needles): needles.anyEquals(line[part])
        case .starts(let part, let needles): needles.anyStarts(line[part])
        case .ends(let part, let needles): needles.anyEnds(line[part])
        case .contains(let part, let needles): needles.anyOccurs(in: line[part])
        case .words(let part, let classes, let exact):
            BoilerplateRule.Test.words(line[part], are: classes, exact: exact)
        case .everyWord(let part, let set, let ignoring):
            BoilerplateRule.Test.everyWord(line[part], in: set, ignoring: ignoring)
        case .someWord(let part, let set): BoilerplateRule.Words(line[part]).contains { set.anyEquals($0) }
        case .afterHead(let part, let heads, let test): BoilerplateRule.Test.afterHead(line, part, heads, test)
        case .startsWithNumber(let part): BoilerplateRule.Test.startsWithNumber(line[part])
        case .allCaps(let part, let length):
            length.contains(line[part].count) && line[part].allSatisfy { ByteClass.isUpper($0) }
        case .nearEnd: line.isNearEnd
        case .all(let tests): tests.allSatisfy { $0.holds(for: line) }
        case .any(let tests): tests.contains { $0.holds(for: line) }
        case .not(let test): !test.holds(for: line)
        }
    }

    static func words(_ s: UnsafeBufferPointer<UInt8>, are classes: [BoilerplateRule.WordClass], exact: Bool) -> Bool {
        var words = BoilerplateRule.Words(s)
        for wordClass in classes {
            guard let word = words.next(), wordClass.matches(word) else { return false }
        }
        return !exact || words.next() == nil
    }

    static func everyWord(_ s: UnsafeBufferPointer<UInt8>, in set: Needles, ignoring: Needles) -> Bool {
        var any = false
        for word in BoilerplateRule.Words(s) where !ignoring.anyEquals(word) {
            guard set.anyEquals(word) else { return false }
            any = true
        }
        return any
    }

    /// ``afterHead(_:_:_:)``: the first head `line[part]` starts with, in the order of `heads`.
    static func afterHead(_ line: BoilerplateRule.Subject, _ part: BoilerplateRule.Part, _ heads: Needles, _ test: Self) -> Bool {
        let s = line[part]
        guard var r = heads.firstPrefix(of: s) else { return false }
        while r < s.count, s[r] == 0x20 { r += 1 }
        var line = line
        line.rest = UnsafeBufferPointer(rebasing: s[r...])
        return test.holds(for: line)
    }

    static func startsWithNumber(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = firstScalar(s) else { return false }
        return first.properties.numericType != nil
    }

    /// The first scalar of `s` (valid UTF-8), or `nil` when `s` is empty.
    static func firstScalar(_ s: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard let base = s.baseAddress, !s.isEmpty else { return nil }
        return Unicode.Scalar(UTF8Scan.decode(base, 0, s.count).value)
    }
}

extension BoilerplateRule.WordClass {
    func matches(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .any: true
        case .digits: !word.isEmpty && word.allSatisfy { ByteClass.isDigit($0) }
        case .integer: Int(String(decoding: word, as: UTF8.self)) != nil
        case .capitalized: BoilerplateRule.Test.firstScalar(word).map { Character($0).isUppercase } ?? false
        case .oneOf(let set): set.anyEquals(word)
        }
    }
}
