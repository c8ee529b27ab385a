package formats

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"spanmark/annotate"
)

// addText records the text of a source described in full.
func (w *w3cImport) addText(where string, raw json.RawMessage, src w3cSource) error {
	var has struct {
		Text *string `json:"spanmark:text"`
	}
	if json.Unmarshal(raw, &has) != nil || has.Text == nil {
		return nil
	}
	if old, ok := w.texts[src.ID]; ok && old.Text != src.Text {
		return w.errorf(where, "source %s is given two different texts", src.ID)
	}
	w.texts[src.ID] = src
	return nil
}

// document makes the document of one source with its spans.
func (w *w3cImport) document(source string) error {
	spans := w.spans[source] // empty only for a source of spanmark:documents, which has a text
	where := "spanmark:documents"
	if len(spans) > 0 {
		where = spans[0].where
	}
	src, ok := w.texts[source]
	if !ok {
		return w.errorf(where, "no text for source %s: W3C annotations point at a document but do not hold it; "+
			"only files that carry it as spanmark:text, as Spanmark's export does, can be imported", source)
	}
	d, err := w.newDoc(where, src.Text, toolMeta{ID: strings.TrimPrefix(source, w3cDocIRI), Title: src.Title})
	if err != nil {
		return err
	}
	if err := w.setSourceAttributes(d, where, src); err != nil {
		return err
	}
	for _, sp := range spans {
		s, e, ok, err := w.span(d, sp)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		id := w.addAnnotation(d, annotate.Annotation{
			ID: strings.TrimPrefix(sp.id, w3cAnnIRI), Start: s, End: e, Label: sp.label, Note: sp.note,
			Annotator: sp.creator, Created: sp.created, Updated: sp.modified,
		})
		if err := w.setSpanAttributes(d, sp, id); err != nil {
			return err
		}
		if sp.id != "" {
			w.annIDs[sp.id] = id
		}
		w.annDocs[id] = d
	}
	return nil
}

// span anchors one span by its position, checked against its quote, or by
// its quote alone.
func (w *w3cImport) span(d *toolDoc, sp w3cSpanIn) (int, int, bool, error) {
	if sp.start != nil && sp.end != nil {
		quote := ""
		if sp.quote != nil {
			quote = *sp.quote
		}
		start, end := *sp.start, *sp.end
		if w.utf16 {
			start, end = w3cFromUTF16(d.text.rawIdx, start), w3cFromUTF16(d.text.rawIdx, end)
		}
		return w.quotedSpan(d, sp.where, start, end, quote)
	}
	s, ok := w3cFindQuote(d.text, *sp.quote, sp.prefix, sp.suffix)
	if !ok {
		w.rep.Unconfirmed = append(w.rep.Unconfirmed, fmt.Sprintf("%s: %s: text %q not found", w.name, sp.where, *sp.quote))
		return 0, 0, false, nil
	}
	return s, s + annotate.RuneLen(lfQuote(*sp.quote)), true, nil
}

// w3cFromUTF16 converts a UTF-16 offset into the text x to code points,
// leaving an offset outside the text as it is for quotedSpan to report.
func w3cFromUTF16(x *annotate.Index, u int) int {
	switch {
	case u < 0:
		return u
	case u > x.UTF16Len():
		return u - x.UTF16Len() + x.Len()
	}
	return x.CodePointFromUTF16(u)
}

// w3cFindQuote finds exact in the text, preferring the occurrence whose
// surroundings match prefix and suffix best, then the first.
func w3cFindQuote(a *anchor, exact string, prefix, suffix *string) (int, bool) {
	exact = lfQuote(exact)
	if exact == "" {
		return 0, false
	}
	best, bestScore, found := 0, -1, false
	for b := 0; b < len(a.norm); {
		i := strings.Index(a.norm[b:], exact)
		if i < 0 {
			break
		}
		at := b + i
		score := 0
		if prefix != nil && strings.HasSuffix(a.norm[:at], lfQuote(*prefix)) {
			score++
		}
		if suffix != nil && strings.HasPrefix(a.norm[at+len(exact):], lfQuote(*suffix)) {
			score++
		}
		if score > bestScore {
			best, bestScore, found = a.normIdx.CodePoint(at), score, true
		}
		b = at + 1
		for b < len(a.norm) && !utf8.RuneStart(a.norm[b]) {
			b++
		}
	}
	return best, found
}

// link adds a relation between two annotations read from the file.
func (w *w3cImport) link(l w3cLinkIn) {
	if len(l.ends) != 2 {
		w.note(l.where, "relation left out: it links %d annotations, not 2", len(l.ends))
		return
	}
	from, okFrom := w.annIDs[l.ends[0]]
	to, okTo := w.annIDs[l.ends[1]]
	if !okFrom || !okTo {
		w.note(l.where, "relation left out: %s or %s is not an annotation imported from this file", l.ends[0], l.ends[1])
		return
	}
	w.addRelation(w.annDocs[from], l.where, annotate.Relation{
		ID: strings.TrimPrefix(l.id, w3cRelIRI), Type: l.typ, From: from, To: to, Created: l.created,
	})
}
