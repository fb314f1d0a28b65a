/// The options and positional arguments of one command invocation.
package struct ParsedArguments: Sendable {
    /// Values given per long option name, in order of appearance.
    package var values: [String: [String]] = [:]
    /// Switches that were given, by long name.
    package var flags: Set<String> = []
    /// Positional arguments (`-` included), in order.
    package var positionals: [String] = []

    package init() {}

    /// Whether a switch was given.
    package func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The last value given for an option.
    package func value(_ name: String) -> String? { values[name]?.last }

    /// A value parsed as an integer in `range`, or a usage error naming the option.
    package func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return number
    }

    /// A value parsed as a number in `range`, or a usage error naming the option.
    package func number(_ name: String, default defaultValue: Double, in range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let text = value(name) else { return defaultValue }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw UsageError("\(name) takes a number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return number
    }

    /// A value that must be one of `choices`.
    package func choice(_ name: String, default defaultValue: String, in choices: [String]) throws(UsageError) -> String {
        guard let text = value(name) else { return defaultValue }
        guard choices.contains(text) else {
            throw UsageError("\(name) must be one of \(choices.joined(separator: ", ")), got '\(text)'")
        }
        return text
    }
}
