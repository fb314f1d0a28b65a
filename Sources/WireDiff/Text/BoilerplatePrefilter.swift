/// A necessary condition of every rule of a table, checked on a line's bytes: ``mayMatch(_:)``
/// is `false` only when no rule can match the line, so the matcher
/// (``BoilerplateRule/firstMatch(_:in:)``) runs on few lines.
///
/// Derived from the rules, never written by hand: each test gives the probes any line it
/// matches must pass (``probes(of:maxWords:)``): a part equal to one of some strings (a hash
/// lookup), starting or ending with one (``Needles`` indexed by first byte), a first word in a
/// set, a string occurring in it (`memchr`). An `all` test needs the cheapest probes of one of
/// its terms, an `any` test those of every term. The strings a part must contain are reduced
/// to the fewest substrings they share (``shared(_:)``: the seven comment-policy phrases need
/// only "comment"), for the boilerplate rules worked out ahead in a generated table
/// (``reductions``, which a test re-derives from the rules); a substring probe of an `all` test whose other term says how the line must
/// not end ("not with a period") skips the lines that do. A rule whose test gives no probe makes every line of at most its
/// `maxWords` words a candidate. Each probe keeps its rule's word limit.
///
/// - Complexity: per line, one hash of each part compared whole, a few `memcmp` per part for
///   prefixes, one `memchr` pass per substring probed.
struct BoilerplatePrefilter: Sendable {
    /// Lines of at most this many words are always candidates.
    let alwaysUpTo: Int
    /// The probes of each part that has some, cheap parts first.
    let parts: [PartProbes]
    /// Substring probes with a guard: skipped on a line whose `unlessPart` ends with one of
    /// `unlessEnds`.
    let guarded: [(part: BoilerplateRule.Part, needles: Needles, unlessPart: BoilerplateRule.Part, unlessEnds: Needles)]

    /// The pre-filter of `rules`; `reduce` merges the strings of substring probes (by
    /// default ``reduced(_:)``: ``shared(_:minimum:)``, looked up in a table worked out ahead
    /// for the boilerplate rules).
    init(_ rules: [BoilerplateRule], reduce: ([(String, Int)]) -> [(String, Int)] = BoilerplatePrefilter.reduced) {
        var alwaysUpTo = 0
        var probes: [Probe] = []
        for rule in rules {
            if let p = BoilerplatePrefilter.probes(of: rule.test, maxWords: rule.maxWords) {
                probes += p
            } else {
                alwaysUpTo = max(alwaysUpTo, rule.maxWords)
            }
        }
        self.alwaysUpTo = alwaysUpTo
        let order: [BoilerplateRule.Part] = [.core, .text, .normalized, .inner, .rest]
        let plain = probes.filter { $0.unlessEnds.isEmpty }
        parts = order.map { part in PartProbes(part, plain.filter { $0.part == part }, reduce: reduce) }.filter { !$0.isEmpty }
        // One group per probe with a guard (the guards of a probe are all checked on one part).
        guarded = probes.filter { !$0.unlessEnds.isEmpty }.map { probe in
            (probe.part, Needles(reduce(probe.strings.map { ($0, probe.maxWords) })),
             probe.unlessEnds[0].0, Needles(probe.unlessEnds.flatMap(\.1)))
        }
        precondition(probes.allSatisfy { Set($0.unlessEnds.map(\.0)).count <= 1 }, "guards on one part")
    }

    /// Whether a rule of the table may match `line`: `false` only when none can.
    func mayMatch(_ line: BoilerplateRule.Subject) -> Bool {
        if line.words <= alwaysUpTo { return true }
        let words = line.words
        // By index, not `for … in`: a `PartProbes` is large, and a loop variable is a copy.
        for k in parts.indices where words <= parts[k].maxWords {
            if parts[k].passesCheap(line[parts[k].part], words: words) { return true }
        }
        for k in parts.indices where words <= parts[k].contains.maxWords {
            if parts[k].contains.anyOccurs(in: line[parts[k].part], words: words) { return true }
        }
        for k in guarded.indices where words <= guarded[k].needles.maxWords {
            let probe = guarded[k]
            if !probe.unlessEnds.anyEnds(line[probe.unlessPart]), probe.needles.anyOccurs(in: line[probe.part], words: words) {
                return true
            }
        }
        return false
    }

    /// One necessary condition of a test on one part of a line, with the word limit of its rule.
    struct Probe {
        enum Kind: Int, Comparable {
            // In order of cost.
            case equals, starts, firstWord, ends, contains

            static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
        }

        let kind: Kind
        let part: BoilerplateRule.Part
        /// The strings (for `firstWord`: the words the first word not in `skipping` may be).
        var strings: [String] = []
        var maxWords: Int
        /// For `firstWord`: words passed over, and whether a first word of digits passes.
        var skipping: [String] = []
        var digits = false
        /// For `contains`: the probe is skipped on a line whose part ends with one of the strings.
        var unlessEnds: [(BoilerplateRule.Part, [String])] = []
    }

