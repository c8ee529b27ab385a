// Check Spanmark's W3C and Label Studio exports in the consumers that read
// them: Recogito (@recogito/recogito-js) and Label Studio's editor (the
// browser build in the label-studio-frontend package), each loaded from
// npm on a localhost page in Debian's headless Chromium.
//
// Run it with testdata/check_consumers/run.sh, which installs what it
// needs and makes the exports; it is not part of `go test` nor .ci/run,
// since it needs Chromium and npm packages:
//
//	bash testdata/check_consumers/run.sh
//
// run.sh installs Debian's chromium with apt-get when /usr/bin/chromium
// is missing, and the npm packages of package.json (beside this file),
// with their install scripts off so that nothing downloads a browser of
// its own, into $SPANMARK_CONSUMERS_CACHE (default
// ${XDG_CACHE_HOME:-$HOME/.cache}/spanmark-consumers), outside the
// repository. It builds spanmark, makes a project of testdata/article.txt
// and testdata/unicode.txt with the spans of make_project.mjs and
// unicode_annotations.json (curly quotes, an em dash, emoji and other
// astral characters; nested spans; a note and attributes; relations), and
// exports it as W3C with UTF-16 offsets and without relations (as
// Recogito reads it) and as Label Studio tasks with their configuration.
//
// This script (node check.mjs CACHE WORK) serves the pages of this folder
// and the libraries on 127.0.0.1, and for each document:
//   - Recogito draws the document's annotations; the text each highlight
//     (span.r6o-annotation) covers, and where, is read back;
//   - Label Studio opens the task; each text region's text in its store,
//     and the text its highlight covers in the DOM, and where, are read;
//     and with each region selected, the choices its attribute controls
//     show selected (enum values, a bool's check box).
// Each must be the text the export wrote for the span (W3C exact, Label
// Studio value.text), at the span's place in the project (code points,
// from the spanmark JSON export). Any difference is printed with the span.
// As a control that the check can see a wrong unit, Recogito is also given
// the W3C export with code-point offsets, and must misplace the spans
// after astral characters. Prints "ok: ..." and exits 0, or each problem
// and exits 1.

import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";

const HERE = dirname(fileURLToPath(import.meta.url));
const [CACHE, WORK] = process.argv.slice(2);
if (!CACHE || !WORK) {
  console.error("usage: node check.mjs CACHE WORK (see run.sh)");
  process.exit(2);
}
const MODULES = join(CACHE, "node_modules");
const require = createRequire(join(MODULES, "x.js"));
const { chromium } = require("playwright-core");

