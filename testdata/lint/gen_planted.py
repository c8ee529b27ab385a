#!/usr/bin/env python3
"""Writes planted.json: a spanmark export with one planted case of each
lint rule (document "Planted", plus "Done but empty") and a clean document
("Clean") that must produce no findings. Offsets are code points, as
Python's str indexes them; run it again after changing a case."""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))

def span(text, sub, label, ident, nth=0, attrs=None):
    at = -1
    for _ in range(nth + 1):
        at = text.index(sub, at + 1)
    a = {"id": ident, "start": at, "end": at + len(sub), "text": sub, "label": label}
    if attrs:
        a["attributes"] = attrs
    return a

clean_text = ("“The blockade will end by March,” said Sergei Shoigu, Russia’s defence minister. "
              "Shoigu spoke in Moscow, where NATO envoys met. NATO said nothing. Shoigu left.")
clean = {
    "id": "clean", "title": "Clean", "text": clean_text, "status": "done",
    "annotations": [
        span(clean_text, "The blockade will end by March", "CLAIM", "c1", attrs={"verdict": "false"}),
        span(clean_text, "March", "DATE", "e1"),
        span(clean_text, "Sergei Shoigu", "SOURCE", "s1"),
        span(clean_text, "Sergei Shoigu", "PERSON", "e2"),
        span(clean_text, "Russia", "LOC", "e3"),
        span(clean_text, "Shoigu", "PERSON", "e4", nth=1),
        span(clean_text, "Moscow", "LOC", "e5"),
        span(clean_text, "NATO", "ORG", "e6"),
        span(clean_text, "NATO", "ORG", "e7", nth=1),
        span(clean_text, "Shoigu", "PERSON", "e8", nth=2),
    ],
    "relations": [{"id": "r1", "type": "attributed_to", "from": "c1", "to": "s1"}],
}

planted_text = ("Moscow officials said the sanctions failed. Shoigu spoke. On Tuesday 40 ships "
                "left Russian ports, NATO said. “Talks resume soon,” an aide said.")
planted = {
    "id": "planted", "title": "Planted", "text": planted_text, "status": "in_progress",
    "annotations": [
        span(planted_text, "the sanctions failed", "CLAIM", "claim-without-source", attrs={"verdict": "mixed"}),
        span(planted_text, "Moscow officials", "SOURCE", "source-without-claim"),
        span(planted_text, "Shoigu", "ORG", "inconsistent-label"),
        span(planted_text, "Moscow ", "LOC", "boundary-space"),
        span(planted_text, "spoke.", "MISC", "boundary-punct"),
        span(planted_text, "Russia", "LOC", "partial-token"),
        span(planted_text, "Tuesday", "DATE", "duplicate-first"),
        span(planted_text, "Tuesday", "DATE", "duplicate"),
        span(planted_text, "40 ships", "QUANTITY", "overlap-first"),
        span(planted_text, "ships left", "QUANTITY", "same-label-overlap"),
        span(planted_text, "Talks resume soon", "CLAIM", "attribute-unset"),
        span(planted_text, "an aide", "SOURCE", "aide"),
    ],
    "relations": [{"id": "r1", "type": "attributed_to", "from": "attribute-unset", "to": "aide"}],
}
# The unannotated "NATO" of the planted document is the missed mention:
# the clean document tags it ORG twice.

empty = {"id": "empty", "title": "Done but empty", "text": "Nothing to see here.",
         "status": "done", "annotations": [], "relations": []}

schema_path = os.path.join(here, "schema.json")
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
kinds = {l["name"]: l["kind"] for l in schema["labels"]}
for d in (clean, planted, empty):
    for a in d["annotations"]:
        a["kind"] = kinds[a["label"]]
out = {"format": "spanmark", "version": 1, "annotator": "lint-fixture",
       "exported_at": "2026-12-03T00:00:00Z", "schema": schema,
       "documents": [clean, planted, empty]}
with open(os.path.join(here, "planted.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
