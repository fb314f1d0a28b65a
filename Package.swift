// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "wirediff",
    products: [
        .library(name: "WireDiff", targets: ["WireDiff"]),
        .executable(name: "wirediff", targets: ["wirediff"]),
    ],
    targets: [
        // The library, one folder per step. Finding rewrites: Corpus → Text → Shingling → Sketches →
        // Candidates → Verification → Stories (+ Archive, Stages). Comparing versions: Text →
        // Alignment → Facts → Report.
        .target(name: "WireDiff", exclude: ["Lexical/LICENSES.md"]),
        // The commands, as a library so tests can drive them without a process.
        .target(name: "WireDiffCLI", dependencies: ["WireDiff"]),
        // A thin executable around WireDiffCLI.
        .executableTarget(name: "wirediff", dependencies: ["WireDiffCLI", "WireDiff"]),
        // Throughput and quality benchmarks; refuse to run in a debug build.
        .executableTarget(
            name: "WireDiffBenchmarks",
            dependencies: ["WireDiff", "WireDiffCLI"],
            path: "Benchmarks/WireDiffBenchmarks"
        ),
        .testTarget(name: "WireDiffTests", dependencies: ["WireDiff"], exclude: ["Fixtures"]),
        .testTarget(name: "WireDiffCLITests", dependencies: ["WireDiffCLI", "WireDiff"]),
    ],
    swiftLanguageModes: [.v6]
)
