/// The rules of ``BoilerplateDetector``, in order (the first that matches a line gives its
/// reason), and the word lists they share.
///
/// Each rule is anchored at the start of a line, bounded in length, or requires two
/// independent keywords, so a sentence of reporting that merely mentions "policy" or
/// "Reuters" is never flagged. Strings are compared with the normalized text (lowercase) unless
/// the part is ``BoilerplateRule/Part/text``. ``BoilerplatePrefilter`` derives its probes from
/// these tests: a rule whose test gives no necessary condition it can check (``nearEnd``, a
/// negation) must have a small `maxWords`, or every line becomes a candidate.
extension BoilerplateRule {
    static let table: [BoilerplateRule] = [
        BoilerplateRule("file photo caption", .caption, .starts(.text, ["FILE :", "FILE:", "FILE PHOTO"])),
        BoilerplateRule(
            "share prompt", .sharePrompt, maxWords: 6,
            .any([
                .equals(.core, ["share", "share article", "share story", "tweet", "copy link", "link copied"]),
                .starts(.core, ["share this", "share on ", "share via"]),
            ])),
        BoilerplateRule(
            "network names", .sharePrompt, maxWords: 6,
            .everyWord(.core, in: Needles(socialNetworks + ["share"]), ignoring: ["|", "/"])),
        BoilerplateRule(
            "follow prompt", .followPrompt, maxWords: 16,
            .all([
                .starts(.core, ["follow "]),
                .any([.starts(.core, ["follow us"]), .someWord(.core, in: Needles(socialNetworks)), .contains(.core, ["google news"])]),
            ])),
        BoilerplateRule("gallery counter", .galleryCounter, maxWords: 5, .any(galleryCounters)),
        BoilerplateRule("photo credit", .photoCredit, maxWords: 12, .starts(.inner, Needles(creditStarts))),
        BoilerplateRule(
            "agency credit", .photoCredit, maxWords: 8,
            .all([.not(.ends(.normalized, ["."])), .contains(.normalized, Needles(agencies))])),
        BoilerplateRule(
            "contributed", .creditLine, maxWords: 30,
            .contains(.normalized, [
                "contributed to this report", "contributed to this story", "contributed to this article",
                "contributed reporting",
            ])),
        BoilerplateRule(
            "reporting by", .creditLine,
            .any([
                .starts(.core, [
                    "reporting by ", "additional reporting by ", "writing by ", "editing by ", "compiled by ",
                    "reported by ",
                ]),
                .contains(.normalized, ["; editing by "]),
                .equals(.core, ["with agencies", "agencies contributed"]),
            ])),
        BoilerplateRule(
            "licensing", .licensing, maxWords: 20,
            .any([
                .contains(.normalized, [
                    "license rights", "licensing rights", "reprint rights", "opens new tab", "trust principles",
                    "all rights reserved",
                ]),
                .starts(.normalized, [
                    "our standards:", "©", "copyright ©", "copyright (c)", "copyright 1", "copyright 2", "(c) 20",
                ]),
                .equals(.core, ["reprints", "reprints and permissions"]),
            ])),
        BoilerplateRule(
            "comment policy", .commentPolicy,
            .all([
                .any([
                    .contains(.normalized, [
                        "commenter", "comment policy", "comments policy", "commenting guidelines", "comment guidelines",
                        "comments are moderated", "comments that violate",
                    ]),
                    .starts(.normalized, ["by commenting", "by posting a comment"]),
                ]),
                .contains(.normalized, ["policy", "terms of use", "terms of service", "guidelines", "moderat", "rules"]),
            ])),
        BoilerplateRule(
            "comment prompt", .commentPolicy,
            .equals(.core, [
                "comments", "comments are closed", "show comments", "leave a comment", "add a comment",
                "join the conversation", "load comments", "view comments", "post a comment",
            ])),
        BoilerplateRule(
            "comment count", .commentPolicy, maxWords: 4,
            .all([.ends(.core, [" comments"]), .words(.core, [.integer], exact: false)])),
        BoilerplateRule(
            "navigation", .newsletter, maxWords: 20,
            .any([.equals(.core, Needles(navigation)), .starts(.normalized, Needles(navigation.map { $0 + ":" }))])),
        BoilerplateRule(
            "newsletter", .newsletter, maxWords: 30,
            .all([
                .contains(.normalized, ["newsletter"]),
                .contains(.normalized, ["sign up", "sign-up", "subscribe", "get our", "inbox", "delivered"]),
            ])),
        BoilerplateRule(
            "subscribe", .newsletter, maxWords: 12,
            .any([
                .starts(.normalized, ["subscribe to ", "subscribe for ", "sign up for ", "sign up to "]),
                .equals(.core, ["subscribe", "sign up"]),
            ])),
        // "By Jane Doe"; "By the Example Gazette staff".
        BoilerplateRule(
            "byline", .byline, maxWords: 8,
            .all([
                .starts(.text, ["By "]),
                .words(.core, [.any, .any], exact: false),
                .not(.ends(.normalized, ["."])),
                .any([
                    .words(.text, [.any, .capitalized], exact: false),
                    .words(.text, [.any, .oneOf(["the"]), .capitalized], exact: false),
                ]),
            ])),
        // "Updated 3:04 p.m.": the first head the line starts with, then a colon, a number,
        // "at"/"on" or a month.
        BoilerplateRule(
            "timestamp", .byline, maxWords: 10,
            .afterHead(
                .normalized, Needles(timestamps),
                .any([.starts(.rest, Needles([":", "at ", "on "] + months)), .startsWithNumber(.rest)]))),
        BoilerplateRule("outlet name", .signOff, .equals(.core, Needles(outlets))),
        BoilerplateRule(
            "all-caps sign-off", .signOff, maxWords: 1, .all([.nearEnd, .allCaps(.text, length: 2...16)])),
    ]

