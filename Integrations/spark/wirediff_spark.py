#!/usr/bin/env python3
"""wirediff dedup on Apache Spark, with exactly the single-machine answer.

    spark-submit [spark options] wirediff_spark.py --wirediff path/to/wirediff \\
        --input corpus/*.jsonl --output stories/ [--skip-bad] [--format jsonl|parquet] \\
        [dedup's detection and input options, e.g. --shared-keys 5 --id-field url]

The driver ships the `wirediff` binary to the executors (SparkContext.addFile) and runs the
stages of Documentation/Distributed.md as subprocesses inside mapPartitions: `features`
(located articles -> feature records), `plan` (once, on the driver, from the sample dedup
draws), `sketch` (features -> buckets), `verify` (candidate pairs -> evidence), `cluster`
(one component of one-story pairs -> assignments and asks) and `stories` (assignments ->
dedup's JSONL records). Spark does the rest: ordering the input, dropping bad records and
repeated ids, grouping articles by bucket and counting shared buckets (the >= N rule and the
star rule for big buckets), joining features to pairs, connected components (min-label
propagation) and the ask loop (pairs across a component's border that clustering asked about
are verified; when one is one story the two components are clustered again together).

The output directory holds dedup's records (Documentation/JSON.md) in input order: the part
files concatenated are `wirediff dedup`'s output byte for byte. Errors are dedup's: the first
bad record in input order stops the run with dedup's message and exit code, or, with
--skip-bad, every bad record is reported and skipped.

Only the Python standard library and pyspark are used.
"""

import argparse
import base64
import glob
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import uuid

PROG = "wirediff-spark"

# Options of `wirediff features` besides the detection options: the input fields.
INPUT_VALUE_OPTIONS = ("--id-field", "--text-field", "--date-field")
INPUT_FLAG_OPTIONS = ("--keep-boilerplate",)
JSONL_EXTENSIONS = ("jsonl", "ndjson")
HEAD_BYTES = 8192
# dedup's record (Documentation/JSON.md), column for column, for --format parquet.
DEDUP_SCHEMA = ("schema_version int, id string, cluster long, representative string, is_representative boolean, "
                "jaccard double, containment double, representative_containment double, matched_sentences long, "
                "coverage double, representative_coverage double, same_story_score double")


def fail(message, code):
    sys.stderr.write(f"{PROG}: {message}\n")
    sys.exit(code)


# --------------------------------------------------------------------------------------------
# Stages as subprocesses (on executors and on the driver)


class StageFailed(Exception):
    pass


def stage_lines(binary, arguments, lines):
    """Runs `binary arguments`, writing `lines` (str, no LF) to its stdin on a thread, and
    yields its stdout lines (str, no LF). A non-zero exit raises StageFailed with its stderr."""
    process = subprocess.Popen(
        [binary] + arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=1 << 20)
    errors = []

    def write():
        try:
            for line in lines:
                process.stdin.write(line.encode("utf-8"))
                process.stdin.write(b"\n")
        except BrokenPipeError:
            pass
        except BaseException as error:  # surfaced after the process ends
            errors.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    stderr = []
    writer = threading.Thread(target=write, daemon=True)
    reader = threading.Thread(target=lambda: stderr.append(process.stderr.read()), daemon=True)
    writer.start()
    reader.start()
    for line in process.stdout:
        yield line.decode("utf-8").rstrip("\n")
    code = process.wait()
    writer.join()
    reader.join()
    if errors:
        raise errors[0]
    if code != 0:
        message = b"".join(stderr).decode("utf-8", "replace").strip()
        raise StageFailed(f"wirediff {arguments[0]} exited with {code}: {message}")


def executor_binary(name):
    """The shipped binary on an executor, made executable (SparkFiles may drop the mode)."""
    from pyspark import SparkFiles

    path = SparkFiles.get(name)
    if not os.access(path, os.X_OK):
        try:
            os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            copy = os.path.join(tempfile.mkdtemp(), name)
            shutil.copy(path, copy)
            os.chmod(copy, 0o755)
            path = copy
    return path


