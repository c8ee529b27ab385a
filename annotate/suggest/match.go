package suggest

import (
	"slices"

	"spanmark/annotate"
)

// matchAt calls fn for every pattern that occurs starting at token i of
// w, with its key and the index of its last token.
func (x *Index) matchAt(w *words, i int, fn func(key string, p *pattern, j int)) {
	n := x.root
	for j := i; j < len(w.toks); j++ {
		if n = n.next[x.fold(w.word(j))]; n == nil {
			return
		}
		for _, key := range n.keys {
			// The tokens matched; the spacing between them must too.
			if j == i || x.fold(w.span(i, j)) == key {
				fn(key, x.pats[key], j)
			}
		}
	}
}

// occurrence is where a string occurs, with its key.
type occurrence struct {
	key        string
	p          *pattern
	start, end int
}

// suggestAt calls fn with every suggestion for the occurrence o of the
// document docID: each label of its pattern whose share reaches minScore,
// that is not rejected, and that no annotation of that label in c
// contains.
func (x *Index) suggestAt(docID string, o occurrence, c cover, minScore float64, fn func(annotate.Suggestion)) {
	at := x.rejectedAt[docID]
	x.labels(o.key, o.p, minScore, func(label string, score float64) {
		if c.covers(label, o.start, o.end) || at[annotate.SpanLabel{Start: o.start, End: o.end, Label: label}] {
			return
		}
		fn(annotate.Suggestion{
			DocumentID: docID, Start: o.start, End: o.end,
			Label: label, Source: annotate.SourceStrings, Score: score,
		})
	})
}

// Suggest returns the suggestions for d whose score reaches minScore, in
// annotate.CompareSuggestions order.
func (x *Index) Suggest(d *annotate.DocumentData, minScore float64) []annotate.Suggestion {
	w := newWords(d.Document.Text)
	c := newCover(d.Annotations)
	var out []annotate.Suggestion
	add := func(s annotate.Suggestion) { out = append(out, s) }
	for i := range w.toks {
		x.matchAt(&w, i, func(key string, p *pattern, j int) {
			o := occurrence{key: key, p: p, start: w.toks[i].start, end: w.toks[j].end}
			x.suggestAt(d.Document.ID, o, c, minScore, add)
		})
	}
	slices.SortFunc(out, annotate.CompareSuggestions)
	return out
}
