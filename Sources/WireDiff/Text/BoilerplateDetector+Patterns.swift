/// The line patterns of ``BoilerplateDetector``.
extension BoilerplateDetector {
    static let socialNetworks: Set<String> = [
        "facebook", "twitter", "x", "instagram", "tiktok", "telegram", "whatsapp", "youtube", "linkedin", "reddit",
        "email", "e-mail", "print", "pinterest", "threads", "bluesky", "mastodon", "flipboard", "messenger", "copy",
        "link", "sms", "mail",
    ]

    static let outlets: Set<String> = [
        "axios", "reuters", "ap", "afp", "the associated press", "associated press", "cnn", "bbc", "bbc news", "ynet",
        "ynetnews", "ynet news", "bloomberg", "times of israel", "the times of israel", "al jazeera", "xinhua", "tass",
        "dpa", "upi", "npr", "the new york times", "nyt", "the washington post", "wsj", "the wall street journal",
        "politico", "ani", "pti", "efe", "ansa", "kyodo", "yonhap", "the guardian", "sky news", "fox news",
        "nbc news", "cbs news", "abc news", "haaretz", "jns", "jta", "i24news", "anadolu", "reuters staff",
        "agencies", "wires", "wire services",
    ]

    /// How a photo credit line starts (after an opening parenthesis).
    static let creditStarts = [
        "photo:", "photos:", "photo credit", "photograph:", "photography:", "image:", "images:", "credit:",
        "credits:", "picture:", "pictures:", "illustration:", "photo by ", "photos by ", "photograph by ",
        "image credit", "video:", "screenshot:", "graphic:", "footage:",
    ]

    /// Navigation heads, alone on a line or followed by a colon.
    static let navigation = [
        "more stories", "more on this", "read more", "read also", "also read", "related", "related articles",
        "related stories", "related coverage", "related content", "recommended", "most read", "most popular",
        "see also", "don't miss", "you may also like", "editor's picks", "top stories", "trending",
    ]

    /// Timestamp heads ("Updated 3:04 p.m."), longest first where one extends another.
    static let timestamps = ["last updated", "first published", "updated", "published", "posted on", "posted"]

