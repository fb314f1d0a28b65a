import Foundation
import WireDiff

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "text":
    runTextBenchmark(arguments: Array(arguments.dropFirst()))
default:
    print("usage: WireDiffBenchmarks text [--mb 50] [--seed 1] [--runs 5]")
}