    /// The probes every line that passes `test` passes, or `nil` when the test gives none.
    static func probes(of test: BoilerplateRule.Test, maxWords: Int) -> [Probe]? {
        func strings(_ kind: Probe.Kind, _ part: BoilerplateRule.Part, _ needles: Needles) -> [Probe] {
            [Probe(kind: kind, part: part, strings: needles.strings.map(\.string), maxWords: maxWords)]
        }
        switch test {
        case .equals(let part, let needles): return strings(.equals, part, needles)
        case .starts(let part, let needles): return strings(.starts, part, needles)
        case .ends(let part, let needles): return strings(.ends, part, needles)
        case .contains(let part, let needles): return strings(.contains, part, needles)
        case .afterHead(let part, let heads, _): return strings(.starts, part, heads)
        case .words(let part, let classes, _):
            switch classes.first {
            case .oneOf(let set): return strings(.firstWord, part, set)
            case .digits: return [Probe(kind: .firstWord, part: part, maxWords: maxWords, digits: true)]
            default: return nil
            }
        case .everyWord(let part, let set, let ignoring):
            var probe = strings(.firstWord, part, set)[0]
            probe.skipping = ignoring.strings.map(\.string)
            return [probe]
        case .any(let tests):
            var all: [Probe] = []
            for test in tests {
                guard let p = probes(of: test, maxWords: maxWords) else { return nil }
                all += p
            }
            return all
        case .all(let tests):
            // The cheapest term's probes (the first on ties).
            // A substring probe keeps the terms that say how the line must not end (the agency
            // credit: not with a period) as its guard.
            let options = tests.compactMap { probes(of: $0, maxWords: maxWords) }
            let guards = tests.compactMap { term -> (BoilerplateRule.Part, [String])? in
                guard case .not(.ends(let part, let needles)) = term else { return nil }
                return (part, needles.strings.map(\.string))
            }
            let cheapest = options.min { ($0.map(\.kind).max() ?? .equals) < ($1.map(\.kind).max() ?? .equals) }
            return cheapest?.map { probe in
                var probe = probe
                if probe.kind == .contains { probe.unlessEnds += guards }
                return probe
            }
        case .someWord, .startsWithNumber, .allCaps, .nearEnd, .not:
            return nil
        }
    }

    /// ``shared(_:minimum:)`` of `needles`: from ``reductions`` when it holds them (the lists
    /// the boilerplate rules give, so a process does not redo the reduction at start-up), else
    /// worked out.
    ///
    /// - Complexity: O(total length of `needles` + table size) for a list in the table.
    static func reduced(_ needles: [(String, Int)]) -> [(String, Int)] {
        let key = fingerprint(needles)
        return reductions.first { $0.needles == key }?.reduced ?? shared(needles)
    }

    /// A stable hash of a list of strings with their word limits, in order: the key of
    /// ``reductions``.
    static func fingerprint(_ needles: [(String, Int)]) -> UInt64 {
        needles.reduce(UInt64(needles.count)) { hash, needle in
            StableHash.combine(StableHash.combine(hash, StableHash.hash(needle.0)), UInt64(truncatingIfNeeded: needle.1))
        }
    }

    /// The strings of `needles` reduced to the fewest probes: while some substring of at least
    /// `minimum` bytes occurs in two or more of them, the one in most (then the longest, then
    /// the first in byte order) replaces them, with the largest word limit among them.
    ///
    /// Every substring is hashed once, with the strings that hold it; a round picks the best
    /// substring by the counts of strings not yet replaced, and replacing strings lowers the
    /// counts of the substrings they hold.
    /// - Complexity: O(k · L²) to index k strings of length L, plus O(k · L² + k · L) per
    ///   round; once per process.
    static func shared(_ needles: [(String, Int)], minimum: Int = 5) -> [(String, Int)] {
        let strings = needles.map { Array($0.0.utf8) }
        // Each distinct substring of `minimum` bytes or more, by hash: where it is in the first
        // string holding it, how many strings left hold it (and the last string counted), and
        // per string the ones it holds.
        var entryOf: [UInt64: Int] = [:]
        var entries: [(string: Int, start: Int, length: Int)] = []
        var holders: [Int] = []
        var lastHolder: [Int] = []
        var held = [[Int]](repeating: [], count: strings.count)
        for (k, b) in strings.enumerated() {
            for i in b.indices where b.count - i >= minimum {
                // The hash of b[i..<j + 1], extended one byte at a time.
                var hash: UInt64 = 0
                for j in i..<b.count {
                    hash = StableHash.mix(hash ^ (UInt64(b[j]) | 0x100))
                    guard j + 1 - i >= minimum else { continue }
                    if let e = entryOf[hash] {
                        if lastHolder[e] != k {
                            lastHolder[e] = k
                            held[k].append(e)
                            holders[e] += 1
                        }
                    } else {
                        entryOf[hash] = entries.count
                        held[k].append(entries.count)
                        entries.append((k, i, j + 1 - i))
                        holders.append(1)
                        lastHolder.append(k)
                    }
                }
            }
        }
        var left = Array(strings.indices)
        var result: [(String, Int)] = []
        while true {
            var best: (strings: Int, substring: ArraySlice<UInt8>)?
            for (e, entry) in entries.enumerated() where holders[e] >= 2 {
                let substring = strings[entry.string][entry.start..<(entry.start + entry.length)]
                guard let b = best else {
                    best = (holders[e], substring)
                    continue
                }
                if (holders[e], substring.count) != (b.strings, b.substring.count) {
                    if (holders[e], substring.count) > (b.strings, b.substring.count) { best = (holders[e], substring) }
                } else if substring.lexicographicallyPrecedes(b.substring) {
                    best = (holders[e], substring)
                }
            }
            guard let substring = best?.substring else { break }
            let holds = { (k: Int) in
                strings[k].count >= substring.count
                    && (0...(strings[k].count - substring.count)).contains { strings[k][$0..<($0 + substring.count)].elementsEqual(substring) }
            }
            let replaced = left.filter(holds)
            result.append((String(decoding: substring, as: UTF8.self), replaced.map { needles[$0].1 }.max()!))
            for k in replaced { for e in held[k] { holders[e] -= 1 } }
            left.removeAll(where: holds)
        }
        return result + left.map { needles[$0] }
    }

