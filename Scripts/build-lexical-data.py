#!/usr/bin/env python3
"""Builds Sources/WireDiff/Lexical/LexicalData.swift: the packed lexical table wirediff embeds.

Inputs (Debian packages; install with `apt-get install wordnet-base wamerican wbritish`):
  /usr/share/wordnet/{index,data}.{noun,verb,adj,adv}, *.exc   WordNet 3.0 (Princeton)
  /usr/share/dict/{american,british}-english                    SCOWL word lists

Output: one Swift string literal, parsed once at first use by `LexicalTable` (see its doc
comment for the layout). Licences: Sources/WireDiff/Lexical/LICENSES.md, written beside the
data by this script.

What goes in (general lexical knowledge only, nothing from any evaluation set):
  * every single-word WordNet lemma (lowercased; periods dropped as the tokenizer does, so
    "U.S." is "us") with the concepts of its first --senses senses per part of speech:
      - synonym concepts: the synsets themselves; an adjective satellite also gets its head
        synset (WordNet's similar-to cluster) and an adjective or adverb its pertainym's synset
        ("British" → Britain/UK, "American" → America/US);
      - broader concepts: each sense's direct hypernyms (and instance hypernyms' parts:
        a capital's country, "Tehran" → Iran), and a verb's or noun's derivationally related
        synsets ("assassinate" ↔ "assassination");
    concepts that only one word carries are left out (they can relate nothing);
  * WordNet's irregular inflections (took → take, mice → mouse) of those lemmas;
  * British → American spelling pairs: a word of the British list missing from the American
    one, rewritten by the regular correspondences (-our/-or, -re/-er, -ise/-ize, -yse/-yze,
    -ogue/-og, -ence/-ense, doubled l, ae/oe → e), kept when the rewrite is an American word.

Usage: python3 Scripts/build-lexical-data.py [--senses 3] [--out PATH]
"""
import argparse, collections, os, re, sys

WN = "/usr/share/wordnet"
DICT = "/usr/share/dict"
POS = ["noun", "verb", "adj", "adv"]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/"
WORD = re.compile(r"^[a-z][a-z0-9']*$")


def norm(lemma):
    w = lemma.lower().replace(".", "").replace("'", "")
    return w if WORD.match(w) else None


