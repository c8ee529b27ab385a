// coveredText is shared by both pages: it walks root in document order
// and records, for every highlight (idsOf(element) names the highlights
// an element draws), the stretches of text it covers, so a span nested in
// another, or split across several elements, still reads back whole. A
// <br> counts as the "\n" it stands for: Label Studio draws line breaks
// so, and leaves them outside its highlights, so a highlight's stretches
// that only a <br> parts are one. Returns {text, got: {id: {text, start,
// end}}}, offsets in UTF-16 code units of that text, as the DOM counts
// them; a highlight with a gap shows "[gap]" in its text.
window.coveredText = function coveredText(root, idsOf) {
  const pieces = {};
  const breaks = new Set();
  let text = "";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.tagName === "BR") breaks.add(text.length), (text += "\n");
      continue;
    }
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      for (const id of idsOf(el)) (pieces[id] || (pieces[id] = [])).push([text.length, text.length + node.data.length]);
    }
    text += node.data;
  }
  const got = {};
  for (const [id, ps] of Object.entries(pieces)) {
    const merged = [ps[0]];
    for (const [s, e] of ps.slice(1)) {
      const last = merged[merged.length - 1];
      let gap = last[1];
      while (gap < s && breaks.has(gap)) gap++;
      if (gap === s) last[1] = e;
      else merged.push([s, e]);
    }
    got[id] = { text: merged.map(([s, e]) => text.slice(s, e)).join("[gap]"), start: merged[0][0], end: merged[merged.length - 1][1] };
  }
  return { text, got };
};
