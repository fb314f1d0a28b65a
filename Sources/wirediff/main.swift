import WireDiffCLI

WireDiffTool.exitWith(WireDiffTool.run(arguments: Array(CommandLine.arguments.dropFirst())))