    static let socialNetworks = [
        "facebook", "twitter", "x", "instagram", "tiktok", "telegram", "whatsapp", "youtube", "linkedin", "reddit",
        "email", "e-mail", "print", "pinterest", "threads", "bluesky", "mastodon", "flipboard", "messenger", "copy",
        "link", "sms", "mail",
    ]

    static let outlets = [
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

    /// The agency names a short photo credit line contains.
    static let agencies = [
        "getty images", "shutterstock", "ap photo", "afp photo", "reuters/", "/reuters", "/ap", "/afp", "via getty",
        "afp via", "epa-efe", "alamy", "istock", "flash90", "gpo/", "idf spokesperson's unit",
    ]

    /// Navigation heads, alone on a line or followed by a colon.
    static let navigation = [
        "more stories", "more on this", "read more", "read also", "also read", "related", "related articles",
        "related stories", "related coverage", "related content", "recommended", "most read", "most popular",
        "see also", "don't miss", "you may also like", "editor's picks", "top stories", "trending",
    ]

    /// Timestamp heads ("Updated 3:04 p.m."), longest first where one extends another.
    static let timestamps = ["last updated", "first published", "updated", "published", "posted on", "posted"]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// "5 view gallery", "view gallery", "gallery 3", "photo 3 of 12", "3 of 12", "3 / 12",
    /// "12 photos", "view full gallery".
    static let galleryCounters: [Test] = {
        let nouns: Needles = ["gallery", "photos", "photo", "images", "image", "pictures", "picture", "slides", "slide"]
        let view: Needles = ["view", "open", "see"]
        let of: Needles = ["of", "/"]
        let gallery: Needles = ["gallery"]
        return [
            .words(.core, [.digits, .oneOf(nouns)], exact: true),
            .words(.core, [.oneOf(["view", "open", "see", "launch"]), .oneOf(gallery)], exact: true),
            .words(.core, [.oneOf(gallery), .digits], exact: true),
            .words(.core, [.digits, .oneOf(view), .oneOf(nouns)], exact: true),
            .words(.core, [.digits, .oneOf(of), .digits], exact: true),
            .words(.core, [.oneOf(view), .oneOf(["full", "the", "photo"]), .oneOf(gallery)], exact: true),
            .words(.core, [.oneOf(nouns), .digits, .oneOf(of), .digits], exact: true),
        ]
    }()
}
