extension OptionSpec {
    /// The OPTIONS lines of a help text: each option's alias, name and value name, then its
    /// help and default, aligned in two columns.
    ///
    /// - Complexity: O(n) in the options' text.
    package static func helpLines(_ options: [OptionSpec]) -> String {
        let labels = options.map { spec -> String in
            var label = spec.short.map { "\($0), " } ?? "    "
            label += spec.name
            if case .value(let name) = spec.arity { label += " <\(name)>" }
            return label
        }
        let width = (labels.map(\.count).max() ?? 0) + 2
        var out = ""
        for (label, spec) in zip(labels, options) {
            var line = "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + spec.help
            if let defaultValue = spec.defaultValue { line += " (default: \(defaultValue))" }
            out += line + "\n"
        }
        return out
    }
}
