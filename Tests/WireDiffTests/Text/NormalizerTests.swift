import Testing
@testable import WireDiff

@Suite struct NormalizerTests {
    @Test(arguments: [
        ("Hello   World", "hello world"),
        ("  tabs\tand\nnewlines  ", "tabs and newlines"),
        ("“Curly” ‘quotes’ don’t", "\"curly\" 'quotes' don't"),
        ("a – b — c ‑ d", "a - b - c - d"),
        ("no\u{00A0}break\u{2009}thin", "no break thin"),
        ("zero\u{200B}width\u{FEFF}", "zerowidth"),
        ("Ｆｕｌｌ ﬁ …", "full fi ..."),
        ("ÉCOLE Москва", "école москва"),
        ("", ""),
    ])
    func normalize(input: String, expected: String) {
        #expect(Normalizer.normalize(input) == expected)
    }

    @Test func composedAndDecomposedAgree() {
        #expect(Normalizer.normalize("caf\u{E9}") == Normalizer.normalize("cafe\u{301}"))
    }
}