    /// The probes of one part, compiled.
    struct PartProbes {
        let part: BoilerplateRule.Part
        /// Hashes of the strings the part may equal (value: the word limit, at most 255), and
        /// the longest of them.
        let equals: KeyTable
        let longestEqual: Int
        let starts: Needles
        let ends: Needles
        let contains: Needles
        /// The first-word probes (immortal: a copy of `PartProbes` costs no reference
        /// counting).
        let firstWords: ImmortalTable<FirstWord>
        let firstWordCount: Int
        let isEmpty: Bool
        /// The largest word limit of an equality, prefix, suffix or first-word probe.
        let maxWords: Int

        /// A probe of the first word not in `skipping`: one of `words`, or all digits.
        struct FirstWord {
            let skipping: Needles
            let words: Needles
            let digits: Bool
            let maxWords: Int
        }

        init(_ part: BoilerplateRule.Part, _ probes: [Probe], reduce: ([(String, Int)]) -> [(String, Int)]) {
            self.part = part
            func all(_ kind: Probe.Kind) -> [(String, Int)] {
                probes.filter { $0.kind == kind }.flatMap { p in p.strings.map { ($0, p.maxWords) } }
            }
            let equalStrings = all(.equals)
            // Sorted by key, then limit: of a string given twice, the table keeps the last limit,
            // the largest.
            let limits = equalStrings.map { (PartProbes.key(StableHash.hash($0.0)), UInt8(min($0.1, 255))) }
            equals = KeyTable(limits.sorted { $0 < $1 })
            longestEqual = equalStrings.map(\.0.utf8.count).max() ?? -1
            starts = Needles(all(.starts))
            ends = Needles(all(.ends))
            contains = Needles(reduce(all(.contains)))
            let firstWords = probes.filter { $0.kind == .firstWord }.map {
                FirstWord(skipping: Needles($0.skipping), words: Needles($0.strings), digits: $0.digits, maxWords: $0.maxWords)
            }
            self.firstWords = ImmortalTable(firstWords)
            firstWordCount = firstWords.count
            isEmpty = probes.isEmpty
            maxWords = probes.filter { $0.kind != .contains }.map(\.maxWords).max() ?? .min
        }

        /// A ``KeyTable`` key for a hash (0 marks an empty slot there).
        @inline(__always)
        static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

        /// Whether `s`, a part of a line of `words` words, passes an equality, prefix, suffix
        /// or first-word probe.
        func passesCheap(_ s: UnsafeBufferPointer<UInt8>, words: Int) -> Bool {
            if s.count <= longestEqual, let limit = equals.value(PartProbes.key(StableHash.hash(s))),
                words <= Int(limit) || limit == 255
            {
                return true
            }
            if words <= starts.maxWords && starts.anyStarts(s, words: words) { return true }
            if words <= ends.maxWords && ends.anyEnds(s, words: words) { return true }
            for k in 0..<firstWordCount where words <= firstWords[k].maxWords {
                if firstWords[k].passes(s) { return true }
            }
            return false
        }
    }
}

extension BoilerplatePrefilter.PartProbes.FirstWord {
    /// Whether the first word of `s` not in `skipping` passes.
    func passes(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        for word in BoilerplateRule.Words(s) where !skipping.anyEquals(word) {
            return words.anyEquals(word) || (digits && word.allSatisfy { ByteClass.isDigit($0) })
        }
        return false
    }
}
