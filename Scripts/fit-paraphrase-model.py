#!/usr/bin/env python3
"""Fits the paraphrase model of `wirediff pairs` (Sources/WireDiff/Alignment/ParaphraseModel.swift)
and shows it is not brittle: 10-fold cross-validated accuracy and F1 beside the in-sample ones,
and the Pearson r of its score on graded pairs it was not fitted on.

A logistic regression over the score breakdown that `wirediff pairs --format json` prints
(word-alignment share, character n-gram cosine, per-side coverage, unmatched words, figures,
names, negation, bigram overlap) and its second-degree terms (each feature's square and the
product of each two: "high overlap but one side much longer" is a product, not a sum),
L2-regularized, terms standardized. The script also cross-validates the first-degree model on
the same folds and prints the paired difference.

Usage (from the repository root, after `swift build -c release`; needs numpy):
  python3 Scripts/fit-paraphrase-model.py LABELLED.tsv [GRADED.tsv] [--wirediff PATH]
LABELLED.tsv: a<TAB>b<TAB>label (0/1), e.g. MRPC train+val; GRADED.tsv: gold<TAB>a<TAB>b[<TAB>subset]
(e.g. STS news), only evaluated. Prints the cross-validation table and the Swift constants.
"""
import argparse, json, math, subprocess, sys, tempfile
import numpy as np

FEATURES = [
    ("wordScore", lambda b: b["word_score"]),
    ("characterScore", lambda b: b["character_score"]),
    ("minimumCoverage", lambda b: min(b["reference_coverage"], b["other_coverage"])),
    ("maximumCoverage", lambda b: max(b["reference_coverage"], b["other_coverage"])),
    ("unmatchedNumbers", lambda b: float(b["unmatched_numbers"] > 0)),
    ("contradictingNumbers", lambda b: float(b["contradicting_numbers"])),
    ("unmatchedNames", lambda b: min(b["unmatched_names"], 3) / 3),
    ("negationMismatch", lambda b: float(b["negation_mismatch"])),
    ("unmatchedWordsMost", lambda b: math.log1p(max(b["unmatched_reference_words"], b["unmatched_other_words"]))),
    ("unmatchedWordsLeast", lambda b: math.log1p(min(b["unmatched_reference_words"], b["unmatched_other_words"]))),
    ("bigramOverlap", lambda b: b["bigram_overlap"]),
    ("wordOverlap", lambda b: b["word_overlap"]),
]


def breakdowns(wirediff, pairs):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for a, b in pairs:
            f.write(f"{a}\t{b}\n")
    out = subprocess.run([wirediff, "pairs", "--format", "json", f.name], capture_output=True, text=True, check=True)
    return [json.loads(line)["breakdown"] for line in out.stdout.splitlines()]


def matrix(bs):
    return np.array([[f(b) for _, f in FEATURES] for b in bs])


def expand(X):
    """The features, their squares, then the products of each two (i < j), in the order
    ParaphraseModel.terms(_:) computes them."""
    n = X.shape[1]
    return np.hstack([X, X ** 2] + [X[:, [i]] * X[:, [j]] for i in range(n) for j in range(i + 1, n)])


def term_names():
    names = [name for name, _ in FEATURES]
    n = len(names)
    return names + [f"{a}²" for a in names] + [f"{names[i]}×{names[j]}" for i in range(n) for j in range(i + 1, n)]


def fit(X, y, l2=1e-3, steps=4000, rate=0.5):
    Xb = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(Xb.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-Xb @ w))
        w -= rate * (Xb.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0])
    return w


def linear(w, X):
    return np.hstack([X, np.ones((len(X), 1))]) @ w


def scores(p, y):
    d = (p >= 0.5).astype(int)
    tp, fp, fn = ((d == 1) & (y == 1)).sum(), ((d == 1) & (y == 0)).sum(), ((d == 0) & (y == 1)).sum()
    return (d == y).mean(), 2 * tp / (2 * tp + fp + fn)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("labelled")
    ap.add_argument("graded", nargs="?")
    ap.add_argument("--wirediff", default=".build/release/wirediff")
    args = ap.parse_args()
    rows = [l.rstrip("\n").split("\t") for l in open(args.labelled, encoding="utf-8") if l.strip()]
    first = matrix(breakdowns(args.wirediff, [(r[0], r[1]) for r in rows]))
    X = expand(first)
    y = np.array([int(r[2]) for r in rows])

    def standardize(M):
        mean, std = M.mean(0), M.std(0) + 1e-9
        return mean, std, (M - mean) / std

    mean, std, Z = standardize(X)
    _, _, Z1 = standardize(first)
    folds = np.array_split(np.random.default_rng(1).permutation(len(y)), 10)
    cv, cv1 = [], []
    for k in range(10):
        test = folds[k]
        train = np.concatenate([folds[j] for j in range(10) if j != k])
        w = fit(Z[train], y[train])
        cv.append(scores(1 / (1 + np.exp(-linear(w, Z[test]))), y[test]))
        w1 = fit(Z1[train], y[train])
        cv1.append(scores(1 / (1 + np.exp(-linear(w1, Z1[test]))), y[test]))
    cv, cv1 = np.array(cv), np.array(cv1)
    w = fit(Z, y)
    accuracy, f1 = scores(1 / (1 + np.exp(-linear(w, Z))), y)
    print(f"10-fold CV: accuracy {cv[:, 0].mean():.3f} ± {cv[:, 0].std():.3f} (min {cv[:, 0].min():.3f}), "
          f"F1 {cv[:, 1].mean():.3f} ± {cv[:, 1].std():.3f}; in-sample accuracy {accuracy:.3f}, F1 {f1:.3f} (n={len(y)})")
    d = cv - cv1
    print(f"first-degree model, same folds: accuracy {cv1[:, 0].mean():.3f} ± {cv1[:, 0].std():.3f}, F1 {cv1[:, 1].mean():.3f}; "
          f"second degree minus first, per fold: accuracy {d[:, 0].mean():+.4f} ± {d[:, 0].std():.4f} "
          f"(better in {(d[:, 0] > 0).sum()} of 10), F1 {d[:, 1].mean():+.4f} ± {d[:, 1].std():.4f}")
    if args.graded:
        g = [l.rstrip("\n").split("\t") for l in open(args.graded, encoding="utf-8") if l.strip()]
        G = (expand(matrix(breakdowns(args.wirediff, [(r[1], r[2]) for r in g]))) - mean) / std
        p = 1 / (1 + np.exp(-linear(w, G)))
        gold = np.array([float(r[0]) for r in g])
        print(f"graded pairs (not fitted on): Pearson r of the model's probability {np.corrcoef(p, gold)[0, 1]:.3f}")
    print("\n    // Generated by Scripts/fit-paraphrase-model.py; see its output in the doc comment.")
    print("    static let terms: [(name: String, mean: Double, scale: Double, weight: Double)] = [")
    for name, m, s, c in zip(term_names(), mean, std, w[:-1]):
        print(f'        ("{name}", {m:.6f}, {s:.6f}, {c:.6f}),')
    print("    ]")
    print(f"    static let intercept = {w[-1]:.6f}")


if __name__ == "__main__":
    sys.exit(main())
