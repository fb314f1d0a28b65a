#!/usr/bin/env python3
"""Measures wirediff_spark.py on local[N] beside `wirediff dedup` on the same corpus.

    python3 Integrations/spark/benchmark.py --wirediff .build/release/wirediff \\
        --corpus /tmp/corpus-100k.jsonl [--master 'local[2]'] [--driver-memory 4g]

Reports, for both: wall time, CPU time, peak resident memory of the whole process tree (for Spark: the
JVM that is driver and executor in local mode, its Python workers and the wirediff stage
processes, sampled every 0.2 s from /proc), and for Spark the shuffle bytes written and read
(from the event log: every task's shuffle write and read metrics), the JVM's peak heap and
the phase times the driver reports (--metrics). Checks that the two outputs are identical.
"""

import argparse
import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def tree_rss(root):
    """Resident bytes of `root` and all its descendants."""
    children = {}
    rss = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
            rss[int(pid)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def measured(command, **kwargs):
    """Runs `command`; returns (returncode, seconds, peak tree RSS bytes, stderr, CPU seconds
    of the process and every descendant it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, **kwargs)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read()
    code = process.wait()
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return code, time.time() - started, peak[0], stderr.decode("utf-8", "replace"), cpu


def event_log_totals(directory):
    """Shuffle bytes written/read, records, and the JVM's peak heap from a Spark event log."""
    totals = {"shuffle_write_bytes": 0, "shuffle_read_bytes": 0, "shuffle_write_records": 0, "tasks": 0,
              "jvm_heap_peak_bytes": 0, "python_rss_peak_bytes": 0}
    paths = [os.path.join(d, name) for d, _, names in os.walk(directory) for name in names]
    for path in paths:
        with open(path) as f:
            for line in f:
                event = json.loads(line)
                kind = event.get("Event")
                if kind == "SparkListenerTaskEnd":
                    metrics = event.get("Task Metrics") or {}
                    write = metrics.get("Shuffle Write Metrics") or {}
                    read = metrics.get("Shuffle Read Metrics") or {}
                    totals["shuffle_write_bytes"] += write.get("Shuffle Bytes Written", 0)
                    totals["shuffle_write_records"] += write.get("Shuffle Records Written", 0)
                    totals["shuffle_read_bytes"] += read.get("Remote Bytes Read", 0) + read.get("Local Bytes Read", 0)
                    totals["tasks"] += 1
                for key in ("Executor Metrics",):
                    peaks = event.get(key) or event.get("Task Executor Metrics") or {}
                    totals["jvm_heap_peak_bytes"] = max(totals["jvm_heap_peak_bytes"], peaks.get("JVMHeapMemory", 0))
                    totals["python_rss_peak_bytes"] = max(totals["python_rss_peak_bytes"], peaks.get("ProcessTreePythonRSSMemory", 0))
    return totals


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wirediff", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--driver-memory", default="4g")
    parser.add_argument("--partitions", type=int, default=0)
    parser.add_argument("--skip-dedup", action="store_true")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="wirediff-spark-bench-")
    corpus_bytes = os.path.getsize(args.corpus)
    result = {"corpus": args.corpus, "corpus_bytes": corpus_bytes, "master": args.master}
    try:
        if not args.skip_dedup:
            with open(os.path.join(work, "dedup.jsonl"), "wb") as out:
                code, seconds, peak, _, cpu = measured([args.wirediff, "dedup", args.corpus], stdout=out)
            result["dedup"] = {"exit": code, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 1), "peak_rss_bytes": peak}
        events = os.path.join(work, "events")
        os.makedirs(events)
        submit = shutil.which("spark-submit") or "spark-submit"
        metrics = os.path.join(work, "metrics.json")
        command = [submit, "--master", args.master, "--driver-memory", args.driver_memory,
                   "--conf", "spark.eventLog.enabled=true", "--conf", f"spark.eventLog.dir=file://{events}",
                   "--conf", "spark.eventLog.compress=false", "--conf", "spark.eventLog.rolling.enabled=false",
                   "--conf", "spark.executor.processTreeMetrics.enabled=true",
                   "--conf", "spark.executor.metrics.pollingInterval=500ms",
                   os.path.join(HERE, "wirediff_spark.py"), "--wirediff", args.wirediff,
                   "--input", args.corpus, "--output", os.path.join(work, "spark"), "--metrics", metrics]
        if args.partitions:
            command += ["--partitions", str(args.partitions)]
        code, seconds, peak, stderr, cpu = measured(command, stdout=subprocess.DEVNULL)
        spark = {"exit": code, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 1), "peak_rss_bytes": peak}
        if code != 0:
            print(stderr[-4000:], file=sys.stderr)
        else:
            with open(metrics) as f:
                spark["driver"] = json.load(f)
            spark.update(event_log_totals(events))
            n = spark["driver"]["documents"]
            spark["shuffle_write_bytes_per_article"] = round(spark["shuffle_write_bytes"] / n)
            spark["shuffle_read_bytes_per_article"] = round(spark["shuffle_read_bytes"] / n)
            if not args.skip_dedup:
                got = b"".join(open(p, "rb").read() for p in sorted(glob.glob(os.path.join(work, "spark", "part-*"))))
                spark["identical_to_dedup"] = got == open(os.path.join(work, "dedup.jsonl"), "rb").read()
        result["spark"] = spark
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
