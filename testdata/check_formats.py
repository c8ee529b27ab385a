#!/usr/bin/env python3
"""Check an export of annotate/formats the way a Python consumer reads it.

Usage: python3 testdata/check_formats.py EXPECTED.json FORMAT PATH [FORMAT PATH ...]

FORMAT is spacy, doccano, labelstudio, brat (PATH is a folder), conll or
w3c. For CoNLL it also checks what spaCy's converter and strict IOB2
readers (seqeval's IOB2 scheme, doccano) make of the file, with seqeval
when it can be imported. EXPECTED.json is {"documents": [{"text": ..., "spans": [[start, end,
label, text], ...]}]}, the documents that were exported to each PATH, with
offsets in code points.

For every span in the export, Python's text[start:end] (str counts code
points) must give the span's text: the quote the format carries where it
carries one (Label Studio, brat, W3C), else the expected text of the span
at those offsets. The spans of each document must be the expected ones
(for spaCy's "entities" and CoNLL, which cannot hold overlaps, a subset).
Prints "ok: PATH: N spans" for each PATH and exits 0, or prints each
problem and exits 1.
annotate/formats runs it from its tests when python3 is on PATH.
"""

import json
import os
import re
import sys
from itertools import chain

# Characters that separate tokens without being part of any, as in
# annotate.Tokenize; CoNLL leaves them out of its tokens.
INVISIBLE = re.compile(r"[\s\u200b\ufeff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class Checker:
    def __init__(self, expected):
        self.docs = {d["text"]: d["spans"] for d in expected["documents"]}
        self.order = [d["text"] for d in expected["documents"]]
        self.problems = []
        self.spans = 0

    def fail(self, where, msg):
        self.problems.append(f"{where}: {msg}")

    def expected(self, where, text):
        if text not in self.docs:
            self.fail(where, "text is none of the exported documents' texts")
            return None
        return {(s, e, label): t for s, e, label, t in self.docs[text]}

    def span(self, where, text, start, end, label, quote, want):
        """Check one span: its slice, its quote, and that it was exported."""
        self.spans += 1
        got = text[start:end]
        if quote is not None and got != quote:
            self.fail(where, f"text[{start}:{end}] is {got!r}, but the file quotes {quote!r}")
        if want is not None:
            if (start, end, label) not in want:
                self.fail(where, f"{label} [{start},{end}) {got!r} was not exported")
            elif got != want[(start, end, label)]:
                self.fail(where, f"text[{start}:{end}] is {got!r}, want {want[(start, end, label)]!r}")

    def same_set(self, where, got, want):
        if want is not None and set(got) != set(want):
            self.fail(where, f"spans differ: missing {sorted(set(want) - set(got))}, extra {sorted(set(got) - set(want))}")


def no_overlaps(checker, where, spans):
    spans = sorted(spans)
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            checker.fail(where, f"{a} and {b} overlap")


def check_spacy(c, path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            where = f"line {n}"
            text = rec["text"]
            want = c.expected(where, text)
            spans = [tuple(s) for s in rec["spans"]["sc"]]
            for s, e, label in spans:
                c.span(where, text, s, e, label, None, want)
            c.same_set(where, spans, want)
            ents = [tuple(s) for s in rec["entities"]]
            for s, e, label in ents:
                c.span(where + ": entities", text, s, e, label, None, want)
            no_overlaps(c, where + ": entities", ents)


def check_doccano(c, path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            where = f"line {n}"
            text = rec["text"]
            want = c.expected(where, text)
            if "entities" in rec:
                spans = [(e["start_offset"], e["end_offset"], e["label"]) for e in rec["entities"]]
                ids = {e["id"] for e in rec["entities"]}
                for r in rec["relations"]:
                    if r["from_id"] not in ids or r["to_id"] not in ids:
                        c.fail(where, f"relation {r['id']} names a missing entity")
            else:
                spans = [tuple(s) for s in rec["label"]]
            for s, e, label in spans:
                c.span(where, text, s, e, label, None, want)
            c.same_set(where, spans, want)


def check_labelstudio(c, path):
    with open(path, encoding="utf-8") as f:
        tasks = json.load(f)
    for n, task in enumerate(tasks, 1):
        where = f"task {n}"
        text = task["data"]["text"]
        want = c.expected(where, text)
        spans, ids = [], set()
        for a in task["annotations"]:
            for r in a["result"]:
                if r["type"] == "labels":
                    v = r["value"]
                    ids.add(r["id"])
                    for label in v["labels"]:
                        spans.append((v["start"], v["end"], label))
                        c.span(where, text, v["start"], v["end"], label, v["text"], want)
            for r in a["result"]:
                if r["type"] == "relation" and (r["from_id"] not in ids or r["to_id"] not in ids):
                    c.fail(where, "relation names a missing region")
        c.same_set(where, spans, want)


def check_brat(c, path):
    for name in sorted(os.listdir(path)):
        if not name.endswith(".txt"):
            continue
        # brat's server (annotation.py, open_textfile) reads the text with
        # universal newlines, mode "rU": CRLF and CR become LF. The file
        # must hold no CR, so that every reader counts the same text.
        with open(os.path.join(path, name), encoding="utf-8", newline="") as f:
            raw = f.read()
        with open(os.path.join(path, name), encoding="utf-8") as f:
            text = f.read()
        if raw != text:
            c.fail(name, "holds CR line ends, which brat's server reads as LF")
        with open(os.path.join(path, name[:-4] + ".ann"), encoding="utf-8", newline="") as f:
            ann = f.read()
        want = c.expected(name, text)
        spans, tids = [], set()
        for n, line in enumerate(ann.split("\n"), 1):
            where = f"{name[:-4]}.ann: line {n}"
            if line.startswith("T"):
                tid, mid, quote = line.split("\t")
                label, offsets = mid.split(" ", 1)
                frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
                for s, e in frags:
                    if "\n" in text[s:e]:
                        c.fail(where, f"fragment [{s},{e}) holds a line break")
                joined = " ".join(text[s:e] for s, e in frags)
                if joined != quote:
                    c.fail(where, f"fragments give {joined!r}, the line quotes {quote!r}")
                start, end = frags[0][0], frags[-1][1]
                between = text[start:end]
                c.span(where, text, start, end, label, None, want)
                if len(frags) > 1 and " ".join(p for p in between.split("\n") if p) != quote:
                    c.fail(where, "fragments are not the span's lines")
                spans.append((start, end, label))
                tids.add(tid)
            elif line.startswith("R"):
                args = [a.split(":")[1] for a in line.split("\t")[1].split()[1:]]
                if any(a not in tids for a in args):
                    c.fail(where, "relation names a missing T")
        c.same_set(name, spans, want)


# spaCy's converter (spacy/training/converters/conll_ner_to_docs.py)
# splits documents on exactly this line.
SPACY_DOC_DELIMITER = "-DOCSTART- -X- O O"


def conll_sentences(data):
    """Sentences of tags, as seqeval users and doccano read them: blank
    lines end a sentence, -DOCSTART- lines are skipped, the tag is the
    last column."""
    sents, sent = [], []
    for line in data.split("\n"):
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if sent:
                sents.append(sent)
            sent = []
        else:
            sent.append(cols[-1])
    if sent:
        sents.append(sent)
    return sents


def check_conll_readers(c, path, data):
    """Check what strict IOB2 readers and spaCy's converter make of data."""
    if SPACY_DOC_DELIMITER in data:
        docs = [d for d in data.strip().split(SPACY_DOC_DELIMITER) if d.strip()]
        if len(docs) != len(c.order):
            c.fail(path, f"spaCy's converter sees {len(docs)} documents, want {len(c.order)}")
    sents = conll_sentences(data)
    for n, sent in enumerate(sents, 1):
        if sent[0].startswith("I-"):
            c.fail(path, f"sentence {n} starts with {sent[0]}: strict IOB2 drops it")
    try:
        # seqeval.scheme needs neither numpy nor scikit-learn.
        from seqeval.scheme import IOB2, Entities
    except ImportError:
        return
    tagged = sum(tag != "O" for sent in sents for tag in sent)
    entities = list(chain.from_iterable(Entities(sents, IOB2).entities))
    covered = sum(e.end - e.start for e in entities)
    if covered != tagged:
        c.fail(path, f"seqeval: strict IOB2 entities cover {covered} tokens of the {tagged} tagged")


def check_conll(c, path):
    with open(path, encoding="utf-8") as f:
        data = f.read()
    check_conll_readers(c, path, data)
    lines = data.split("\n")
    docs, doc = [], None
    for n, line in enumerate(lines, 1):
        if line.startswith("-DOCSTART-"):
            doc = []
            docs.append(doc)
        elif line.strip():
            token, tag = line.split("\t")
            doc.append((n, token, tag))
    if len(docs) != len(c.order):
        c.fail(path, f"{len(docs)} documents, want {len(c.order)}")
        return
    for text, tokens in zip(c.order, docs):
        where = f"document starting {text[:20]!r}"
        if "".join(t for _, t, _ in tokens) != INVISIBLE.sub("", text):
            c.fail(where, "tokens do not spell the text")
        want = {}
        for s, e, label, t in c.docs[text]:
            want.setdefault((label, INVISIBLE.sub("", t)), []).append((s, e))
        run, runs = None, []
        for n, token, tag in tokens:
            if tag.startswith("B-") or tag == "O":
                run = None
            if tag.startswith("B-"):
                run = [tag[2:], n, ""]
                runs.append(run)
            if tag.startswith("I-"):
                if run is None or run[0] != tag[2:]:
                    c.fail(f"line {n}", f"{tag} does not continue a span")
                    continue
            if run is not None:
                run[2] += token
        for label, n, joined in runs:
            c.spans += 1
            if (label, joined) not in want:
                c.fail(f"line {n}", f"{label} {joined!r} is no exported span's text")


def check_w3c(c, path):
    with open(path, encoding="utf-8") as f:
        coll = json.load(f)
    items = coll["first"]["items"]
    if coll["total"] != len(items):
        c.fail(path, f"total {coll['total']}, but {len(items)} items")
    texts, spans, ids = {}, {}, set()
    for n, item in enumerate(items, 1):
        if item["motivation"] != "tagging":
            continue
        source = item["target"]["source"]
        if isinstance(source, dict):
            texts[source["id"]] = source["spanmark:text"]
            source = source["id"]
        ids.add(item["id"])
        sels = {s["type"]: s for s in item["target"]["selector"]}
        pos, quote = sels["TextPositionSelector"], sels["TextQuoteSelector"]
        text = texts[source]
        s, e = pos["start"], pos["end"]
        label = item["body"]["value"] if isinstance(item["body"], dict) else item["body"][0]["value"]
        c.span(f"item {n}", text, s, e, label, quote["exact"], c.expected(f"item {n}", text))
        if quote.get("prefix", "") != text[max(0, s - 32):s] or quote.get("suffix", "") != text[e:e + 32]:
            c.fail(f"item {n}", "prefix or suffix is not the 32 code points around the span")
        spans.setdefault(source, []).append((s, e, label))
    for n, item in enumerate(items, 1):
        if item["motivation"] == "linking" and any(i not in ids for i in item["target"]["items"]):
            c.fail(f"item {n}", "relation names a missing annotation")
    for source, got in spans.items():
        c.same_set(source, got, c.expected(source, texts[source]))


CHECKS = {
    "spacy": check_spacy,
    "doccano": check_doccano,
    "labelstudio": check_labelstudio,
    "brat": check_brat,
    "conll": check_conll,
    "w3c": check_w3c,
}


def run(usage, checks, make, count, unit):
    """Run the checks of the formats and paths the command line names,
    each with a checker make(expected) makes, and report per path the
    count(checker) things checked, or its problems; return the exit code.
    check_attributes.py runs its checks by it too."""
    args = sys.argv[2:]
    if len(sys.argv) < 4 or len(args) % 2 or any(f not in checks for f in args[::2]):
        print(usage, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        expected = json.load(f)
    failed = False
    for fmt, path in zip(args[::2], args[1::2]):
        c = make(expected)
        checks[fmt](c, path)
        if count(c) == 0:
            c.fail(path, f"no {unit}")
        for p in c.problems:
            print(f"{path}: {p}")
        if c.problems:
            failed = True
        else:
            print(f"ok: {path}: {count(c)} {unit}")
    return 1 if failed else 0


def main():
    return run(__doc__, CHECKS, Checker, lambda c: c.spans, "spans")


if __name__ == "__main__":
    sys.exit(main())
