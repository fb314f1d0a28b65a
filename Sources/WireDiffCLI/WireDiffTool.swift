import Foundation
import WireDiff

/// Entry point of the `wirediff` command-line tool. PLACEHOLDER until the CLI frame lands.
public enum WireDiffTool {
    public static func run(arguments: [String]) -> Int32 { 0 }
    public static func exitWith(_ code: Int32) -> Never { exit(code) }
}
