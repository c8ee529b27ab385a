package suggest

import "spanmark/annotate"

// matchAt calls fn for every pattern that occurs starting at token i of
// w, whose token ids are ids, with the index of its last token, shortest
// first. The walk follows the trie by id, so a token costs no string
// hashing and stops at the first token no pattern continues with.
// Patterns none of whose labels reaches minScore are passed over. p is
// good until the next Add.
func (x *Index) matchAt(w *words, ids []int32, i int, minScore float64, fn func(p *pattern, j int)) {
	var n int32
	for j := i; j < len(ids) && j-i < maxDepth; j++ {
		if ids[j] == noTok {
			return
		}
		if n = x.trie.child(n, ids[j]); n == 0 {
			return
		}
		if !x.reaches(n, minScore) {
			continue
		}
		for pi := x.trie.nodes[n].pat; pi != 0; pi = x.pats[pi-1].next {
			p := &x.pats[pi-1]
			end := i + int(p.ntok) - 1
			if end >= len(ids) {
				break // the rest of the chain is longer still
			}
			// The tokens up to here matched; the spacing between them,
			// and the tokens beyond maxDepth, must too.
			if p.reaches(minScore) && (end == i || x.fold(w.span(i, end)) == string(x.key(p))) {
				fn(p, end)
			}
		}
	}
}

// occurrence is where a string occurs, with its pattern.
type occurrence struct {
	p          *pattern
	start, end int
}

// suggestAt appends to out every suggestion for the occurrence o of the
// document docID, in label order: each label of its pattern whose share
// reaches minScore, that is not rejected, and that no annotation of that
// label in cv contains. It allocates nothing of its own: it runs for every
// match of a project.
func (x *Index) suggestAt(out []annotate.Suggestion, docID string, o occurrence, cv cover, minScore float64) []annotate.Suggestion {
	at := x.rejectedAt[docID]
	first := len(out)
	for c := o.p.labels; c != 0; c = x.counts[c-1].next {
		lc := &x.counts[c-1]
		label := x.names[lc.label]
		score := float64(lc.n) / float64(o.p.total)
		if score < minScore || x.isRejected(x.key(o.p), label) || cv.covers(label, o.start, o.end) ||
			at != nil && at[annotate.SpanLabel{Start: o.start, End: o.end, Label: label}] {
			continue
		}
		out = append(out, annotate.Suggestion{
			DocumentID: docID, Start: o.start, End: o.end,
			Label: label, Source: annotate.SourceStrings, Score: score,
		})
		// Insertion by label: one span's suggestions are few.
		for k := len(out) - 1; k > first && out[k].Label < out[k-1].Label; k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}

// Suggest returns the suggestions for d whose score reaches minScore, in
// annotate.CompareSuggestions order, the longest kept where matches
// overlap (see Longest). It only reads the index: calls of Suggest may
// run at the same time, but not with Add, Remove or Reject.
func (x *Index) Suggest(d *annotate.DocumentData, minScore float64) []annotate.Suggestion {
	w := newWords(d.Document.Text)
	ids := x.ids(&w, false, nil)
	c := newCover(d.Annotations)
	var out []annotate.Suggestion
	// Matches come by start, and from one start by end, so the
	// suggestions need no sorting beyond each occurrence's labels.
	for i := range w.toks {
		x.matchAt(&w, ids, i, minScore, func(p *pattern, j int) {
			o := occurrence{p: p, start: w.toks[i].start, end: w.toks[j].end}
			out = x.suggestAt(out, d.Document.ID, o, c, minScore)
		})
	}
	return Longest(out)
}
