#!/usr/bin/env bash
# Builds the libFuzzer target (Fuzz/FuzzTarget.swift + Sources/WireDiff, Swift's
# -sanitize=fuzzer,address on Linux) and runs it.
#
#   Fuzz/run.sh [seconds] [libFuzzer options…]      default: 60 seconds on one core
#   Fuzz/run.sh 3600 -jobs=2 -workers=2             an hour on both cores
#   Fuzz/run.sh 0 .build/fuzz/crashes/crash-…       replay one input (0: no time limit)
#
# The seed corpus (Fuzz/corpus, written by us) is read; inputs that reach new code are saved
# in .build/fuzz/corpus, crashes, leaks and timeouts in .build/fuzz/crashes. Not part of
# `swift build` / `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
out=.build/fuzz
mkdir -p "$out/corpus" "$out/crashes"

if [ ! -x "$out/wirediff-fuzz" ] || [ -n "$(find Sources/WireDiff Fuzz -name '*.swift' -newer "$out/wirediff-fuzz")" ]; then
    echo "fuzz: building $out/wirediff-fuzz" >&2
    swiftc -sanitize=fuzzer,address -O -g -parse-as-library -module-name WireDiffFuzz -package-name wirediff \
        $(find Sources/WireDiff -name '*.swift' | sort) Fuzz/FuzzTarget.swift -o "$out/wirediff-fuzz"
fi

if [ $# -gt 0 ] && [ -f "$1" ]; then
    exec "$out/wirediff-fuzz" "$@"
fi
exec "$out/wirediff-fuzz" "$out/corpus" Fuzz/corpus \
    -max_total_time="$seconds" -max_len=4096 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$out/crashes/" -print_final_stats=1 "$@"
