import Foundation

/// ``BoilerplateDetector/match(_:isNearEnd:)`` on bytes, for the lines the byte pass
/// normalized (ASCII and precomposed Latin letters and symbols, one scalar per character): the same rules in the same order, with `memcmp`
/// prefixes, `memchr` keyword search and hashed word sets instead of `String` operations.
/// On such lines every `Character` is one scalar and every keyword is ASCII, so each
/// `String` test of `match` is the byte test here; debug builds check the two agree on every line.
///
/// - Complexity: O(n) in the bytes of the line.
extension BoilerplateDetector {
    /// A set of short ASCII strings looked up by the bytes of a word.
    struct ByteSet {
        private var members: [UInt64: [[UInt8]]] = [:]

        init(_ strings: some Sequence<String>) {
            for s in strings { members[StableHash.hash(s), default: []].append(Array(s.utf8)) }
        }

        func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let candidates = members[StableHash.hash(bytes)] else { return false }
            return candidates.contains { $0.elementsEqual(bytes) }
        }
    }

    static let networkSet = ByteSet(socialNetworks)
    static let outletSet = ByteSet(outlets)
    static let navigationSet = ByteSet(navigation)
    static let commentPrompts = ByteSet([
        "comments", "comments are closed", "show comments", "leave a comment", "add a comment",
        "join the conversation", "load comments", "view comments", "post a comment",
    ])
    static let galleryNouns = ByteSet(["gallery", "photos", "photo", "images", "image", "pictures", "picture", "slides", "slide"])

    /// The words of `s` (split at single spaces, empty pieces dropped), at most `limit` of them.
    static func words(_ s: UnsafeBufferPointer<UInt8>, limit: Int) -> [UnsafeBufferPointer<UInt8>] {
        var result: [UnsafeBufferPointer<UInt8>] = []
        var k = 0
        while k < s.count, result.count < limit {
            var e = k
            while e < s.count, s[e] != 0x20 { e += 1 }
            if e > k { result.append(UnsafeBufferPointer(rebasing: s[k..<e])) }
            k = e + 1
        }
        return result
    }

    @inline(__always)
    static func equals(_ s: UnsafeBufferPointer<UInt8>, _ string: StaticString) -> Bool {
        s.count == string.utf8CodeUnitCount && starts(s, string)
    }

    static func isNumber(_ s: UnsafeBufferPointer<UInt8>) -> Bool { !s.isEmpty && s.allSatisfy { ByteClass.isDigit($0) } }

    /// `match` for a line the byte pass normalized into `n`; `text` is its original bytes.
    static func matchBytes(
        _ n: UnsafeBufferPointer<UInt8>, words: Int, text: UnsafeBufferPointer<UInt8>, isNearEnd: Bool
    ) -> BoilerplateReason? {
        var cs = 0
        var ce = n.count
        while cs < ce, isCoreStrip(n[cs]) { cs += 1 }
        while ce > cs, isCoreStrip(n[ce - 1]) { ce -= 1 }
        let core = UnsafeBufferPointer(rebasing: n[cs..<ce])
        let endsWithPeriod = n.last == UInt8(ascii: ".")

        if starts(text, "FILE :") || starts(text, "FILE:") || starts(text, "FILE PHOTO") { return .caption }

        if words <= 6 {
            if equals(core, "share") || starts(core, "share this") || starts(core, "share on ") || starts(core, "share via")
                || equals(core, "share article") || equals(core, "share story") || equals(core, "tweet")
                || equals(core, "copy link") || equals(core, "link copied")
            {
                return .sharePrompt
            }
            let names = self.words(core, limit: .max).filter { !equals($0, "|") && !equals($0, "/") }
            if !names.isEmpty, names.allSatisfy({ networkSet.contains($0) || equals($0, "share") }) { return .sharePrompt }
        }

        if words <= 16, starts(core, "follow ") {
            if starts(core, "follow us") || self.words(core, limit: .max).contains(where: { networkSet.contains($0) })
                || contains(core, "google news")
            {
                return .followPrompt
            }
        }

        if words <= 5, isGalleryCounter(self.words(core, limit: .max)) { return .galleryCounter }

        if words <= 12 {
            var inner = n
            if n.first == UInt8(ascii: "("), n.last == UInt8(ascii: ")"), n.count >= 2 {
                inner = UnsafeBufferPointer(rebasing: n[1..<(n.count - 1)])
            }
            if inner.first == 0x20 { inner = UnsafeBufferPointer(rebasing: inner[1...]) }
            if prefilterTables.credits.anyStarts(inner) { return .photoCredit }
            if words <= 8, !endsWithPeriod, prefilterTables.agencies.anyOccurs(in: n) { return .photoCredit }
        }

        if words <= 30 {
            if contains(n, "contributed to this report") || contains(n, "contributed to this story")
                || contains(n, "contributed to this article") || contains(n, "contributed reporting")
            {
                return .creditLine
            }
        }
        if starts(core, "reporting by ") || starts(core, "additional reporting by ") || starts(core, "writing by ")
            || starts(core, "editing by ") || starts(core, "compiled by ") || starts(core, "reported by ")
            || contains(n, "; editing by ") || equals(core, "with agencies") || equals(core, "agencies contributed")
        {
            return .creditLine
        }

        if words <= 20 {
            if contains(n, "license rights") || contains(n, "licensing rights") || contains(n, "reprint rights")
                || contains(n, "opens new tab") || starts(n, "our standards:") || contains(n, "trust principles")
                || contains(n, "all rights reserved") || starts(n, "©") || starts(n, "copyright ©") || starts(n, "copyright (c)")
                || starts(n, "copyright 1") || starts(n, "copyright 2") || starts(n, "(c) 20") || equals(core, "reprints")
                || equals(core, "reprints and permissions")
            {
                return .licensing
            }
        }

        if contains(n, "comment") {
            let commentSubject = contains(n, "commenter") || starts(n, "by commenting") || starts(n, "by posting a comment")
                || contains(n, "comment policy") || contains(n, "comments policy") || contains(n, "commenting guidelines")
                || contains(n, "comment guidelines") || contains(n, "comments are moderated")
                || contains(n, "comments that violate")
            let policyWord = contains(n, "policy") || contains(n, "terms of use") || contains(n, "terms of service")
                || contains(n, "guidelines") || contains(n, "moderat") || contains(n, "rules")
            if commentSubject && policyWord { return .commentPolicy }
        }
        if commentPrompts.contains(core) { return .commentPolicy }
        if words <= 4, ends(core, " comments"), let first = self.words(core, limit: 1).first,
            Int(String(decoding: first, as: UTF8.self)) != nil
        {
            return .commentPolicy
        }

        if words <= 20 {
            if navigationSet.contains(core) || equals(core, "related") { return .newsletter }
            var colon = 0
            let maxNavigation = prefilterTables.maxNavigation
            while colon < n.count, colon <= maxNavigation, n[colon] != UInt8(ascii: ":") { colon += 1 }
            if colon < n.count, colon <= maxNavigation, navigationSet.contains(UnsafeBufferPointer(rebasing: n[0..<colon])) {
                return .newsletter
            }
        }
        if words <= 30, contains(n, "newsletter"),
            contains(n, "sign up") || contains(n, "sign-up") || contains(n, "subscribe") || contains(n, "get our")
                || contains(n, "inbox") || contains(n, "delivered")
        {
            return .newsletter
        }
        if words <= 12, starts(n, "subscribe to ") || starts(n, "subscribe for ") || starts(n, "sign up for ")
            || starts(n, "sign up to ") || equals(core, "subscribe") || equals(core, "sign up")
        {
            return .newsletter
        }

        if words <= 8, starts(text, "By "), self.words(core, limit: 2).count == 2, !endsWithPeriod {
            // The second space-separated piece of the original text starts with a capital, or
            // it is "the" and the third does ("By the Example Gazette staff").
            let pieces = self.words(text, limit: 3)
            if pieces.count >= 2, isUppercase(first: pieces[1]) { return .byline }
            if pieces.count == 3, equals(pieces[1], "the"), isUppercase(first: pieces[2]) { return .byline }
        }
        if words <= 10, let stamp = timestamps.first(where: { starts(n, string: $0) }) {
            var r = stamp.utf8.count
            while r < n.count, n[r] == 0x20 { r += 1 }
            let rest = UnsafeBufferPointer(rebasing: n[r...])
            let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            if starts(rest, ":") || rest.first.map(ByteClass.isDigit) == true || starts(rest, "at ") || starts(rest, "on ")
                || months.contains(where: { starts(rest, string: $0) })
            {
                return .byline
            }
        }

        if outletSet.contains(core) { return .signOff }
        if isNearEnd, words == 1, text.count >= 2, text.count <= 16, text.allSatisfy({ ByteClass.isUpper($0) }) {
            return .signOff
        }
        return nil
    }

    /// `Character.isUppercase` of the first character of `s` (a scalar the byte pass accepts:
    /// no combining marks follow it).
    static func isUppercase(first s: UnsafeBufferPointer<UInt8>) -> Bool {
        let (v, _) = UTF8Scan.decode(s.baseAddress!, 0, s.count)
        if v < 0x80 { return ByteClass.isUpper(UInt8(v)) }
        guard let scalar = Unicode.Scalar(v) else { return false }
        return Character(scalar).isUppercase
    }

    /// ``isGalleryCounter(_:)`` on byte words.
    static func isGalleryCounter(_ w: [UnsafeBufferPointer<UInt8>]) -> Bool {
        func isView(_ s: UnsafeBufferPointer<UInt8>) -> Bool { equals(s, "view") || equals(s, "open") || equals(s, "see") }
        func isOf(_ s: UnsafeBufferPointer<UInt8>) -> Bool { equals(s, "of") || equals(s, "/") }
        switch w.count {
        case 2:
            if isNumber(w[0]) && galleryNouns.contains(w[1]) { return true }
            if (isView(w[0]) || equals(w[0], "launch")) && equals(w[1], "gallery") { return true }
            if equals(w[0], "gallery") && isNumber(w[1]) { return true }
        case 3:
            if isNumber(w[0]) && isView(w[1]) && galleryNouns.contains(w[2]) { return true }
            if isNumber(w[0]) && isOf(w[1]) && isNumber(w[2]) { return true }
            if isView(w[0]) && (equals(w[1], "full") || equals(w[1], "the") || equals(w[1], "photo")) && equals(w[2], "gallery") {
                return true
            }
        case 4:
            if galleryNouns.contains(w[0]) && isNumber(w[1]) && isOf(w[2]) && isNumber(w[3]) { return true }
        default:
            break
        }
        return false
    }
}
