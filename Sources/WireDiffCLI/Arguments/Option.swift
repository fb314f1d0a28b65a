/// A typed command-line option, declared once: its name, value type, default and help line.
/// Parsing (``ParsedArguments/value(_:)``), the usage error for a bad value and the help line
/// (with the default, written from the value) all come from this declaration, so a default
/// taken from a library's option struct shows in `--help` as it is.
///
/// An option with a default has a value whether given or not; one without has an optional
/// value (`Option<Int?>`), `nil` when not given:
///
/// ```swift
/// static let permutations = Option("--permutations", "n", .integer(in: 1...1024),
///     default: DedupOptions().permutations, help: "MinHash permutations per sentence signature.")
/// static let bands = Option("--bands", "b", .integer(in: 1...1024), help: "LSH bands.")
/// ```
package struct Option<Value: Sendable>: Sendable {
    /// What the parser and the help see: name, alias, value name, help and the default as text.
    package let spec: OptionSpec
    /// The value when the option is not given.
    package let defaultValue: Value
    /// What a value must be, after the option's name (``OptionValue/requirement``).
    private let requirement: String
    private let convert: @Sendable (String) -> Value?

    /// An option with a default; its help shows `defaultValue` as the command line writes it,
    /// or `shownDefault` instead when the default is a rule rather than one value.
    package init(
        _ name: String, short: String? = nil, _ valueName: String, _ value: OptionValue<Value>,
        default defaultValue: Value, shownDefault: String? = nil, help: String
    ) {
        spec = .value(name, short: short, valueName, help: help, default: shownDefault ?? value.format(defaultValue))
        self.defaultValue = defaultValue
        requirement = value.requirement
        convert = value.parse
    }

    /// An option without a default: `nil` when not given. Its help shows `shownDefault`, if
    /// any (the rule the command applies instead).
    package init<Wrapped>(
        _ name: String, short: String? = nil, _ valueName: String, _ value: OptionValue<Wrapped>,
        shownDefault: String? = nil, help: String
    ) where Value == Wrapped? {
        spec = .value(name, short: short, valueName, help: help, default: shownDefault)
        defaultValue = nil
        requirement = value.requirement
        convert = { text in value.parse(text).map { .some($0) } }
    }

    /// The option's name, with dashes: `--permutations`.
    package var name: String { spec.name }

    /// The value `text` stands for, or the usage error naming the option and the text.
    package func parse(_ text: String) throws(UsageError) -> Value {
        guard let parsed = convert(text) else { throw UsageError("\(name) \(requirement), got '\(text)'") }
        return parsed
    }
}
