#!/usr/bin/env bash
# Runs two wirediff binaries over the same inputs, every command and output format, and reports
# any difference in standard output or exit code (standard error carries timings, so it is not
# compared). Use it around a change that must not alter results (a refactor, a speed-up):
#
#   Scripts/check-output-identical.sh OLD_BINARY NEW_BINARY [CORPUS.jsonl]
#
# Inputs: Samples/, the seeds in ../shared/seeds when present, and CORPUS.jsonl when given
# (e.g. a generated 10k corpus: `WireDiffBenchmarks generate --documents 10000 --out c.jsonl`).
# Also the help of the tool and of every subcommand, and the usage errors of bad option values,
# unknown options and missing arguments: their standard error too, since that is their output.
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

# check_usage NAME ARGS…: as check, standard error compared too (help and usage errors, which
# carry no timings).
check_usage() {
    local name=$1; shift
    "$old" "$@" >"$work/old" 2>"$work/old.err" </dev/null; local old_status=$?
    "$new" "$@" >"$work/new" 2>"$work/new.err" </dev/null; local new_status=$?
    runs=$((runs + 1))
    if [ "$old_status" != "$new_status" ] || ! cmp -s "$work/old" "$work/new" || ! cmp -s "$work/old.err" "$work/new.err"; then
        differences=$((differences + 1))
        echo "DIFFERENT: $name (exit $old_status → $new_status): wirediff $*"
        diff "$work/old" "$work/new" | head -5 | sed 's/^/    /'
        diff "$work/old.err" "$work/new.err" | head -5 | sed 's/^/    /'
    fi
}

# Help: the tool's and every subcommand's (both spellings), and help's own errors.
commands=(sentences dedup find explain index diff pairs features plan sketch verify cluster stories)
for command in "${commands[@]}"; do
    check_usage "help $command" "$command" --help
    check_usage "help -h $command" help "$command"
done
check_usage "help" --help
check_usage "no arguments"
check_usage "version" --version
check_usage "help unknown" help sentence
check_usage "help two" help sentences dedup
check_usage "unknown command" dedupe Samples

# Usage errors: every typed option given a bad value, unknown options, missing values and
# arguments (exit 64, one message line and the usage line).
bad_values=(
    "sentences --format yaml Samples" "sentences --fromat json Samples" "sentences --stdin-format csv -"
    "dedup --format yaml Samples" "dedup --min-score 2 Samples" "dedup --min-score x Samples" "dedup --threshold 0 Samples"
    "dedup --threshold 1 Samples" "dedup --shingles trigrams Samples" "dedup --shingle-size 0 Samples"
    "dedup --shingles chars --shingle-size 33 Samples" "dedup --permutations 0 Samples" "dedup --permutations 2000 Samples"
    "dedup --bands 4 Samples" "dedup --rows 4 Samples" "dedup --bands 0 --rows 4 Samples" "dedup --bands 4 --rows x Samples"
    "dedup --bands 20 --rows 20 Samples" "dedup --shared-keys 0 Samples" "dedup --shared-keys 1001 Samples"
    "dedup --seed -1 Samples" "dedup --seed 1.5 Samples" "dedup --threads 257 Samples" "dedup --threads -1 Samples"
    "dedup --strict=1 Samples" "dedup --format" "dedup" "dedup --skip-bad=yes Samples" "dedup --id-feld x Samples"
    "dedup --min-score=nan Samples" "dedup --threshold inf Samples"
    "find --format yaml Samples/wire.txt Samples" "find Samples/wire.txt" "find --min-score 1.5 Samples/wire.txt Samples"
    "find --index" "find --index x.wda --format pdf y"
    "explain --format csv Samples/wire.txt Samples/wire.txt" "explain Samples/wire.txt" "explain --permutations x a b"
    "index" "index create" "index create x.wda" "index frobnicate x.wda" "index info x.wda extra" "index info --format yaml x.wda"
    "index create --shingles bigrams x.wda Samples"
    "diff --format pdf Samples/wire.txt Samples/wire.txt" "diff --threshold 2 Samples/wire.txt Samples/wire.txt"
    "diff --threshold -0.1 a b" "diff --max-sentence-pairs -1 a b" "diff --max-word-pairs x a b" "diff" "diff Samples/wire.txt"
    "pairs" "pairs a b" "pairs --input-format csv x.tsv" "pairs --threshold 1.5 x.tsv" "pairs --format csv x.tsv"
    "features --threads 999" "features Samples" "features --stdin-format jsonl"
    "plan" "plan --articles x" "plan --articles -1" "plan --articles 5" "plan --articles 5 --sentences x" "plan --articles 5 --sentences 9 --min-score 9"
    "sketch" "sketch --plan" "sketch Samples" "verify --threads 3" "cluster --plan" "stories Samples" "stories --plan x"
)
for arguments in "${bad_values[@]}"; do
    read -r -a words <<<"$arguments"
    check_usage "usage error: $arguments" "${words[@]}"
done

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
