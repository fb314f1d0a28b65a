/// One command-line option a command accepts.
package struct OptionSpec: Sendable, Hashable {
    /// Whether the option takes a value.
    package enum Arity: Sendable, Hashable {
        /// A switch: present or absent.
        case flag
        /// Takes one value (`--format json` or `--format=json`); may be repeated when `repeats`.
        case value(name: String)
    }

    /// The long name, with dashes: `--format`.
    package var name: String
    /// An optional one-letter alias, with its dash: `-f`.
    package var short: String?
    package var arity: Arity
    /// One line of help.
    package var help: String
    /// The default shown in help, if any.
    package var defaultValue: String?

    package init(_ name: String, short: String? = nil, arity: Arity = .flag, help: String, default defaultValue: String? = nil) {
        self.name = name
        self.short = short
        self.arity = arity
        self.help = help
        self.defaultValue = defaultValue
    }

    /// A value option.
    package static func value(_ name: String, short: String? = nil, _ valueName: String, help: String, default defaultValue: String? = nil) -> OptionSpec {
        OptionSpec(name, short: short, arity: .value(name: valueName), help: help, default: defaultValue)
    }

    /// A switch.
    package static func flag(_ name: String, short: String? = nil, help: String) -> OptionSpec {
        OptionSpec(name, short: short, arity: .flag, help: help)
    }
}
