# Writes article_entities.json, the hand annotation of testdata/article.txt
# the suggestion quality test (annotate/suggest/quality_test.go) uses.
# Run from the repository root: python3 testdata/suggest/make_article_entities.py
import json, re
text = open('testdata/article.txt', encoding='utf-8').read()
# (surface, label, which occurrences: list of indexes or 'all')
spec = [
 ("North Korean", "MISC", "all"),
 ("Kim Jong Un", "PERSON", "all"),
 ("Kim", "PERSON", "alone"),
 ("6,000", "QUANTITY", "all"),
 ("1,000", "QUANTITY", "all"),
 ("5,000", "QUANTITY", "all"),
 ("14,000", "QUANTITY", "all"),
 ("9 million", "QUANTITY", "all"),
 ("100", "QUANTITY", "all"),
 ("two", "QUANTITY", "all"),
 ("Kursk", "LOC", "all"),
 ("Russia", "LOC", "word"),
 ("Ukraine", "LOC", "word"),
 ("Security Council", "ORG", "all"),
 ("Sergei Shoigu", "PERSON", "all"),
 ("Shoigu", "PERSON", "alone"),
 ("Russian", "MISC", "all"),
 ("Tuesday", "DATE", "all"),
 ("KCNA", "ORG", "all"),
 ("EPA-EFE", "ORG", "all"),
 ("SEOUL", "LOC", "all"),
 ("June 18", "DATE", "all"),
 ("UPI", "ORG", "all"),
 ("North Korea", "LOC", "word"),
 ("Moscow", "LOC", "all"),
 ("Pyongyang", "LOC", "all"),
 ("this month", "DATE", "all"),
 ("TASS", "ORG", "all"),
 ("RIA Novosti", "ORG", "all"),
 ("Vladimir Putin", "PERSON", "all"),
 ("Putin", "PERSON", "alone"),
 ("Korean", "MISC", "alone"),
 ("Ukrainian", "MISC", "all"),
 ("Multilateral Sanctions Monitoring Team", "ORG", "all"),
 ("April", "DATE", "all"),
 ("MSMT", "ORG", "all"),
 ("South Korea", "LOC", "all"),
 ("United States", "LOC", "all"),
 ("Seoul", "LOC", "all"),
 ("Foreign Ministry", "ORG", "all"),
]
spans = []
for surface, label, which in spec:
    for m in re.finditer(re.escape(surface), text):
        s, e = m.start(), m.end()
        before = text[s-1] if s > 0 else " "
        after = text[e] if e < len(text) else " "
        if before.isalnum() or after.isalnum():
            continue  # inside a longer word: "Russia" in "Russian", "Korea" in "Korean"
        if which == "word" and after == " " and text[e:e+1].isalpha():
            continue
        spans.append((s, e, label, surface))
# "alone": drop a span inside a longer annotated one (Kim in Kim Jong Un, Shoigu in Sergei Shoigu,
# Putin in Vladimir Putin, Korean in North Korean).
def inside(a, b):
    return b[0] <= a[0] and a[1] <= b[1] and (a[0], a[1]) != (b[0], b[1])
alone = {s for s, _, w in spec if w == "alone"}
spans = [a for a in spans if not (a[3] in alone and any(inside(a, b) for b in spans))]
spans.sort()
for a in spans:
    assert text[a[0]:a[1]] == a[3]
# Overlaps would mean a mistake in the list above.
for x, y in zip(spans, spans[1:]):
    assert x[1] <= y[0], (x, y)
split = text.index("North Korea has sent")
out = {
  "about": "Entities of testdata/article.txt annotated by hand for the suggestion quality test: "
           "offsets in code points, half-open; split is where the second half starts (a paragraph). "
           "Guidelines: names only (no titles, no 's); nationalities and other adjectives MISC; "
           "Moscow, Seoul and countries LOC even when they stand for a government; cardinal numbers "
           "QUANTITY without their noun; 'the North' and ordinals not annotated.",
  "split": split,
  "entities": [{"start": s, "end": e, "text": t, "label": l} for s, e, l, t in spans],
}
open('testdata/suggest/article_entities.json', 'w', encoding='utf-8').write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
