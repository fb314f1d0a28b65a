/// Renders an `ArticleModel` to text: headline, blank line, paragraphs separated by blank lines.
///
/// - Complexity: O(length of the text).
struct ArticleRenderer {
    let cast: Cast
    let lex = LexTable.shared

    func render(_ article: ArticleModel) -> String {
        var sink = TextSink()
        sink.out.reserveCapacity(article.sentences.count * 190 + 100)
        sink.capitalizeNext = true
        emit(article.headline, &sink)
        var index = 0
        for count in article.paragraphs {
            sink.out += "\n\n"
            sink.needSpace = false
            for _ in 0..<count where index < article.sentences.count {
                render(article.sentences[index], &sink)
                index += 1
            }
        }
        return sink.out
    }

    func render(_ s: SentenceModel, _ sink: inout TextSink) {
        sink.capitalizeNext = true
        if let fixed = s.fixed {
            emit(fixed, &sink)
            sink.punct(".")
            return
        }
        if !s.opener.isEmpty {
            emit(s.opener, &sink)
            sink.punct(",")
        }
        guard let a = s.attribution else {
            body(s, &sink)
            sink.punct(".")
            return
        }
        let said = Slot.lex(group: Int32(lex.sayVerb), member: a.verbMember, form: .past)
        switch a.style {
        case .saidThat, .saidBare:
            emit(a.speaker, &sink)
            emit([said], &sink)
            if a.style == .saidThat { sink.word("that") }
            body(s, &sink)
            sink.punct(".")
        case .endSaid:
            body(s, &sink)
            sink.punct(",")
            emit(a.speaker, &sink)
            emit([said], &sink)
            sink.punct(".")
        case .endSaidInverted:
            body(s, &sink)
            sink.punct(",")
            emit([said], &sink)
            emit(a.speaker, &sink)
            sink.punct(".")
        case .accordingToFront:
            sink.word("according")
            sink.word("to")
            emit(a.speaker, &sink)
            sink.punct(",")
            body(s, &sink)
            sink.punct(".")
        case .accordingToEnd:
            body(s, &sink)
            sink.punct(",")
            sink.word("according")
            sink.word("to")
            emit(a.speaker, &sink)
            sink.punct(".")
        case .quoteEnd:
            sink.openQuote()
            body(s, &sink)
            sink.punct(",")
            sink.closeQuote()
            emit(a.speaker, &sink)
            emit([said], &sink)
            sink.punct(".")
        case .quoteFront:
            emit(a.speaker, &sink)
            emit([said], &sink)
            sink.punct(":")
            sink.openQuote()
            sink.capitalizeNext = true
            body(s, &sink)
            sink.punct(".")
            sink.closeQuote()
        }
    }

    private func body(_ s: SentenceModel, _ sink: inout TextSink) {
        if !s.lead.isEmpty && s.leadFront {
            emit(s.lead, &sink)
            sink.punct(",")
        }
        for (i, clause) in s.clauses.enumerated() {
            if i > 0 {
                sink.punct(",")
                if i - 1 < s.connectors.count { emit(s.connectors[i - 1], &sink) }
            }
            render(clause, &sink)
        }
        if !s.lead.isEmpty && !s.leadFront {
            emit(s.lead, &sink)
        }
    }

    private func render(_ c: Clause, _ sink: inout TextSink) {
        if c.passive && c.canBePassive, case .lex(let g, let m, _)? = c.verb {
            emit(c.object, &sink)
            sink.word(c.objectPlural ? "were" : "was")
            emit([.lex(group: g, member: m, form: .participle), .text("by")], &sink)
            emit(c.subject, &sink)
        } else {
            emit(c.subject, &sink)
            emit(c.prefix, &sink)
            if let v = c.verb { emit([v], &sink) }
            emit(c.object, &sink)
        }
        for tail in c.tails { emit(tail, &sink) }
    }

    func emit(_ slots: [Slot], _ sink: inout TextSink) {
        for slot in slots {
            switch slot {
            case .text(let w): sink.word(w)
            case .punct(let p): sink.punct(p)
            case .lex(let g, let m, let f): sink.word(lex.word(Int(g), Int(m), f))
            case .article: sink.pendingArticle = true
            case .place(let i): sink.word(cast.places[Int(i) % cast.places.count])
            case .org(let i, let short):
                let org = cast.orgs[Int(i) % cast.orgs.count]
                sink.word(short ? org.short : org.full)
            case .person(let i, let form):
                let p = cast.people[Int(i) % cast.people.count]
                switch form {
                case .titleFirst: sink.word("\(p.title) \(p.first) \(p.last)")
                case .titleAfter:
                    sink.word("\(p.first) \(p.last)")
                    sink.punct(",")
                    sink.word("the \(p.title.lowercased())")
                    sink.punct(",")
                case .last: sink.word(p.last)
                case .title: sink.word("the \(p.title.lowercased())")
                }
            case .figure(let f): sink.word(Self.format(f))
            }
        }
    }

    static func format(_ f: Figure) -> String {
        switch f.kind {
        case .percent:
            let n = f.value % 10 == 0 ? "\(f.value / 10)" : "\(f.value / 10).\(f.value % 10)"
            return f.style & 1 == 0 ? n + " percent" : n + "%"
        case .millions:
            let amount = f.value >= 1000 ? "\(f.value / 1000).\(f.value % 1000 / 100) billion" : "\(f.value) million"
            return f.style & 1 == 0 ? "$" + amount : amount + " dollars"
        case .count:
            let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
            if f.value < 10 && f.style & 1 == 1 { return small[f.value] }
            return f.value >= 1000 ? "\(f.value / 1000),\(String(f.value % 1000 + 1000).dropFirst())" : "\(f.value)"
        case .year:
            return "\(f.value)"
        }
    }
}

/// Accumulates words with spacing, capitalisation, punctuation and a/an.
struct TextSink {
    var out = ""
    var needSpace = false
    var capitalizeNext = false
    var pendingArticle = false

    mutating func word(_ w: String) {
        if pendingArticle {
            pendingArticle = false
            let first = w.utf8.first ?? 0
            let vowel = first == UInt8(ascii: "a") || first == UInt8(ascii: "e") || first == UInt8(ascii: "i")
                || first == UInt8(ascii: "o") || first == UInt8(ascii: "u")
            word(vowel ? "an" : "a")
        }
        if needSpace { out += " " }
        if capitalizeNext, let f = w.first, f.isLowercase {
            out += f.uppercased()
            out += w.dropFirst()
        } else {
            out += w
        }
        capitalizeNext = false
        needSpace = true
    }

    mutating func punct(_ p: String) {
        if out.last == "," { out.removeLast() }
        out += p
        needSpace = true
    }

    mutating func openQuote() {
        if needSpace { out += " " }
        out += "\""
        needSpace = false
        capitalizeNext = true
    }

    mutating func closeQuote() {
        out += "\""
        needSpace = true
    }
}