// ROOTS maps the first part of a URL path to the folder it is served from.
const ROOTS = {
  recogito: join(MODULES, "@recogito/recogito-js/dist"),
  lsf: join(MODULES, "label-studio-frontend/dist/lsf"),
  "": HERE,
};
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
    const [first, ...rest] = path.split("/");
    const file = ROOTS[first] && rest.length ? join(ROOTS[first], ...rest) : join(ROOTS[""], path);
    if (path.includes("..") || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const readJSON = (name) => JSON.parse(readFileSync(join(WORK, name), "utf8"));

// cpOffset returns the code point offset of UTF-16 offset u in text.
const cpOffset = (text, u) => Array.from(text.slice(0, u)).length;

// expectedSpans returns the project's spans, by id, from its spanmark JSON
// export: {id: {start, end, text, label, doc}} in code points.
function expectedSpans() {
  const spans = {};
  for (const d of readJSON("project.json").documents) {
    for (const a of d.annotations) spans[a.id] = { ...a, doc: d.title };
  }
  return spans;
}

// compare checks one consumer's reading of one span: shown is {text,
// start, end} with UTF-16 offsets into text (or null when nothing was
// drawn), wrote is the text the export wrote. Returns the problems.
function compare(what, id, exp, wrote, shown, text) {
  const where = `${what}: span ${id} ${exp.label} [${exp.start},${exp.end}) ${JSON.stringify(exp.text)} in "${exp.doc.slice(0, 30)}…"`;
  if (wrote !== exp.text) return [`${where}: the export wrote ${JSON.stringify(wrote)}`];
  if (!shown) return [`${where}: nothing shown`];
  const s = cpOffset(text, shown.start), e = cpOffset(text, shown.end);
  if (shown.text !== wrote || s !== exp.start || e !== exp.end) {
    return [`${where}: shown ${JSON.stringify(shown.text)} at [${s},${e})`];
  }
  return [];
}

// w3cDocuments groups a W3C export's items by document, with the text the
// first item of each carries.
function w3cDocuments(collection) {
  const docs = new Map();
  for (const item of collection.first.items) {
    const src = item.target.source;
    const id = typeof src === "string" ? src : src.id;
    if (!docs.has(id)) docs.set(id, { text: src["spanmark:text"], items: [] });
    docs.get(id).items.push(item);
  }
  return [...docs.values()];
}

async function checkRecogito(page, base, file, spans) {
  const problems = [];
  let count = 0;
  for (const doc of w3cDocuments(readJSON(file))) {
    await page.goto(`${base}/recogito.html`);
    const res = await page.evaluate((d) => window.runCheck(d), doc);
    if (res.text !== doc.text) problems.push(`recogito: the page's text is not the document's`);
    for (const item of doc.items) {
      const id = item.id.replace("urn:spanmark:ann:", "");
      const exact = item.target.selector.find((s) => s.type === "TextQuoteSelector").exact;
      problems.push(...compare(`recogito ${file}`, id, spans[id], exact, res.got[item.id], doc.text));
      count++;
    }
    console.log(`recogito ${file}: ${doc.items.length} spans in "${doc.text.slice(0, 30)}…", Recogito holds ${res.loaded}`);
  }
  return { problems, count };
}

async function checkLabelStudio(page, base, spans) {
  const problems = [];
  let count = 0;
  const config = readFileSync(join(WORK, "ls.config.xml"), "utf8");
  for (const task of readJSON("ls.json")) {
    await page.goto(`${base}/labelstudio.html`);
    let res;
    try {
      res = await page.evaluate((d) => window.runCheck(d), { task, config });
    } catch (e) {
      problems.push(`labelstudio: task "${task.data.text.slice(0, 30)}…" did not load: ${e.message.split("\n")[0]}`);
      continue;
    }
    const text = task.data.text;
    if (res.text !== text) problems.push(`labelstudio: the page's text is not the document's`);
    const regions = task.annotations[0].result.filter((r) => r.type === "labels");
    const stored = new Map(res.stored.map((r) => [r.id, r]));
    for (const r of regions) {
      const exp = spans[r.id];
      const st = stored.get(r.id);
      problems.push(...compare("labelstudio DOM", r.id, exp, r.value.text, res.dom[r.id], text));
      if (!st) problems.push(`labelstudio store: span ${r.id} has no region`);
      else if (st.text !== r.value.text) problems.push(`labelstudio store: span ${r.id} ${JSON.stringify(exp.text)}: region text ${JSON.stringify(st.text)}`);
      count++;
    }
    const choices = task.annotations[0].result.filter((r) => r.type === "choices" && res.choices[`${r.id}/${r.from_name}`]);
    for (const r of choices) {
      const shown = res.choices[`${r.id}/${r.from_name}`];
      if (JSON.stringify(shown) !== JSON.stringify(r.value.choices)) {
        problems.push(`labelstudio choices: span ${r.id} ${r.from_name}: the export wrote ${JSON.stringify(r.value.choices)}, the editor shows ${JSON.stringify(shown)} selected`);
      }
    }
    console.log(`labelstudio: ${regions.length} spans in "${text.slice(0, 30)}…", ${res.stored.length} regions; ${choices.length} attribute values`);
  }
  return { problems, count };
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const profile = mkdtempSync(join(tmpdir(), "spanmark-chromium-"));
// Playwright adds --headless and gives the fresh profile as --user-data-dir.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.log(`page error: ${e.message}`));
  // Label Studio logs what its check of the configuration found wrong
  // just before that check itself fails (see the report).
  page.on("console", async (m) => {
    if (m.type() !== "log" || !m.text().includes("compiledError")) return;
    const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => null)));
    console.log(`page: Label Studio found the configuration wrong: ${JSON.stringify(args)}`);
  });
  const spans = expectedSpans();
  const rec = await checkRecogito(page, base, "w3c-utf16.jsonld", spans);
  const ls = await checkLabelStudio(page, base, spans);
  const control = await checkRecogito(page, base, "w3c-codepoints.jsonld", spans);
  for (const p of [...rec.problems, ...ls.problems]) console.log(p);
  console.log(`control: Recogito given code-point offsets misplaces ${control.problems.length} of ${control.count} spans`);
  failed = rec.problems.length > 0 || ls.problems.length > 0;
  if (control.problems.length === 0) {
    console.log("control: no span misplaced, so this check could not see a wrong unit");
    failed = true;
  }
  if (!failed) console.log(`ok: Recogito ${rec.count} spans, Label Studio ${ls.count} spans, as exported`);
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
