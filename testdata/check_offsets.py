#!/usr/bin/env python3
"""Check a spanmark export the way a Python consumer reads it.

Usage: python3 testdata/check_offsets.py EXPORT.json|EXPORT.jsonl ...

In every file, for every annotation, text[start:end] (Python slices str by code points)
must equal the annotation's "text", and every document's "sha256" must be
the SHA-256 of its text's UTF-8 bytes. Prints "ok: N annotations" and
exits 0, or prints each mismatch and exits 1. annotate/formats runs it
from its tests when python3 is on PATH.
"""

import hashlib
import json
import sys


def documents(path):
    """Yield the documents of a spanmark JSON or JSONL file."""
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    if "text" in record:
                        yield record
        else:
            yield from json.load(f)["documents"]


def main(paths):
    problems = []
    count = 0
    for path in paths:
        for doc in documents(path):
            text = doc["text"]
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != doc["sha256"]:
                problems.append(f"{path}: document {doc['id']}: sha256 does not match the text")
            for ann in doc["annotations"]:
                count += 1
                got = text[ann["start"]:ann["end"]]
                if got != ann["text"]:
                    problems.append(
                        f"{path}: document {doc['id']}: annotation {ann['id']}: "
                        f"text[{ann['start']}:{ann['end']}] is {got!r}, not {ann['text']!r}"
                    )
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"ok: {count} annotations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
