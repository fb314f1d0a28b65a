// Generated from BoilerplateRule+Table.swift by Scripts/generate-prefilter-reductions.sh: do not edit by hand.

extension BoilerplatePrefilter {
    /// ``shared(_:minimum:)`` of each list of substring probes the pre-filter of the
    /// boilerplate rules reduces, by ``fingerprint(_:)`` of the list, worked out ahead of
    /// time: ``reduced(_:)`` looks a list up here before reducing it.
    static let reductions: [(needles: UInt64, reduced: [(String, Int)])] = [
        // 0 strings → 0
        (0x0000000000000000, [
        ]),
        // 19 strings → 7
        (0x7e9d312fb9416420, [
            ("comment", .max),
            ("contributed ", 30),
            (" rights", 20),
            ("; editing by ", .max),
            ("opens new tab", 20),
            ("trust principles", 20),
            ("newsletter", 30),
        ]),
        // 16 strings → 12
        (0x664718d781d9fe9b, [
            ("p photo", 8),
            ("reuters", 8),
            ("getty", 8),
            ("stock", 8),
            ("/ap", 8),
            ("/afp", 8),
            ("afp via", 8),
            ("epa-efe", 8),
            ("alamy", 8),
            ("flash90", 8),
            ("gpo/", 8),
            ("idf spokesperson\'s unit", 8),
        ]),
    ]
}
