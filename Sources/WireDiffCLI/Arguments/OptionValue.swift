/// How an option's text becomes a typed value, what the text must be, and how a value is
/// written back (for a default shown in help).
///
/// The usage error for a bad value is derived from ``requirement``: `--permutations takes a
/// whole number from 1 to 1024, got 'x'`.
package struct OptionValue<Value: Sendable>: Sendable {
    /// What a value must be, after the option's name: "takes a whole number from 1 to 1024".
    package var requirement: String
    /// The value the text stands for, or `nil` when it is not one.
    package var parse: @Sendable (String) -> Value?
    /// The value as it is written on the command line.
    package var format: @Sendable (Value) -> String

    package init(requirement: String, parse: @escaping @Sendable (String) -> Value?, format: @escaping @Sendable (Value) -> String) {
        self.requirement = requirement
        self.parse = parse
        self.format = format
    }
}

extension OptionValue where Value == Int {
    /// A whole number in `range`.
    package static func integer(in range: ClosedRange<Int>) -> OptionValue {
        OptionValue(requirement: "takes a whole number from \(range.lowerBound) to \(range.upperBound)",
                    parse: { Int($0).flatMap { range.contains($0) ? $0 : nil } }, format: { String($0) })
    }
}

extension OptionValue where Value == UInt64 {
    /// A whole number ≥ 0 of 64 bits (a seed).
    package static var unsigned: OptionValue {
        OptionValue(requirement: "takes a whole number ≥ 0", parse: { UInt64($0) }, format: { String($0) })
    }
}

extension OptionValue where Value == Double {
    /// A finite number in `range`.
    package static func number(in range: ClosedRange<Double>) -> OptionValue {
        OptionValue(requirement: "takes a number from \(range.lowerBound) to \(range.upperBound)",
                    parse: { Double($0).flatMap { $0.isFinite && range.contains($0) ? $0 : nil } }, format: { String($0) })
    }
}

extension OptionValue where Value == String {
    /// Any text (a path, a field name).
    package static var text: OptionValue {
        OptionValue(requirement: "takes text", parse: { $0 }, format: { $0 })
    }

    /// One of `choices`, as written.
    package static func choice(_ choices: [String]) -> OptionValue {
        OptionValue(requirement: "must be one of \(choices.joined(separator: ", "))",
                    parse: { choices.contains($0) ? $0 : nil }, format: { $0 })
    }
}

extension OptionValue where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of an enumeration's cases, by raw value.
    package static var choice: OptionValue {
        OptionValue(requirement: "must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))",
                    parse: { Value(rawValue: $0) }, format: { $0.rawValue })
    }
}
