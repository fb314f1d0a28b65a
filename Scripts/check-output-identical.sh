#!/usr/bin/env bash
# Runs two wirediff binaries over the same inputs, every command and output format, and reports
# any difference in standard output or exit code (standard error carries timings, so it is not
# compared). Use it around a change that must not alter results (a refactor, a speed-up):
#
#   Scripts/check-output-identical.sh OLD_BINARY NEW_BINARY [CORPUS.jsonl]
#
# Inputs: Samples/, the seeds in ../shared/seeds when present, and CORPUS.jsonl when given
# (e.g. a generated 10k corpus: `WireDiffBenchmarks generate --documents 10000 --output c.jsonl`).
# Exit 0 when everything is identical, 1 when something differs (each difference is listed).
set -uo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
    echo "usage: Scripts/check-output-identical.sh OLD_BINARY NEW_BINARY [CORPUS.jsonl]" >&2
    exit 64
fi
old=$1 new=$2 corpus=${3:-}
for binary in "$old" "$new"; do
    [ -x "$binary" ] || { echo "check-output-identical: $binary: not an executable" >&2; exit 66; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/wirediff-identical.XXXXXX")
trap 'rm -rf "$work"' EXIT

runs=0 differences=0
# check NAME ARGS…: runs both binaries with ARGS and compares stdout and exit status.
check() {
    local name=$1; shift
    "$old" "$@" >"$work/old" 2>/dev/null; local old_status=$?
    "$new" "$@" >"$work/new" 2>/dev/null; local new_status=$?
    runs=$((runs + 1))
    if [ "$old_status" != "$new_status" ] || ! cmp -s "$work/old" "$work/new"; then
        differences=$((differences + 1))
        echo "DIFFERENT: $name (exit $old_status → $new_status): wirediff $*"
        diff "$work/old" "$work/new" | head -5 | sed 's/^/    /'
    fi
}

seeds=../shared/seeds
sources=(Samples)
[ -d "$seeds" ] && sources+=("$seeds")
[ -n "$corpus" ] && sources+=("$corpus")

for source in "${sources[@]}"; do
    for format in text json; do check "sentences $format $source" sentences --format "$format" "$source"; done
    for format in jsonl csv text; do check "dedup $format $source" dedup --format "$format" "$source"; done
    check "dedup --strict $source" dedup --strict "$source"
done

# find, explain and diff on pairs of articles we know.
pairs=("Samples/wire.txt Samples/rewrite-paraphrase.txt" "Samples/wire.txt Samples/different-story.txt")
if [ -d "$seeds" ]; then
    seed() { ls "$seeds"/"$1"* | head -1; }
    pairs+=("$(seed 001) $(seed 000)" "$(seed 003) $(seed 004)" "$(seed 002) $(seed 003)")
fi
for pair in "${pairs[@]}"; do
    read -r a b <<<"$pair"
    for format in text json; do check "explain $format $(basename "$a") $(basename "$b")" explain --format "$format" "$a" "$b"; done
    for format in text json markdown html; do check "diff $format $(basename "$a") $(basename "$b")" diff --format "$format" "$a" "$b"; done
done
check "diff table Samples" diff --format json Samples/wire.txt Samples/rewrite-paraphrase.txt Samples/rewrite-condensed.txt Samples/rewrite-expanded.txt
for source in "${sources[@]}"; do
    story=Samples/wire.txt
    [ "$source" = "$seeds" ] && story=$(seed 001)
    for format in jsonl csv text; do check "find $format $source" find --format "$format" "$story" "$source"; done
done

# pairs: sentence pairs we write here (TSV: text, text).
printf 'The minister resigned on Monday.\tOn Monday the minister quit.\nShares rose 5%% in early trade.\tThe storm closed three schools.\n' >"$work/pairs.tsv"
for format in tsv json; do check "pairs $format" pairs --format "$format" "$work/pairs.tsv"; done

echo "check-output-identical: $runs runs, $differences different" >&2
[ "$differences" -eq 0 ]
