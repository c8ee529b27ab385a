// Adds the check's spans to a spanmark JSON export of article.txt and
// unicode.txt, for `spanmark import` to make the project that is
// exported to the consumers (see check.mjs).
//
// Usage: node make_project.mjs BASE.json TESTDATA OUT.json
//
// BASE.json is `spanmark export --format json` of a project that holds
// only the two texts, so the documents' ids, texts and hashes are the
// ones Spanmark made. Offsets here are code points (Array.from), as the
// spanmark format says; each span's text is checked against them.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Spans of article.txt: [label, context], where context occurs once in
// the text and the span is the part of it in [brackets]. Several start or
// end right at a curly quote, an apostrophe or the em dash, or hold one;
// some nest inside a claim; two are the text's first and last characters.
const ARTICLE = [
  ["MISC", "[North Korean] leader Kim Jong Un (R)"],
  ["PERSON", "leader [Kim Jong Un] (R)"],
  ["QUANTITY", "send [6,000 workers]"],
  ["LOC", "Ukraine’[s incursion]"], // right after ’ (U+2019)
  ["ORG", "Russia’s [Security Council] Secretary Sergei Shoigu (L)"],
  ["PERSON", "Secretary [Sergei Shoigu] (L)"],
  ["DATE", "SEOUL, [June 18]"],
  ["MISC", "([UPI])"],
  ["MISC", "(UPI) [—]"], // the em dash alone
  ["LOC", "(UPI) —[ North Korea] will"], // right after the em dash
  ["LOC", "rebuild Russia’s [Kursk] region"], // after ’s
  ["LOC", "[Moscow’s] top"], // ends with ’
  ["CLAIM", "Kim “[has decided to send 1,000 sappers to Russia to clear mines on Russian territory, as well as 5,000 military construction workers to restore infrastructure destroyed by the occupiers],”"], // right after “
  ["QUANTITY", "send [1,000 sappers]"], // inside the claim
  ["SOURCE", "occupiers,” [Shoigu] said"], // right after ,” and a space
  ["ORG", "media [TASS]"],
  ["CLAIM", "“[fraternal help from the Korean people and leader Kim Jong Un to our country],”"], // right after “
  ["PERSON", "leader [Kim Jong Un] to our"], // inside the claim
  ["SOURCE", "country,” [Shoigu] said"],
  ["CLAIM", "expressed [“deep concern over the continuing illegal cooperation between North Korea and Russia.”]"], // curly quotes inside
  ["SOURCE", "[Seoul’s Foreign Ministry]"],
  ["CLAIM", "“[We urge the North to stop such actions immediately]"], // right after “ at a paragraph's start
  ["SOURCE", "[the ministry] said"],
  ["MISC", "a [statement.]"],
];

// Claims attributed to sources, as indexes into ARTICLE.
const ARTICLE_RELATIONS = [[12, 14], [16, 18], [19, 20], [21, 22]];

const KINDS = { CLAIM: "claim", SOURCE: "source" };

// find returns the UTF-16 [start, end) of the bracketed part of context.
function find(text, context) {
  const plain = context.replace(/[[\]]/g, "");
  const at = text.indexOf(plain);
  if (at < 0 || text.indexOf(plain, at + 1) >= 0) {
    throw new Error(`article.txt: ${JSON.stringify(plain)} is not in the text exactly once`);
  }
  const open = context.indexOf("["), close = context.indexOf("]");
  return [at + open, at + close - 1];
}

// codePoints returns the code point offsets of UTF-16 [start, end) in text.
function codePoints(text, start, end) {
  const before = Array.from(text.slice(0, start)).length;
  return [before, before + Array.from(text.slice(start, end)).length];
}

function annotation(id, text, start, end, label) {
  const got = Array.from(text).slice(start, end).join("");
  return {
    id, start, end, text: got, label, kind: KINDS[label] || "entity",
    note: "", annotator: "check", created_at: "", updated_at: "",
  };
}

function articleSpans(doc) {
  doc.annotations = ARTICLE.map(([label, context], i) => {
    const [start, end] = codePoints(doc.text, ...find(doc.text, context));
    return annotation(`art${i}`, doc.text, start, end, label);
  });
  doc.annotations[12].note = "a note, carried as the region's meta in Label Studio";
  doc.annotations[12].attributes = { verdict: "mostly_true", checkworthy: true };
  doc.annotations[14].attributes = { source_type: "named_person" };
  doc.relations = ARTICLE_RELATIONS.map(([from, to], i) => ({
    id: `artrel${i}`, type: "attributed_to", from: `art${from}`, to: `art${to}`,
  }));
}

function unicodeSpans(doc, fixture) {
  doc.annotations = fixture.map((f, i) => {
    const a = annotation(`uni${i}`, doc.text, f.start, f.end, f.label);
    if (a.text !== f.text) throw new Error(`unicode_annotations.json span ${i}: [${f.start},${f.end}) is ${JSON.stringify(a.text)}, fixture says ${JSON.stringify(f.text)}`);
    return a;
  });
  const claims = doc.annotations.filter((a) => a.kind === "claim");
  const source = doc.annotations.find((a) => a.kind === "source");
  doc.relations = claims.map((c, i) => ({ id: `unirel${i}`, type: "attributed_to", from: c.id, to: source.id }));
}

const [base, testdata, out] = process.argv.slice(2);
const project = JSON.parse(readFileSync(base, "utf8"));
const fixture = JSON.parse(readFileSync(join(testdata, "unicode_annotations.json"), "utf8"));
for (const doc of project.documents) {
  if (doc.text.startsWith("North Korean leader")) articleSpans(doc);
  else if (doc.text.startsWith("Orbita rocket lab")) unicodeSpans(doc, fixture);
  else throw new Error(`unexpected document ${doc.title}`);
}
writeFileSync(out, JSON.stringify(project));
