#!/usr/bin/env python3
"""Write unicode_annotations.json: spans over the normalised unicode.txt.

The offsets come from Python's own str (code points), UTF-8 and UTF-16
encoders, so that annotate/unicode_test.go checks the Go Index against an
independent implementation. Run from the repository root:

    python3 testdata/gen_unicode_annotations.py
"""

import json
import pathlib

HERE = pathlib.Path(__file__).parent

# (text of the span, label, which occurrence of the text: 0 is the first).
SPANS = [
    ("🚀", "MISC", 0),                      # emoji outside the BMP
    ("Kyiv", "LOC", 0),                     # word right before a flag
    ("🇺🇦", "MISC", 0),                     # flag: two regional indicators
    ("March 3", "DATE", 0),                 # right after a tab
    ("Orbita-2", "ORG", 0),                 # word right after an emoji
    ("Zoe\u0308 Ndiaye", "PERSON", 0),      # combining diaeresis
    ("👩\u200d🔬", "MISC", 0),               # ZWJ sequence
    ("its\nfirst test flight will carry instruments built in 北京 (Beijing)"
     " and ירושלים (Jerusalem)", "CLAIM", 0),  # across a line break
    ("北京", "LOC", 0),                     # CJK
    ("ירושלים", "LOC", 0),                  # Hebrew
    ("“We are ready,”", "CLAIM", 0),        # curly quotes
    ("Ndiaye", "SOURCE", 1),
    ("Zo\u00eb Martin", "PERSON", 0),       # precomposed ë
    ("القاهرة", "LOC", 0),                  # Arabic
    ("👍🏽", "MISC", 0),                     # skin tone modifier
    ("🇰🇷", "MISC", 0),
    ("Kim Ji-woo", "PERSON", 0),            # word right after a flag
    ("우주는 어렵다", "CLAIM", 0),            # Hangul
    ("3,000", "QUANTITY", 0),
    ("הארץ", "ORG", 0),
    ("الجزيرة", "ORG", 0),
    ("👨\u200d👩\u200d👧", "MISC", 0),       # ZWJ family
    ("Dakar", "LOC", 0),                    # after a ZWJ sequence
    ("€4.5 million", "QUANTITY", 0),
    ("東京", "LOC", 0),
    ("2027", "DATE", 0),                    # last word of the text
]


def normalise(raw: bytes) -> str:
    """Mirror annotate.NormalizeText: strip a BOM, CRLF and CR to LF."""
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def find(text: str, span: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(span, start + 1)
        if start < 0:
            raise SystemExit(f"{span!r} occurrence {occurrence} is not in unicode.txt")
    return start


def main() -> None:
    text = normalise((HERE / "unicode.txt").read_bytes())
    entries = []
    for span, label, occurrence in SPANS:
        start = find(text, span, occurrence)
        end = start + len(span)
        entries.append({
            "start": start,
            "end": end,
            "text": span,
            "label": label,
            "byte_start": len(text[:start].encode("utf-8")),
            "byte_end": len(text[:end].encode("utf-8")),
            "utf16_start": utf16_len(text[:start]),
            "utf16_end": utf16_len(text[:end]),
        })
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    out = "[\n" + ",\n".join(lines) + "\n]\n"
    (HERE / "unicode_annotations.json").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