def piped(binary_name, arguments, to_line, parse=json.loads):
    """A mapPartitions function running one stage over a partition: `to_line` turns each
    element into an input line; output lines are parsed with `parse`."""

    def run(elements):
        binary = executor_binary(binary_name)
        for line in stage_lines(binary, arguments, (to_line(e) for e in elements)):
            yield parse(line)

    return run


# --------------------------------------------------------------------------------------------
# Input: the files dedup would read, in its order, as located records


def is_remote(path):
    return "://" in path


def expand_inputs(spark, paths, directory_extensions):
    """The files dedup reads for `paths`, in its order: (order, path as dedup names it, kind,
    id). A glob (for shells that did not expand it, or remote paths) expands bytewise-sorted.
    Missing paths and directories without articles fail as in dedup (exit 66 / 65)."""
    files = []

    def add(path, ident):
        ext = path.rsplit(".", 1)[-1].lower() if "." in os.path.basename(path) else ""
        files.append((len(files), path, "jsonl" if ext in JSONL_EXTENSIONS else "text", ident))

    for given in paths:
        if given == "-":
            fail("standard input ('-') cannot be read by a Spark job: give files or directories", 64)
        if is_remote(given):
            jvm = spark._jvm
            hadoop_path = jvm.org.apache.hadoop.fs.Path(given)
            fs = hadoop_path.getFileSystem(spark._jsc.hadoopConfiguration())
            statuses = fs.globStatus(hadoop_path) or []
            if len(statuses) == 0:
                fail(f"{given}: no such file or directory", 66)
            for status in sorted(statuses, key=lambda s: s.getPath().toString().encode()):
                if status.isDirectory():
                    found = []
                    iterator = fs.listFiles(status.getPath(), True)
                    root = status.getPath().toString().rstrip("/") + "/"
                    while iterator.hasNext():
                        name = iterator.next().getPath().toString()
                        relative = name[len(root):]
                        if any(part.startswith(".") for part in relative.split("/")):
                            continue
                        if relative.rsplit(".", 1)[-1].lower() in directory_extensions:
                            found.append(relative)
                    if not found:
                        fail(f"{given}: no article files in this directory (looked for "
                             + ", ".join("." + e for e in directory_extensions) + ")", 65)
                    for relative in sorted(found, key=lambda r: r.encode()):
                        files.append((len(files), root + relative, "text", relative))
                else:
                    add(status.getPath().toString(), status.getPath().toString())
            continue
        matches = [given] if os.path.exists(given) else sorted(glob.glob(given), key=lambda p: p.encode())
        if not matches:
            fail(f"{given}: no such file or directory", 66)
        for path in matches:
            if os.path.isdir(path):
                found = []
                for directory, subdirectories, names in os.walk(path):
                    subdirectories[:] = [d for d in subdirectories if not d.startswith(".")
                                         and not os.path.islink(os.path.join(directory, d))]
                    for name in names:
                        full = os.path.join(directory, name)
                        if name.startswith(".") or not os.path.isfile(full):
                            continue
                        if "." in name and name.rsplit(".", 1)[-1].lower() in directory_extensions:
                            found.append(os.path.relpath(full, path))
                if not found:
                    fail(f"{path}: no article files in this directory (looked for "
                         + ", ".join("." + e for e in directory_extensions) + ")", 65)
                for relative in sorted(found, key=lambda r: r.encode()):
                    files.append((len(files), os.path.join(path, relative), "text", relative))
            else:
                add(path, path)
    return files


