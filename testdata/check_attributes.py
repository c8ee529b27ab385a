#!/usr/bin/env python3
"""Check the attribute values of an export of annotate/formats as a Python
consumer reads them, with plain json.

Usage: python3 testdata/check_attributes.py EXPECTED.json FORMAT PATH [FORMAT PATH ...]

FORMAT is labelstudio, w3c or spacy. EXPECTED.json is {"documents":
[{"text": ..., "attributes": {...}, "spans": [[start, end, label, text,
{name: value, ...}], ...]}]}, the documents that were exported, with
offsets in code points and values as JSON strings and bools.

For every span of the export, Python's text[start:end] (str counts code
points) must be the expected span's text, and the values the export gives
it must be the expected values of the span with those offsets and label,
no more, no fewer: Label Studio's "choices" and "textarea" results with
the region's id (a bool is ["true"], or [] for false), W3C's bodies that
name a "spanmark:attribute" (a bool is "true" or "false"), spaCy's
"span_attributes" entry at the span's index. The document's values must
be the expected ones too: Label Studio's results of no region, named
"document.NAME"; W3C's source's "spanmark:attributes"; spaCy's top-level
"attributes". Prints "ok: PATH: N values" for each PATH and exits 0, or
prints each problem and exits 1.
annotate/formats runs it from its tests when python3 is on PATH.
"""

import json
import sys

from check_formats import run  # the same folder, which python3 puts on sys.path


class Checker:
    def __init__(self, expected):
        self.docs = {d["text"]: d for d in expected["documents"]}
        self.problems = []
        self.values = 0

    def fail(self, where, msg):
        self.problems.append(f"{where}: {msg}")

    def document(self, where, text):
        doc = self.docs.get(text)
        if doc is None:
            self.fail(where, "text is none of the exported documents' texts")
        return doc

    def spans(self, where, text, got):
        """got maps (start, end, label) to the values the export gives."""
        doc = self.document(where, text)
        if doc is None:
            return
        want = {(s, e, label): (t, a) for s, e, label, t, a in doc["spans"]}
        for (s, e, label), values in got.items():
            if (s, e, label) not in want:
                self.fail(where, f"{label} [{s},{e}) was not exported")
                continue
            wtext, wvalues = want[(s, e, label)]
            if text[s:e] != wtext:
                self.fail(where, f"text[{s}:{e}] is {text[s:e]!r}, want {wtext!r}")
            self.same(f"{where}: {label} [{s},{e}) {text[s:e]!r}", values, wvalues)
        for key, (_, wvalues) in want.items():
            if key not in got and wvalues:
                self.fail(where, f"{key[2]} [{key[0]},{key[1]}) lost its values {wvalues}")

    def doc_values(self, where, text, got):
        doc = self.document(where, text)
        if doc is not None:
            self.same(f"{where}: the document", got, doc.get("attributes") or {})

    def same(self, where, got, want):
        self.values += len(got)
        if got != want:
            self.fail(where, f"values {got!r}, want {want!r}")


def as_text(values):
    """W3C's bodies hold text: a bool is "true" or "false"."""
    return {k: (str(v).lower() if isinstance(v, bool) else v) for k, v in values.items()}


def check_labelstudio(c, path):
    with open(path, encoding="utf-8") as f:
        tasks = json.load(f)
    for n, task in enumerate(tasks, 1):
        where = f"task {n}"
        text = task["data"]["text"]
        doc = c.document(where, text)
        if doc is None:
            continue
        bools = {name for _, _, _, _, a in doc["spans"] for name, v in a.items() if isinstance(v, bool)}
        regions, got, doc_values = {}, {}, {}
        for a in task["annotations"]:
            for r in a["result"]:
                if r["type"] == "labels":
                    v = r["value"]
                    regions[r["id"]] = (v["start"], v["end"], v["labels"][0])
                    got.setdefault(regions[r["id"]], {})
            for r in a["result"]:
                if r["type"] not in ("choices", "textarea"):
                    continue
                v = r["value"]
                if r["type"] == "textarea":
                    value = "\n".join(v["text"])
                elif r["from_name"] in bools and v["choices"] in ([], ["true"], [r["from_name"]]):
                    # a bool's check box is named after its attribute
                    value = v["choices"] != []
                else:
                    value = v["choices"][0]
                if r["id"] in regions:
                    s, e, label = regions[r["id"]]
                    if "start" in v and (v["start"], v["end"]) != (s, e):
                        c.fail(where, f"result {r['id']} {r['from_name']}: span differs from its region's")
                    got[regions[r["id"]]][r["from_name"]] = value
                else:
                    name = r["from_name"].removeprefix("document.")
                    doc_values[name] = value
        c.spans(where, text, got)
        c.doc_values(where, text, doc_values)


def check_w3c(c, path):
    with open(path, encoding="utf-8") as f:
        coll = json.load(f)
    texts, got, doc_values = {}, {}, {}
    for n, item in enumerate(coll["first"]["items"], 1):
        if item["motivation"] != "tagging":
            continue
        source = item["target"]["source"]
        if isinstance(source, dict):
            texts[source["id"]] = source["spanmark:text"]
            doc_values[source["id"]] = source.get("spanmark:attributes", {})
            source = source["id"]
        pos = next(s for s in item["target"]["selector"] if s["type"] == "TextPositionSelector")
        bodies = item["body"] if isinstance(item["body"], list) else [item["body"]]
        label = bodies[0]["value"]
        values = {b["spanmark:attribute"]: b["value"] for b in bodies if "spanmark:attribute" in b}
        for b in bodies:
            if "spanmark:attribute" in b and b["purpose"] not in ("classifying", "describing"):
                c.fail(f"item {n}", f"attribute body with purpose {b['purpose']!r}")
        got.setdefault(source, {})[(pos["start"], pos["end"], label)] = values
    for src in coll.get("spanmark:documents", []):
        texts[src["id"]] = src["spanmark:text"]
        doc_values[src["id"]] = src.get("spanmark:attributes", {})
    for source, text in texts.items():
        doc = c.document(source, text)
        if doc is None:
            continue
        expected = {"documents": [{"text": text, "attributes": doc.get("attributes"),
                                   "spans": [[s, e, l, t, as_text(a)] for s, e, l, t, a in doc["spans"]]}]}
        sub = Checker(expected)
        sub.spans(source, text, got.get(source, {}))
        sub.doc_values(source, text, doc_values[source])
        c.problems += sub.problems
        c.values += sub.values


def check_spacy(c, path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            where = f"line {n}"
            spans = rec["spans"]["sc"]
            attrs = rec.get("span_attributes", {}).get("sc", [{}] * len(spans))
            if len(attrs) != len(spans):
                c.fail(where, f"{len(attrs)} span_attributes for {len(spans)} spans")
                continue
            got = {(s, e, label): a for (s, e, label), a in zip(spans, attrs)}
            c.spans(where, rec["text"], got)
            c.doc_values(where, rec["text"], rec.get("attributes", {}))


CHECKS = {"labelstudio": check_labelstudio, "w3c": check_w3c, "spacy": check_spacy}


def main():
    return run(__doc__, CHECKS, Checker, lambda c: c.values, "values")


if __name__ == "__main__":
    sys.exit(main())
