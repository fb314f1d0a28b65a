#!/usr/bin/env python3
"""Near-duplicate detection with datasketch, as a peer for the wirediff benchmark.

Reads the same JSONL corpus (`id`, `text`) that `WireDiffBenchmarks generate` writes, builds
shingles, MinHash signatures (datasketch.MinHash, `update_batch`) and a MinHashLSH index, queries
every document, and groups the candidate pairs by connected components (the usual recipe, e.g.
text-dedup). Times each phase, reports docs/s, MB/s and peak memory, and scores pair
precision / recall / F1 against the labels TSV, printing the same table row as wirediff's
benchmark.

Shingles:
  word5     lowercase word 5-grams (the off-the-shelf default)
  content1  stopwords removed, Snowball-stemmed content-word unigrams (approximates wirediff)
  content2  the same, bigrams
  (stemming needs `snowballstemmer`; without it the words are not stemmed and a warning is printed)

Requires: pip install datasketch [snowballstemmer]
"""
import argparse
import json
import re
import resource
import sys
import time
from collections import Counter, defaultdict

from datasketch import MinHash, MinHashLSH

try:
    import snowballstemmer

    STEMMER = snowballstemmer.stemmer("english")
except ImportError:  # pragma: no cover
    STEMMER = None

# A standard English stopword list (the NLTK list plus "said").
STOPWORDS = set(
    """a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can cannot could couldn't did didn't do does doesn't doing don't
    down during each few for from further had hadn't has hasn't have haven't having he her here hers
    herself him himself his how i if in into is isn't it it's its itself just me more most mustn't my
    myself no nor not now of off on once only or other our ours ourselves out over own same shan't she
    should shouldn't so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was wasn't we were weren't what when where which
    while who whom why will with won't would wouldn't you your yours yourself yourselves said s t""".split()
)

WORD = re.compile(r"\w+(?:'\w+)?", re.UNICODE)

HEADER = (
    "| tool | shingles | docs | MB | read s | shingle s | sign s | index s | query s | verify s | cluster s "
    "| total s | docs/s | MB/s | peak MB | P | R | F1 |"
)
RULE = "|" + "---|" * 18


_STEMS = {}


def stem(word):
    """Snowball stem, memoized (the pure-Python stemmer is slow; the vocabulary is small)."""
    s = _STEMS.get(word)
    if s is None:
        s = STEMMER.stemWord(word) if STEMMER is not None else word
        _STEMS[word] = s
    return s


def shingles(text, kind):
    words = WORD.findall(text.lower())
    if kind == "word5":
        return {" ".join(words[i : i + 5]) for i in range(max(0, len(words) - 4))} or set(words)
    content = [stem(w) for w in words if w not in STOPWORDS]
    if kind == "content1":
        return set(content)
    if kind == "content2":
        return {content[i] + " " + content[i + 1] for i in range(max(0, len(content) - 1))} or set(content)
    raise SystemExit(f"unknown shingle kind {kind}")