def located_records(entry, content):
    """The located records (Documentation/Distributed.md) of one file: key [order, line]."""
    order, path, kind, ident = entry
    b64 = lambda data: base64.b64encode(data).decode("ascii")
    if kind == "text":
        yield json.dumps({"key": [order, 0], "source": path, "id": ident, "text": b64(content)})
        return
    yield json.dumps({"key": [order, 0], "source": path, "head": b64(content[:HEAD_BYTES])})
    offset, line = 0, 0
    size = len(content)
    while offset < size:
        end = content.find(b"\n", offset)
        if end < 0:
            end = size
        line += 1
        yield json.dumps({"key": [order, line], "source": path, "line": line, "offset": offset,
                          "jsonl": b64(content[offset:end])})
        offset = end + 1


def read_located(spark, files, partitions):
    """An RDD of located records for `files`, spread over `partitions`."""
    sc = spark.sparkContext
    conf = sc._jsc.hadoopConfiguration()
    jvm = spark._jvm
    by_uri = {}
    for entry in files:
        path = entry[1]
        hadoop_path = jvm.org.apache.hadoop.fs.Path(path if is_remote(path) else os.path.abspath(path))
        qualified = hadoop_path.getFileSystem(conf).makeQualified(hadoop_path).toString()
        by_uri[qualified] = entry
    entries = sc.broadcast(by_uri)
    contents = sc.binaryFiles(",".join(by_uri.keys()), minPartitions=max(1, min(len(files), partitions)))

    def locate(pair):
        uri, content = pair
        entry = entries.value.get(uri)
        if entry is None:  # a scheme spelt differently (file:/ vs file:///)
            entry = next(e for u, e in entries.value.items() if u.split(":", 1)[-1].lstrip("/") == uri.split(":", 1)[-1].lstrip("/"))
        return located_records(entry, content)

    return contents.flatMap(locate).repartition(partitions)


# --------------------------------------------------------------------------------------------
# The run


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="wirediff_spark.py", description=__doc__.split("\n\n")[0],
        epilog="Any other option is a dedup detection option, passed to every stage through the plan.")
    parser.add_argument("--input", nargs="+", required=True, help="Files, directories or globs, as dedup takes them.")
    parser.add_argument("--output", required=True, help="Output directory (Spark part files).")
    parser.add_argument("--wirediff", default=shutil.which("wirediff") or "wirediff",
                        help="The wirediff binary (Linux, for the executors' platform); shipped with addFile.")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--skip-bad", action="store_true", help="Skip and count bad records, as dedup --skip-bad.")
    parser.add_argument("--partitions", type=int, default=0, help="Partitions per stage (0: Spark's default parallelism x 2).")
    parser.add_argument("--directory-extensions", default="txt", help="As dedup's --extensions (comma-separated).")
    parser.add_argument("--metrics", help="Write the run's counts and phase times as JSON to this local file.")
    for name in INPUT_VALUE_OPTIONS:
        parser.add_argument(name)
    for name in INPUT_FLAG_OPTIONS:
        parser.add_argument(name, action="store_true")
    args, detection = parser.parse_known_args(argv)
    input_arguments = []
    for name in INPUT_VALUE_OPTIONS:
        value = getattr(args, name[2:].replace("-", "_"))
        if value is not None:
            input_arguments += [name, value]
    for name in INPUT_FLAG_OPTIONS:
        if getattr(args, name[2:].replace("-", "_")):
            input_arguments.append(name)
    return args, detection, input_arguments


