#!/usr/bin/env python3
"""Runs wirediff_spark.py on local[2] and checks it against `wirediff dedup`.

    python3 Integrations/spark/test_spark.py --wirediff .build/release/wirediff \\
        --benchmarks .build/release/WireDiffBenchmarks [--documents 10000]

Cases: Samples/ (text files), a generated JSONL corpus (WireDiffBenchmarks
generate), and bad records spread over two files (a malformed JSONL line, invalid UTF-8, a
repeated id) with and without --skip-bad. Every article must get the same representative as
in dedup's output (story numbers may differ), and in fact the whole output must be dedup's,
byte for byte; errors must be dedup's messages and exit codes. `.ci/run` calls it.
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DRIVER = os.path.join(HERE, "wirediff_spark.py")


def run(command, **kwargs):
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def spark_submit():
    found = shutil.which("spark-submit")
    if found:
        return [found]
    import pyspark

    return [os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit")]


def spark(args, wirediff, inputs, output, extra=()):
    command = spark_submit() + ["--master", "local[2]", "--driver-memory", "2g", DRIVER,
                                "--wirediff", wirediff, "--input", *inputs, "--output", output, *extra]
    started = time.time()
    result = run(command)
    return result, time.time() - started


def output_lines(directory):
    lines = []
    for part in sorted(glob.glob(os.path.join(directory, "part-*"))):
        with open(part, "rb") as f:
            lines += f.read().splitlines()
    return lines


def diagnostics(result, prefix):
    """The messages after `prefix` in a run's output (spark-submit sends the Python driver's
    stderr to its stdout: Spark's PythonRunner merges the two streams)."""
    text = (result.stdout + result.stderr).decode("utf-8", "replace")
    return [line.split(prefix, 1)[1] for line in text.splitlines() if prefix in line]


failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        failures.append(what)


def same_stories(name, args, work, inputs, extra=()):
    expected = run([args.wirediff, "dedup", *extra, *inputs])
    out = os.path.join(work, name)
    result, seconds = spark(args, args.wirediff, inputs, out, extra)
    if result.returncode != 0:
        check(False, f"{name}: driver exited {result.returncode}: {result.stderr.decode()[-3000:]}")
        return expected, result
    want = expected.stdout.splitlines()
    got = output_lines(out)
    representative = lambda lines: {r["id"]: r["representative"] for r in map(json.loads, lines)}
    check(len(got) == len(want), f"{name}: {len(got)} records, dedup {len(want)}")
    check(representative(got) == representative(want), f"{name}: every article has dedup's representative")
    check(got == want, f"{name}: output is dedup's byte for byte ({seconds:.1f} s)")
    return expected, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wirediff", required=True)
    parser.add_argument("--benchmarks", required=True)
    parser.add_argument("--documents", type=int, default=10000)
    args = parser.parse_args()
    args.wirediff = os.path.abspath(args.wirediff)
    work = tempfile.mkdtemp(prefix="wirediff-spark-test-")
    try:
        samples = os.path.join(ROOT, "Samples")
        same_stories("samples", args, work, [samples])

        corpus = os.path.join(work, "generated.jsonl")
        generated = run([args.benchmarks, "generate", "--seed", "1", "--documents", str(args.documents), "--out", corpus, "--no-stats"])
        check(generated.returncode == 0, f"generate {args.documents} documents: {generated.stderr.decode()[-500:]}")
        same_stories(f"generated-{args.documents}", args, work, [corpus])

        # Bad records in two files (two partitions): a malformed line, invalid UTF-8, a repeat.
        with open(os.path.join(samples, "corpus.jsonl"), "rb") as f:
            lines = [line for line in f.read().splitlines() if line.strip()]
        first, second = os.path.join(work, "bad-1.jsonl"), os.path.join(work, "bad-2.jsonl")
        with open(first, "wb") as f:
            f.write(b"\n".join(lines[:2] + [b'{"id": "broken", "text": "no end'] + lines[2:3]) + b"\n")
        with open(second, "wb") as f:
            f.write(b"\n".join(lines[3:] + [b'{"id": "latin1", "text": "caf\xe9 au lait"}', lines[0]]) + b"\n")
        expected = run([args.wirediff, "dedup", first, second])
        result, _ = spark(args, args.wirediff, [first, second], os.path.join(work, "bad"))
        check(result.returncode == expected.returncode == 65, f"bad records: exit {result.returncode}, dedup {expected.returncode}")
        want, got = diagnostics(expected, "wirediff dedup: "), diagnostics(result, "wirediff-spark: ")
        check(len(want) == 1 and got == want, f"bad records: the error names the record as dedup does: {got} vs {want}")
        expected, result = same_stories("bad-skipped", args, work, [first, second], ["--skip-bad"])
        want = diagnostics(run([args.wirediff, "dedup", "--skip-bad", first, second]), "wirediff: ")
        got = diagnostics(result, "wirediff: ")
        check(len(want) == 4 and got == want, f"bad records skipped and counted as dedup does: {got} vs {want}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("all Spark checks passed")


if __name__ == "__main__":
    main()
