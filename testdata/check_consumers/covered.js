// coveredText is shared by both pages: it walks root in document order
// and adds each text node's characters to every highlight it lies in
// (idsOf(element) names the highlights an element draws), so a span
// nested in another, or split across several elements, still reads back
// whole. A <br> counts as the "\n" it stands for (Label Studio draws line
// breaks so). Returns {text, got: {id: {text, start, end}}}, with start
// and end in UTF-16 code units of that text, as the DOM counts them.
window.coveredText = function coveredText(root, idsOf) {
  const got = {};
  let text = "";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = node.nodeType === Node.TEXT_NODE ? node.data : node.tagName === "BR" ? "\n" : "";
    if (!chars) continue;
    // A <br> is never a highlight itself, so both kinds start at the parent.
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      for (const id of idsOf(el)) {
        const g = got[id] || (got[id] = { text: "", start: text.length, end: text.length });
        g.text += chars;
        g.end = text.length + chars.length;
      }
    }
    text += chars;
  }
  return { text, got };
};