    /// The first pattern the line matches, or `nil`.
    static func match(_ line: Line, isNearEnd: Bool) -> BoilerplateReason? {
        let core = line.core
        let n = line.normalized
        let words = line.words
        let coreWords = core.split(separator: " ").map(String.init)

        // Caption: "FILE : …", "FILE PHOTO: …" (uppercase in the original).
        if line.text.hasPrefix("FILE :") || line.text.hasPrefix("FILE:") || line.text.hasPrefix("FILE PHOTO") {
            return .caption
        }

        // Share prompts.
        if words <= 6 {
            if core == "share" || core.hasPrefix("share this") || core.hasPrefix("share on ") || core.hasPrefix("share via")
                || core == "share article" || core == "share story" || core == "tweet" || core == "copy link"
                || core == "link copied"
            {
                return .sharePrompt
            }
            let names = coreWords.filter { $0 != "|" && $0 != "/" }
            if !names.isEmpty, names.allSatisfy({ socialNetworks.contains($0) || $0 == "share" }) {
                return .sharePrompt
            }
        }

        // Follow prompts.
        if words <= 16, core.hasPrefix("follow ") {
            if core.hasPrefix("follow us") || coreWords.contains(where: { socialNetworks.contains($0) })
                || core.contains("google news")
            {
                return .followPrompt
            }
        }

        // Gallery counters.
        if words <= 5, isGalleryCounter(coreWords) { return .galleryCounter }

        // Photo credits.
        if words <= 12 {
            var inner = Substring(n)
            if inner.hasPrefix("("), inner.hasSuffix(")") { inner = inner.dropFirst().dropLast() }
            let innerCore = inner.trimmingPrefix(" ")
            if creditStarts.contains(where: { innerCore.hasPrefix($0) }) { return .photoCredit }
            if words <= 8, !n.hasSuffix("."), agencies.contains(where: { n.contains($0) }) { return .photoCredit }
        }

        // Credit lines.
        if words <= 30 {
            if n.contains("contributed to this report") || n.contains("contributed to this story")
                || n.contains("contributed to this article") || n.contains("contributed reporting")
            {
                return .creditLine
            }
        }
        if core.hasPrefix("reporting by ") || core.hasPrefix("additional reporting by ") || core.hasPrefix("writing by ")
            || core.hasPrefix("editing by ") || core.hasPrefix("compiled by ") || core.hasPrefix("reported by ")
            || n.contains("; editing by ") || core == "with agencies" || core == "agencies contributed"
        {
            return .creditLine
        }

        // Licensing.
        if words <= 20 {
            if n.contains("license rights") || n.contains("licensing rights") || n.contains("reprint rights")
                || n.contains("opens new tab") || n.hasPrefix("our standards:") || n.contains("trust principles")
                || n.contains("all rights reserved") || n.hasPrefix("©") || n.hasPrefix("copyright ©") || n.hasPrefix("copyright (c)")
                || n.hasPrefix("copyright 1") || n.hasPrefix("copyright 2") || n.hasPrefix("(c) 20") || core == "reprints" || core == "reprints and permissions"
            {
                return .licensing
            }
        }

        // Comment policy.
        let commentSubject = n.contains("commenter") || n.hasPrefix("by commenting") || n.hasPrefix("by posting a comment")
            || n.contains("comment policy") || n.contains("comments policy") || n.contains("commenting guidelines")
            || n.contains("comment guidelines") || n.contains("comments are moderated")
            || n.contains("comments that violate")
        let policyWord = n.contains("policy") || n.contains("terms of use") || n.contains("terms of service")
            || n.contains("guidelines") || n.contains("moderat") || n.contains("rules")
        if commentSubject && policyWord { return .commentPolicy }
        if ["comments", "comments are closed", "show comments", "leave a comment", "add a comment",
            "join the conversation", "load comments", "view comments", "post a comment"].contains(core)
            || (words <= 4 && core.hasSuffix(" comments") && coreWords.first.map { Int($0) != nil } == true)
        {
            return .commentPolicy
        }

        // Newsletters and navigation.
        if words <= 20, navigation.contains(where: { core == $0 || n.hasPrefix($0 + ":") }) || core == "related" {
            return .newsletter
        }
        if words <= 30, n.contains("newsletter"),
            n.contains("sign up") || n.contains("sign-up") || n.contains("subscribe") || n.contains("get our")
                || n.contains("inbox") || n.contains("delivered")
        {
            return .newsletter
        }
        if words <= 12, n.hasPrefix("subscribe to ") || n.hasPrefix("subscribe for ") || n.hasPrefix("sign up for ")
            || n.hasPrefix("sign up to ") || core == "subscribe" || core == "sign up"
        {
            return .newsletter
        }

        // Bylines and timestamps.
        // "By Jane Doe"; "By the Example Gazette staff".
        if words <= 8, line.text.hasPrefix("By "), let second = coreWords.dropFirst().first, !second.isEmpty,
            !n.hasSuffix(".")
        {
            let pieces = Array(line.text.split(separator: " ").prefix(3))
            if pieces.count >= 2, pieces[1].first?.isUppercase == true { return .byline }
            if pieces.count == 3, pieces[1] == "the", pieces[2].first?.isUppercase == true { return .byline }
        }
        if words <= 10, let stamp = timestamps.first(where: { n.hasPrefix($0) })
        {
            // The stamp must be followed by a colon, a time or date, or "at"/"on": "Updated 3:04 p.m.".
            let rest = n.dropFirst(stamp.count).drop(while: { $0 == " " })
            let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            if rest.hasPrefix(":") || rest.first?.isNumber == true || rest.hasPrefix("at ") || rest.hasPrefix("on ")
                || months.contains(where: { rest.hasPrefix($0) })
            {
                return .byline
            }
        }

        // Sign-offs.
        var outlet = Substring(core)
        while let c = outlet.first, c == "-" || c == " " || c == "(" { outlet = outlet.dropFirst() }
        if outlets.contains(String(outlet)) { return .signOff }
        if isNearEnd, words == 1, line.text.count >= 2, line.text.count <= 16,
            line.text.allSatisfy({ $0.isASCII && $0.isUppercase })
        {
            return .signOff
        }
        return nil
    }

    /// "5 view gallery", "view gallery", "photo 3 of 12", "3 of 12", "3 / 12", "12 photos".
    static func isGalleryCounter(_ w: [String]) -> Bool {
        func isNumber(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        let nouns: Set<String> = ["gallery", "photos", "photo", "images", "image", "pictures", "picture", "slides", "slide"]
        switch w.count {
        case 2:
            if isNumber(w[0]) && nouns.contains(w[1]) { return true }
            if ["view", "open", "see", "launch"].contains(w[0]) && w[1] == "gallery" { return true }
            if w[0] == "gallery" && isNumber(w[1]) { return true }
        case 3:
            if isNumber(w[0]) && ["view", "open", "see"].contains(w[1]) && nouns.contains(w[2]) { return true }
            if isNumber(w[0]) && (w[1] == "of" || w[1] == "/") && isNumber(w[2]) { return true }
            if ["view", "open", "see"].contains(w[0]) && ["full", "the", "photo"].contains(w[1]) && w[2] == "gallery" {
                return true
            }
        case 4:
            if nouns.contains(w[0]) && isNumber(w[1]) && (w[2] == "of" || w[2] == "/") && isNumber(w[3]) { return true }
        default:
            break
        }
        return false
    }
}