def load_labels(path):
    story, role, strength, related = {}, {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            parts = line.rstrip("\n").split("\t")
            if n == 0 and parts[0] == "id":
                continue
            story[parts[0]] = parts[1]
            role[parts[0]] = parts[2]
            strength[parts[0]] = parts[3] if len(parts) > 3 else "-"
            related[parts[0]] = parts[4] if len(parts) > 4 else "-"
    return story, role, strength, related


def pairs_of(n):
    return n * (n - 1) // 2


def evaluate(labels, clusters=None, pairs=None):
    """Pair precision/recall/F1 and per-role 'found with the original' counts."""
    story, role, strength, related = labels
    true_pairs = sum(pairs_of(c) for c in Counter(story.values()).values())
    original = {story[d]: d for d in story if role[d] == "original"}
    if clusters is not None:
        cl = dict(clusters)
        for d in story:
            cl.setdefault(d, ("single", d))
        cells = Counter((story[d], cl[d]) for d in story)
        tp = sum(pairs_of(c) for c in cells.values())
        predicted = sum(pairs_of(c) for c in Counter(cl[d] for d in story).values())
        linked = lambda a, b: cl[a] == cl[b]
    else:
        seen = {tuple(sorted(p)) for p in pairs if p[0] != p[1] and p[0] in story and p[1] in story}
        predicted = len(seen)
        tp = sum(1 for a, b in seen if story[a] == story[b])
        linked = lambda a, b: tuple(sorted((a, b))) in seen
    found = defaultdict(lambda: [0, 0])
    merged = [0, 0]
    for d in story:
        if role[d] == "original":
            continue
        if role[d] == "distractor":
            o = original.get(related[d])
            if o is not None:
                merged[1] += 1
                merged[0] += linked(o, d)
            continue
        o = original.get(story[d])
        if o is None:
            continue
        key = role[d] + ("-" + strength[d] if role[d] == "rewrite" else "")
        found[key][1] += 1
        found[key][0] += linked(o, d)
    p = tp / predicted if predicted else 1.0
    r = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return dict(P=p, R=r, F1=f1, tp=tp, predicted=predicted, true=true_pairs, found=dict(found), merged=merged)


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="JSONL with id and text")
    ap.add_argument("--labels", help="labels TSV from `WireDiffBenchmarks generate` (for P/R/F1)")
    ap.add_argument("--shingles", default="word5", choices=["word5", "content1", "content2"])
    ap.add_argument("--permutations", type=int, default=128)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--output", choices=["clusters", "pairs"], default="clusters",
                    help="score connected components (default) or the raw LSH candidate pairs")
    ap.add_argument("--write", help="write the prediction: clusters as JSONL (id, cluster) or pairs as TSV")
    ap.add_argument("--limit", type=int, default=0, help="read only the first N documents")
    args = ap.parse_args()
    if args.shingles != "word5" and STEMMER is None:
        print("warning: snowballstemmer not installed; content words are not stemmed", file=sys.stderr)

    times = {}
    t0 = time.perf_counter()
    ids, texts = [], []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            ids.append(str(record["id"]))
            texts.append(record["text"])
            if args.limit and len(ids) >= args.limit:
                break
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t1 = time.perf_counter()
    times["read"] = t1 - t0

    sets = [shingles(t, args.shingles) for t in texts]
    t2 = time.perf_counter()
    times["shingle"] = t2 - t1

    signatures = []
    for s in sets:
        m = MinHash(num_perm=args.permutations, seed=args.seed)
        m.update_batch([x.encode("utf-8") for x in s])
        signatures.append(m)
    t3 = time.perf_counter()
    times["sign"] = t3 - t2

    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.permutations)
    for i, m in enumerate(signatures):
        lsh.insert(i, m, check_duplication=False)
    t4 = time.perf_counter()
    times["index"] = t4 - t3

    pairs = []
    for i, m in enumerate(signatures):
        for j in lsh.query(m):
            if j > i:
                pairs.append((i, j))
    t5 = time.perf_counter()
    times["query"] = t5 - t4

    clusters = None
    if args.output == "clusters":
        uf = UnionFind(len(ids))
        for a, b in pairs:
            uf.union(a, b)
        clusters = {ids[i]: ids[uf.find(i)] for i in range(len(ids))}
    t6 = time.perf_counter()
    times["cluster"] = t6 - t5
    total = t6 - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if args.write:
        with open(args.write, "w", encoding="utf-8") as out:
            if clusters is not None:
                for d in ids:
                    out.write(json.dumps({"id": d, "cluster": clusters[d], "representative": clusters[d]}) + "\n")
            else:
                for a, b in pairs:
                    out.write(f"{ids[a]}\t{ids[b]}\n")

    scores = None
    if args.labels:
        labels = load_labels(args.labels)
        if args.limit:
            keep = set(ids)
            labels = tuple({k: v for k, v in m.items() if k in keep} for m in labels)
        if clusters is not None:
            scores = evaluate(labels, clusters=clusters)
        else:
            scores = evaluate(labels, pairs=[(ids[a], ids[b]) for a, b in pairs])

    def fmt(x):
        return f"{x:.2f}" if x is not None else "-"

    quality = [f"{scores[k]:.4f}" for k in ("P", "R", "F1")] if scores else ["-"] * 3
    name = f"datasketch {args.shingles} n={args.permutations} t={args.threshold}"
    row = [
        "datasketch", f"{args.shingles} ({args.output})", str(len(ids)), f"{megabytes:.1f}",
        fmt(times["read"]), fmt(times["shingle"]), fmt(times["sign"]), fmt(times["index"]),
        fmt(times["query"]), "-", fmt(times["cluster"]) if clusters is not None else "-",
        fmt(total), f"{len(ids) / total:.0f}", f"{megabytes / total:.2f}", f"{peak_mb:.0f}",
    ] + quality
    print(f"# {name}: {len(pairs)} candidate pairs")
    print(HEADER)
    print(RULE)
    print("| " + " | ".join(row) + " |")
    if scores:
        print(f"\ntrue pairs {scores['true']}, predicted pairs {scores['predicted']}, true positives {scores['tp']}")
        found = ", ".join(
            f"{k} {v[0]}/{v[1]} ({100 * v[0] / max(1, v[1]):.1f}%)" for k, v in sorted(scores["found"].items())
        )
        print(f"found with their original: {found}")
        print(f"distractors put with the story they imitate: {scores['merged'][0]}/{scores['merged'][1]}")


if __name__ == "__main__":
    main()