def main(argv):
    args, detection, input_arguments = parse_arguments(argv)
    if not os.path.isfile(args.wirediff):
        fail(f"{args.wirediff}: no such file (--wirediff names the wirediff binary to ship)", 66)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    # Kept datasets spill to local disk rather than being dropped and computed again (which
    # would run the stages again).
    keep = StorageLevel.MEMORY_AND_DISK

    spark = SparkSession.builder.appName("wirediff dedup").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    partitions = args.partitions or max(2, sc.defaultParallelism * 2)
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    binary_name = f"wirediff-{uuid.uuid4().hex[:8]}"
    work = tempfile.mkdtemp(prefix="wirediff-spark-")
    shipped = os.path.join(work, binary_name)
    shutil.copy(args.wirediff, shipped)
    os.chmod(shipped, 0o755)
    sc.addFile(shipped)
    started = time.time()
    metrics = {"phases": {}}
    last = [started]

    def phase(name):
        now = time.time()
        metrics["phases"][name] = round(now - last[0], 3)
        last[0] = now

    # 1. Features of every article, in input order; errors as dedup reports them.
    extensions = [e.strip().lower().lstrip(".") for e in args.directory_extensions.split(",") if e.strip()]
    files = expand_inputs(spark, args.input, extensions)
    located = read_located(spark, files, partitions)
    features = located.mapPartitions(piped(binary_name, ["features", "--threads", "1"] + detection + input_arguments, lambda x: x))
    features = features.map(lambda r: (tuple(r["key"]), r)).persist(keep)
    failures = features.filter(lambda kv: "error" in kv[1]).map(lambda kv: (kv[0], kv[1]["error"], kv[1]["exit_code"])).collect()
    # A JSONL file that fails its head check is one error, and none of its lines is read.
    failed_files = {key[0] for key, _, _ in failures if key[1] == 0}
    good = features.filter(lambda kv: "error" not in kv[1] and kv[0][0] not in failed_files)
    # Repeated ids: the first in input order is kept, the others are bad records.
    repeats = (good.map(lambda kv: (kv[1]["id"], (kv[0], kv[1]["source"])))
               .groupByKey().filter(lambda kv: len(kv[1]) > 1)
               .flatMap(lambda kv: [(later[0], f'duplicate id "{kv[0]}": {min(kv[1])[1]} and {later[1]}', 65)
                                    for later in sorted(kv[1])[1:]])
               .collect())
    bad = sorted(failures + repeats)
    if bad and not args.skip_bad:
        _, message, code = bad[0]
        fail(message, code)
    dropped = {key for key, _, _ in repeats}
    kept = good.filter(lambda kv: kv[0] not in dropped) if dropped else good
    indexed = kept.sortByKey(numPartitions=partitions).map(lambda kv: kv[1]).zipWithIndex().map(lambda ri: (ri[1], ri[0])).persist(keep)
    n = indexed.count()
    features.unpersist()
    for _, message, _ in bad:
        sys.stderr.write(f"wirediff: skipped: {message}\n")
    if bad:
        sys.stderr.write(f"wirediff: skipped {len(bad)} bad record{'' if len(bad) == 1 else 's'}, read {n}\n")
    phase("features")

    # 2. The plan: common shingles from the articles dedup samples, the band grouping.
    sentences = indexed.map(lambda ir: ir[1]["sentences"]).sum() if n else 0
    sample = list(stage_lines(args.wirediff, ["plan", "--articles", str(n), "--sample"], []))
    wanted = sc.broadcast({int(x) for x in sample})
    sampled = indexed.filter(lambda ir: ir[0] in wanted.value).map(
        lambda ir: json.dumps({"index": ir[0], "features": ir[1]["features"]})).collect()
    plan_text = "\n".join(stage_lines(
        args.wirediff, ["plan", "--articles", str(n), "--sentences", str(int(sentences))] + detection, sampled))
    plan = json.loads(plan_text)
    plan_name = f"wirediff-plan-{uuid.uuid4().hex[:8]}.json"
    with open(os.path.join(work, plan_name), "w") as f:
        f.write(plan_text + "\n")
    sc.addFile(os.path.join(work, plan_name))
    phase("plan")

    def with_plan(stage):
        """A stage's arguments, with the plan as the executor sees it."""
        return [stage, "--threads", "1", "--plan", "@PLAN@"]

    def planned(stage, to_line, parse=json.loads):
        arguments = with_plan(stage)

        def run(elements):
            from pyspark import SparkFiles

            binary = executor_binary(binary_name)
            resolved = [SparkFiles.get(plan_name) if a == "@PLAN@" else a for a in arguments]
            for line in stage_lines(binary, resolved, (to_line(e) for e in elements)):
                yield parse(line)

        return run

    # 3. Sketch, group by bucket, count shared buckets: the candidate pairs. The grouping and
    #    counting run as DataFrame operations, in the JVM: (bucket, article) rows are the
    #    bulk of the shuffle, and Python would handle each one.
    from pyspark.sql import functions as F

    blobs = indexed.mapValues(lambda r: r["features"]).persist(keep)
    sketches = blobs.mapPartitions(planned("sketch", lambda ib: json.dumps({"index": ib[0], "features": ib[1]})))
    maximum, minimum = plan["maximum_bucket"], plan["minimum_shared_keys"]
    members = (spark.createDataFrame(sketches.map(lambda s: (s["index"], s["buckets"])), "i long, buckets array<long>")
               .select("i", F.explode("buckets").alias("k")).persist(keep))
    shared = (members.groupBy("k").agg(F.count(F.lit(1)).alias("size"), F.min("i").alias("first"))
              .filter(F.col("size") > 1))
    members = members.join(shared, "k")
    small = members.filter(F.col("size") <= maximum).select("k", "i")
    # Every pair of a bucket of at most `maximum` articles; the first article with each other
    # one of a larger bucket (the star rule); pairs in at least `minimum` buckets.
    occurrences = (small.alias("x").join(small.alias("y"), "k").where(F.col("x.i") < F.col("y.i"))
                   .select(F.col("x.i").alias("a"), F.col("y.i").alias("b"))
                   .unionByName(members.filter((F.col("size") > maximum) & (F.col("i") != F.col("first")))
                                .select(F.col("first").alias("a"), F.col("i").alias("b"))))
    candidates = (occurrences.groupBy("a", "b").count().filter(F.col("count") >= minimum)
                  .rdd.map(lambda r: (r["a"], r["b"])).persist(keep))
    candidate_count = candidates.count()
    phase("candidates")

    # 4. Verify pairs: both articles' features joined to each pair, sorted by `a` so that a
    #    task verifies one article's pairs together.
    def verify(pairs):
        """Evidence records of `pairs` ((a, b) with a < b), keyed (a, b)."""
        joined = (pairs.map(lambda ab: (ab[0], ab[1])).join(blobs)
                  .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).join(blobs)
                  .map(lambda kv: (kv[1][0][0], (kv[0], kv[1][0][1], kv[1][1])))
                  .repartitionAndSortWithinPartitions(numPartitions=partitions))
        to_line = lambda kv: json.dumps({"a": kv[0], "b": kv[1][0], "first": kv[1][1], "second": kv[1][2]})
        return joined.mapPartitions(planned("verify", to_line)).map(lambda e: ((e["a"], e["b"]), e))

    known = verify(candidates.map(lambda ab: ab)).mapValues(lambda e: (True, e)).persist(keep)
    known.count()
    phase("verify")

    # 5. Components of one-story pairs, clustered; pairs asked across a border verified, and
    #    components clustered again until no ask is one story.
    dates = indexed.mapValues(lambda r: r["date"]).persist(keep)
    assignments = None
    rounds = 0
    asked_total = 0
    while True:
        rounds += 1
        edges = known.filter(lambda kv: kv[1][1]["same_story"]).keys().flatMap(lambda ab: [ab, (ab[1], ab[0])]).persist(keep)
        labels = edges.map(lambda e: (e[0], e[0])).distinct(partitions)
        while True:
            updated = (edges.join(labels).map(lambda kv: (kv[1][0], kv[1][1])).union(labels)
                       .reduceByKey(min, numPartitions=partitions).persist(keep))
            changed = updated.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).count()
            labels = updated
            if changed == 0:
                break
        labels = labels.persist(keep)
        articles = (labels.join(blobs).join(dates)
                    .map(lambda kv: (kv[1][0][0], json.dumps({"component": kv[1][0][0], "index": kv[0], "date": kv[1][1],
                                                              "features": kv[1][0][1]}))))

        def pair_line(component, ab, candidate, evidence):
            record = {"component": component, "a": ab[0], "b": ab[1], "candidate": candidate}
            if evidence is not None:
                record.update({k: v for k, v in evidence.items() if k not in ("a", "b")})
            return json.dumps(record)

        # Every known pair goes to the components of its two articles (once when they agree).
        touching = (known.map(lambda kv: (kv[0][0], kv)).leftOuterJoin(labels)
                    .map(lambda x: (x[1][0][0][1], (x[1][0], x[1][1]))).leftOuterJoin(labels)
                    .flatMap(lambda x: [(c, pair_line(c, x[1][0][0][0], x[1][0][0][1][0], x[1][0][0][1][1]))
                                        for c in {x[1][0][1], x[1][1]} if c is not None]))
        # Candidate pairs are all verified, so `known` holds every pair the cluster stage needs.
        grouped = articles.union(touching).repartitionAndSortWithinPartitions(numPartitions=partitions)
        clustered = grouped.mapPartitions(planned("cluster", lambda kv: kv[1])).persist(keep)
        asks = (clustered.filter(lambda r: "ask" in r).map(lambda r: (tuple(r["ask"]), None))
                .subtractByKey(known).keys().distinct().persist(keep))
        if asks.count() == 0:
            assignments = clustered.filter(lambda r: "ask" not in r)
            break
        answers = verify(asks).mapValues(lambda e: (False, e)).persist(keep)
        asked_total += answers.count()
        known = known.union(answers).persist(keep)
        if answers.filter(lambda kv: kv[1][1]["same_story"]).count() == 0:
            assignments = clustered.filter(lambda r: "ask" not in r)
            break
    phase("cluster")

    # 6. Stories numbered by their representative's input position; dedup's records written.
    stories = indexed.map(lambda ir: (ir[0], ir[1]["id"])).leftOuterJoin(
        assignments.map(lambda a: (a["index"], (a["representative"], a["evidence"]))))
    stories = stories.map(lambda kv: (kv[0], (kv[1][1] or (kv[0], None))[0], (kv[1][1] or (kv[0], None))[1], kv[1][0])).persist(keep)
    numbers = stories.filter(lambda s: s[0] == s[1]).map(lambda s: s[0]).sortBy(lambda i: i).zipWithIndex()
    ids = stories.map(lambda s: (s[0], s[3]))
    records = (stories.map(lambda s: (s[1], (s[0], s[2], s[3]))).join(numbers).join(ids)
               .map(lambda kv: (kv[1][0][0][0], {"id": kv[1][0][0][2], "cluster": kv[1][0][1],
                                                  "representative": kv[1][1], "evidence": kv[1][0][0][1]}))
               .sortByKey(numPartitions=partitions))
    lines = records.mapPartitions(piped(binary_name, ["stories"], lambda kv: json.dumps(kv[1]), parse=lambda line: line))
    if args.format == "parquet":
        spark.read.schema(DEDUP_SCHEMA).json(lines).write.mode("error").parquet(args.output)
    else:
        lines.saveAsTextFile(args.output)
    count_stories = numbers.count()
    phase("write")
    metrics.update({"documents": n, "stories": count_stories, "candidate_pairs": candidate_count,
                    "asks_verified": asked_total, "cluster_rounds": rounds, "skipped": len(bad),
                    "seconds": round(time.time() - started, 3)})
    sys.stderr.write(
        f"{PROG}: {n} documents, {count_stories} stories; {candidate_count} candidate pairs, "
        f"{asked_total} pairs asked across components, {rounds} clustering round{'' if rounds == 1 else 's'}; "
        f"{metrics['seconds']:.1f} s\n")
    if args.metrics:
        with open(args.metrics, "w") as f:
            json.dump(metrics, f, indent=2)
    spark.stop()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except StageFailed as error:
        fail(str(error), 70)
    except Exception as error:  # a stage failed on an executor: Spark wraps its StageFailed
        text = str(error)
        marker = "StageFailed: "
        if marker in text:
            fail(text[text.index(marker) + len(marker):].split("\n")[0], 70)
        raise
