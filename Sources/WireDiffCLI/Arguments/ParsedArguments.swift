/// The options and positional arguments of one command invocation, read through the typed
/// declarations (``Option``, ``Flag``) the command gave the parser.
package struct ParsedArguments: Sendable {
    /// Values given per long option name, in order of appearance.
    var values: [String: [String]] = [:]
    /// Switches that were given, by long name.
    var flags: Set<String> = []
    /// Positional arguments (`-` included), in order.
    package var positionals: [String] = []

    package init() {}

    /// Whether a switch was given.
    package func flag(_ flag: Flag) -> Bool { flags.contains(flag.name) }

    /// Whether an option or switch was given.
    package func isGiven(_ spec: OptionSpec) -> Bool { flags.contains(spec.name) || values[spec.name] != nil }

    /// The text given last for `spec`, as written.
    package func text(_ spec: OptionSpec) -> String? { values[spec.name]?.last }

    /// The value given last for `option`, else its default.
    ///
    /// - Throws: A ``UsageError`` naming the option and the text when the text is not a value.
    package func value<Value>(_ option: Option<Value>) throws(UsageError) -> Value {
        guard let text = text(option.spec) else { return option.defaultValue }
        return try option.parse(text)
    }

    /// The value given last for `option`, else `fallback` (a default other than the
    /// declaration's: an archive's setting).
    package func value<Value>(_ option: Option<Value>, else fallback: Value) throws(UsageError) -> Value {
        guard let text = text(option.spec) else { return fallback }
        return try option.parse(text)
    }

    /// Every value given for a repeatable option without a default, in order.
    package func values<Wrapped>(_ option: Option<Wrapped?>) throws(UsageError) -> [Wrapped] {
        var parsed: [Wrapped] = []
        for text in values[option.name] ?? [] {
            if let value = try option.parse(text) { parsed.append(value) }
        }
        return parsed
    }
}
