import WireDiff
import WireDiffCLI

AllocatorTuning.returnLargeBlocksToSystem()
WireDiffTool.exitWith(WireDiffTool.run(arguments: Array(CommandLine.arguments.dropFirst())))
