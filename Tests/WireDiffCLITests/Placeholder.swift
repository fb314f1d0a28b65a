import Testing
@testable import WireDiffCLI

@Test func toolRuns() { #expect(WireDiffTool.run(arguments: []) == 0) }
