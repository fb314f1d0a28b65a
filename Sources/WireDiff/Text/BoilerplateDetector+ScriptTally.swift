extension BoilerplateDetector {
    /// Letters per script, as ``ScriptCounts`` counts them, in one vector.
    struct ScriptTally {
        var counts = SIMD8<Int>()

        init() {}

        init(_ scripts: ScriptCounts) {
            for script in ScriptCounts.Script.allCases { counts[script.rawValue] = scripts.count(of: script) }
        }

        var total: Int { counts.wrappedSum() }

        func count(of script: ScriptCounts.Script) -> Int { counts[script.rawValue] }

        /// The script with the most letters (the first in `Script` order on ties), or `nil`.
        var dominant: ScriptCounts.Script? {
            var best: ScriptCounts.Script?
            var bestCount = 0
            for script in ScriptCounts.Script.allCases where counts[script.rawValue] > bestCount {
                best = script
                bestCount = counts[script.rawValue]
            }
            return best
        }
    }
}
