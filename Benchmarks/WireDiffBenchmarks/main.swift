import Foundation
import WireDiff

#if DEBUG
FileHandle.standardError.write(Data("WireDiffBenchmarks: build with `swift build -c release` (debug numbers mean nothing)\n".utf8))
exit(64)
#else
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "generate": exit(CorpusCommands.generate(arguments.dropFirst()))
case "evaluate": exit(CorpusCommands.evaluate(arguments.dropFirst()))
case "dedup": exit(DedupBenchmark.run(arguments.dropFirst()))
case "archive": exit(ArchiveBenchmark.run(arguments.dropFirst()))
case "text": runTextBenchmark(arguments: Array(arguments.dropFirst()))
case "diff": exit(runDiffBenchmark(arguments: Array(arguments.dropFirst())))
case "lexicon": exit(runLexiconBenchmark(arguments: Array(arguments.dropFirst())))
case "evidence": exit(EvidenceCommands.evidence(arguments.dropFirst()))
case "sentence-pairs": exit(EvidenceCommands.sentencePairs(arguments.dropFirst()))
default:
    print("usage: WireDiffBenchmarks generate|evaluate|dedup|archive|text|diff|lexicon|evidence|sentence-pairs [options]   (--help after a subcommand)")
    exit(arguments.isEmpty ? 0 : 64)
}
#endif
