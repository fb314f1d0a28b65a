/// Parses a command's arguments against its option specs.
///
/// Accepts `--name value`, `--name=value`, `-x value`, switches, `--` to end options and `-` as
/// a positional (standard input). Unknown options are usage errors with a "did you mean" hint.
package struct ArgumentParser: Sendable {
    package var options: [OptionSpec]

    package init(options: [OptionSpec]) {
        self.options = options
    }

    /// Parses `arguments` (without the command name).
    ///
    /// - Complexity: O(n · m) for n arguments and m options.
    package func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.name == name || $0.short == name }) else {
                throw UsageError("unknown option '\(name)'", hint: hint(for: name))
            }
            switch spec.arity {
            case .flag:
                if inlineValue != nil { throw UsageError("\(spec.name) does not take a value") }
                parsed.flags.insert(spec.name)
            case .value(let valueName):
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError("\(spec.name) needs a value (\(valueName))")
                }
                parsed.values[spec.name, default: []].append(value)
            }
        }
        return parsed
    }

    /// "did you mean --format?" for the closest known option, if close enough.
    func hint(for name: String) -> String {
        let candidates = options.map(\.name)
        let best = candidates.min { EditDistance.between(name, $0) < EditDistance.between(name, $1) }
        if let best, EditDistance.between(name, best) <= max(2, best.count / 3) {
            return "did you mean '\(best)'? see --help"
        }
        return "see --help"
    }
}
