/// A switch, declared once: its name and help line (``ParsedArguments/flag(_:)`` reads it).
package struct Flag: Sendable {
    /// What the parser and the help see.
    package let spec: OptionSpec

    package init(_ name: String, short: String? = nil, help: String) {
        spec = .flag(name, short: short, help: help)
    }

    /// The switch's name, with dashes: `--strict`.
    package var name: String { spec.name }
}