def read_data(pos):
    """synset offset -> (type, [lemmas], [(symbol, offset, pos, source/target)])"""
    out = {}
    with open(os.path.join(WN, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split(" | ")[0].split()
            off, ss_type, wcnt = head[0], head[2], int(head[3], 16)
            words = [head[4 + 2 * i] for i in range(wcnt)]
            k = 4 + 2 * wcnt
            pcnt = int(head[k]); k += 1
            ptrs = [tuple(head[k + 4 * i: k + 4 * i + 4]) for i in range(pcnt)]
            out[pos[0] + off] = (ss_type, words, ptrs)
    return out


def key(pos_letter, off):
    return {"n": "n", "v": "v", "a": "a", "s": "a", "r": "r"}[pos_letter] + off


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--senses", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "WireDiff", "Lexical", "LexicalData.swift"))
    args = ap.parse_args()

    data = {}
    for p in POS:
        data.update(read_data(p))
    senses = {}  # (pos letter, lemma as written in data files, lowercased) -> synset offsets
    for p in POS:
        with open(os.path.join(WN, "index." + p), encoding="latin-1") as f:
            for line in f:
                if not line.startswith("  "):
                    parts = line.split()
                    senses[(p[0], parts[0])] = parts[4 + int(parts[3]) + 2:]
    syn = collections.defaultdict(set)    # word -> synonym concepts
    broad = collections.defaultdict(set)  # word -> broader concepts
    for p in POS:
        with open(os.path.join(WN, "index." + p), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                word = norm(parts[0])
                if word is None:
                    continue
                n_synsets, n_ptr = int(parts[2]), int(parts[3])
                offsets = parts[4 + n_ptr + 2:]
                for off in offsets[: args.senses]:
                    k = p[0] + off
                    ss_type, words, ptrs = data[k]
                    syn[word].add(k)
                    for sym, toff, tpos, st in ptrs:
                        t = key(tpos, toff)
                        lexical = st != "0000"
                        if lexical:
                            # A lexical pointer holds for one lemma of the synset only.
                            src = int(st[:2], 16) - 1
                            if src < 0 or src >= len(words) or norm(words[src]) != word:
                                continue
                        if sym == "&" and ss_type == "s":
                            syn[word].add(t)
                        elif sym == "\\":
                            syn[word].add(t)
                            # The other senses of the pertainym's words: "British" pertains to
                            # Great Britain the island, also a name of the United Kingdom.
                            for lemma in data[t][1]:
                                for off2 in senses.get(("n", lemma.lower()), [])[: args.senses]:
                                    syn[word].add("n" + off2)
                        elif sym in ("@", "@i"):
                            broad[word].add(t)
                        elif sym == "#p" and data[k][0] == "n" and words[0][:1].isupper():
                            broad[word].add(t)
                        elif sym == "+":
                            broad[word].add(t)
    # Keep concepts that relate at least two words.
    carriers = collections.Counter()
    for w in set(syn) | set(broad):
        for c in syn[w] | broad[w]:
            carriers[c] += 1
    useful = {c for c, n in carriers.items() if n >= 2}
    ids = {c: i for i, c in enumerate(sorted(useful))}
    assert len(ids) < 64 ** 3

    def enc(i):
        return ALPHABET[i >> 12] + ALPHABET[(i >> 6) & 63] + ALPHABET[i & 63]

    lines = []
    vocab = set()
    for w in sorted(set(syn) | set(broad)):
        s = sorted(ids[c] for c in syn[w] if c in useful)
        b = sorted(ids[c] for c in broad[w] - syn[w] if c in useful)
        if not s and not b:
            continue
        vocab.add(w)
        lines.append(w + " " + "".join(map(enc, s)) + " " + "".join(map(enc, b)))
    # Irregular inflections.
    inflections = []
    for p in POS:
        with open(os.path.join(WN, p + ".exc"), encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                form, bases = norm(parts[0]), sorted({norm(b) for b in parts[1:]} & vocab)
                if form and bases and form not in bases:
                    inflections.append(form + " " + " ".join(bases))
    inflections = sorted(set(inflections))
    # British -> American spellings.
    def words_of(name):
        with open(os.path.join(DICT, name), encoding="utf-8", errors="ignore") as f:
            return {l.strip() for l in f if l.strip().isalpha() and l.strip().islower()}
    american, british = words_of("american-english"), words_of("british-english")
    rules = [("our", "or"), ("tre", "ter"), ("tres", "ters"), ("tred", "tered"), ("ise", "ize"),
             ("isation", "ization"), ("yse", "yze"), ("ogue", "og"), ("ence", "ense"),
             ("ll", "l"), ("ae", "e"), ("oe", "e"), ("isa", "iza"), ("isi", "izi"), ("ysi", "yzi")]
    spellings = {}
    for b in sorted(british - american):
        found = None
        for old, new in rules:
            start = 0
            while found is None:
                i = b.find(old, start)
                if i < 0:
                    break
                cand = b[:i] + new + b[i + len(old):]
                if cand in american and cand not in british:
                    found = cand
                start = i + 1
            if found:
                break
        if found:
            spellings[b] = found
    out = []
    out.append("// Generated by Scripts/build-lexical-data.py from WordNet 3.0 (Princeton University) and")
    out.append("// SCOWL word lists (Kevin Atkinson); licences in LICENSES.md beside this file. Do not edit.")
    out.append("")
    out.append("extension LexicalTable {")
    out.append("    /// Sections, each line `word synonym-ids broader-ids` (ids: 3 characters each), then")
    out.append("    /// `=` and lines `form base…` (irregular inflections), then `=` and lines `british american`.")
    out.append("    package static let packed: StaticString = \"\"\"")
    body = lines + ["="] + inflections + ["="] + [b + " " + a for b, a in sorted(spellings.items())]
    out.extend(body)
    out.append("\"\"\"")
    out.append("}")
    text = "\n".join(out) + "\n"
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write(text)
    print(f"{len(lines)} words, {len(ids)} concepts, {len(inflections)} inflections, "
          f"{len(spellings)} spellings, {len(text.encode()) / 1e6:.2f} MB -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
