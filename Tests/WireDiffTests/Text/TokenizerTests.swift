import Testing
@testable import WireDiff

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    func norms(_ text: String) -> [String] { tokenizer.normalizedTokens(in: text) }

    /// The original spelling of each token.
    func spans(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return tokenizer.tokens(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test func wordsAreLowercased() {
        #expect(norms("Hezbollah URGED Iran") == ["hezbollah", "urged", "iran"])
    }

    @Test(arguments: [
        ("1,600 sites", ["1600", "sites"]),
        ("11,000 Palestinians", ["11000", "palestinians"]),
        ("rose 3.5% today", ["rose", "3.5%", "today"]),
        ("$1.2 billion", ["$1.2", "billion"]),
        ("€5 and £1,200", ["€5", "and", "£1200"]),
        ("in the 1980s", ["in", "the", "1980s"]),
        ("on Oct. 7, 2023.", ["on", "oct", "7", "2023"]),
    ])
    func numbersAreOneToken(text: String, expected: [String]) {
        #expect(norms(text) == expected)
    }

    @Test func numberKindAndSpan() {
        let tokens = tokenizer.tokens(in: "$1.2 billion")
        #expect(tokens.map(\.kind) == [.number, .word])
        #expect(spans("$1.2 billion, 3.5%.") == ["$1.2", "billion", "3.5%"])
    }

    @Test func possessivesAreStrippedConsistently() {
        #expect(norms("Iran’s Iran's IRAN'S Hamas’ Hamas's") == ["iran", "iran", "iran", "hamas", "hamas"])
        #expect(spans("Iran’s mission") == ["Iran", "mission"])
        let hashes = tokenizer.tokens(in: "Iran’s Iran's Iran iran").map(\.hash)
        #expect(Set(hashes).count == 1)
    }

    @Test func innerApostrophesAreDropped() {
        #expect(norms("didn’t don't Shi'ite O’Brien") == ["didnt", "dont", "shiite", "obrien"])
    }

    @Test func hyphenatedWordsSplitIntoParts() {
        #expect(norms("Iran-backed long-time Hezbollah-controlled") == ["iran", "backed", "long", "time", "hezbollah", "controlled"])
        #expect(norms("long-time") == norms("long time"))
    }

    @Test func acronymsWithPeriodsAreOneToken() {
        #expect(norms("U.S. and U.N. at 5 p.m.") == ["us", "and", "un", "at", "5", "pm"])
        #expect(spans("the U.S. into") == ["the", "U.S.", "into"])
        #expect(norms("U.S.-Saudi") == ["us", "saudi"])
        #expect(norms("U.S.") == norms("US"))
        #expect(norms("Maj. Gen. Pat J. Ryder") == ["maj", "gen", "pat", "j", "ryder"])
    }

    @Test func nonLatinScripts() {
        #expect(norms("יואב גלנט") == ["יואב", "גלנט"])
        #expect(norms("حزب الله") == ["حزب", "الله"])
        #expect(norms("Москва, Кремль.") == ["москва", "кремль"])
        #expect(norms("Ελλάδα") == ["ελλάδα"])
        let tokens = tokenizer.tokens(in: "Москва")
        #expect(tokens.first?.flags.contains(.nonASCII) == true)
        #expect(tokens.first?.flags.contains(.capitalized) == true)
    }

    @Test func cjkIsOneTokenPerCharacter() {
        let tokens = tokenizer.tokens(in: "東京都 ひらがな")
        #expect(tokens.count == 7)
        #expect(tokens.allSatisfy { $0.kind == .ideograph })
        #expect(norms("東京") == ["東", "京"])
    }

    @Test func nfkcAndCaseFolding() {
        #expect(norms("Ｆｕｌｌ ﬁre ÉCOLE") == ["full", "fire", "école"])
        // Composed and decomposed é hash alike.
        #expect(norms("caf\u{E9}") == norms("cafe\u{301}"))
    }

    @Test func flags() {
        let tokens = tokenizer.tokens(in: "AXIOS said the UN and Gallant met A.")
        #expect(tokens[0].flags == [.capitalized, .allCaps, .sentenceInitial])
        #expect(tokens[1].flags == [])
        #expect(tokens[3].flags == [.capitalized, .allCaps])
        #expect(tokens[5].flags == [.capitalized])
        #expect(tokens[7].flags == [.capitalized])  // one letter: not allCaps
    }

    @Test func hashIsStableHashOfNormalizedForm() {
        let text = "DUBAI, Nov 15 – Iran’s U.S.-backed $1.2 billion deal, 3.5% of 11,000; “didn’t” יואב 東京 Москва " +
            String(repeating: "x", count: 300)
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { buffer in
            tokenizer.tokenize(buffer, range: 0..<buffer.count, into: &tokens)
            for token in tokens {
                #expect(token.hash == StableHash.hash(Tokenizer.normalizedForm(of: token, in: buffer)))
            }
        }
        #expect(tokens.count == 18)
        #expect(StableHash.hash("iran") == tokenizer.tokens(in: "Iran’s").first?.hash)
    }

    @Test func rangeLimitsTokensAndFirstIsSentenceInitial() {
        let text = "One two. Three four."
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { tokenizer.tokenize($0, range: 9..<bytes.count, into: &tokens) }
        #expect(tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Three", "four"])
        #expect(tokens[0].flags.contains(.sentenceInitial))
        #expect(!tokens[1].flags.contains(.sentenceInitial))
    }

    @Test func appendsWithoutClearing() {
        var tokens = tokenizer.tokens(in: "alpha")
        let bytes = Array("beta gamma".utf8)
        bytes.withUnsafeBufferPointer { tokenizer.tokenize($0, range: 0..<$0.count, into: &tokens) }
        #expect(tokens.count == 3)
    }

    @Test func manyTokensAcrossStagingBatches() {
        let text = (0..<500).map { "w\($0)" }.joined(separator: " ")
        let tokens = tokenizer.tokens(in: text)
        #expect(tokens.count == 500)
        #expect(norms(text).last == "w499")
    }

    @Test func punctuationAndSymbolsSeparate() {
        #expect(norms("“Hello,” — she said… (ok) #tag @user 🙂") == ["hello", "she", "said", "ok", "tag", "user"])
        #expect(tokenizer.tokens(in: "  ... — ").isEmpty)
    }
}

/// Words with precomposed Latin letters take a byte path in the tokenizer; their hashes must
/// stay those of the Unicode normalizer's form.
@Suite struct TokenizerLatinTests {
    @Test(arguments: [
        "Zürich", "ÆRØ Ærø", "Łódź", "naïve", "Éric’s", "São Paulo’s", "ŞİŞLİ", "d’Estaing", "Ōsaka", "ǅemal",
        "Straße", "ÿes", "Ñandú", "ªbc", "µg", "e\u{301}té", "Ａbc", "ﬁnal", "Москва", "Ṁa", "l'Été", "o\u{2060}k",
    ])
    func hashIsTheNormalizedFormsHash(text: String) {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { buffer in
            Tokenizer().tokenize(buffer, range: 0..<buffer.count, into: &tokens)
            #expect(!tokens.isEmpty)
            for token in tokens {
                let normalized = Tokenizer.normalizedForm(of: token, in: buffer)
                #expect(token.hash == StableHash.hash(normalized), "\(text): \(String(decoding: normalized, as: UTF8.self))")
                if token.flags.contains(.nonASCII) {
                    let slice = UnsafeBufferPointer(rebasing: buffer[token.range])
                    #expect(normalized == Normalizer.normalizeToken(slice, kind: token.kind))
                }
            }
        }
    }
}
