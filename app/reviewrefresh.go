package app

import (
	"slices"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// refresh compares the open document with their copy after it was
// opened or edited, redraws the article and the bar, and has the figures
// computed again.
func (r *review) refresh() {
	ws := r.ws
	// What the last choice did is old news after any other edit.
	ws.status.setHint("")
	d := ws.sess.Document()
	mine := &annotate.DocumentData{
		Document:    d,
		Annotations: slices.Clone(ws.sess.Annotations()),
		Relations:   slices.Clone(ws.sess.Relations()),
	}
	before, had := r.item()
	opened := d.ID != r.docID
	switch {
	case opened:
		r.docID, r.cur, r.seekFrom, had = d.ID, -1, nil, false
		r.minor = nil // SetSpans below drops their spans
		r.their, r.diff = r.bySHA[d.TextHash()], nil
		if r.their != nil {
			r.diff = agree.NewDocDiff(mine.Annotations, r.their.Annotations)
			ws.view.SetSpans(diffSpans(r.diff.Items()))
		} else {
			ws.view.SetSpans(spansFor(mine.Annotations, ws.schema))
		}
	case r.diff != nil:
		out, in := r.diff.Update(mine.Annotations)
		ids := make([]string, 0, 2*len(out))
		for _, s := range diffSpans(out) {
			ids = append(ids, s.ID)
		}
		ws.view.UpdateSpans(diffSpans(in), ids)
	default:
		ws.view.SetSpans(spansFor(mine.Annotations, ws.schema))
	}
	r.updateMinority(mine.Annotations)
	r.relocate(before, had)
	ws.view.SetActive(r.activeID())
	r.bar.show()
	if r.diff != nil {
		ws.docs.setBadge(d.ID, f1Badge(r.diff.Counts()))
	}
	r.latest = mine
	r.put(mine, !opened)
}

// diffing reports whether the open document has a copy in theirs to
// compare with.
func (r *review) diffing() bool { return r.diff != nil }

// items returns the open document's differences, with the minority's
// spans in a review of several files.
func (r *review) items() []agree.DiffItem {
	switch {
	case r.diff == nil:
		return nil
	case r.team != nil:
		return r.all
	}
	return r.diff.Items()
}

// relocate finds the current item again after the diff changed: the same
// pair if it is still a disagreement, else, after an item was settled,
// the next disagreement from where it was.
func (r *review) relocate(before agree.DiffItem, had bool) {
	from := r.seekFrom
	r.cur, r.seekFrom = -1, nil
	if had {
		k := keyOf(before)
		for i, it := range r.items() {
			if keyOf(it) == k && isDisagreement(it) {
				r.cur = i
				return
			}
		}
	}
	if from != nil {
		r.seek(*from)
	}
}

// put records the open document as it is now in mine and has the worker
// compute what changed: the document's figures, and after an edit, or
// when mine is out of date, the project's.
func (r *review) put(d *annotate.DocumentData, edited bool) {
	r.record(d)
	r.want.doc = r.their != nil
	if !r.schema.Equal(r.ws.schema) || !r.sameDocuments() {
		r.schema = r.ws.schema
		r.want.reload = true
	}
	if edited || r.want.reload {
		r.version++
		r.want.project = true
	}
	r.compute()
}

// record puts d in mine in place of its older self.
func (r *review) record(d *annotate.DocumentData) {
	if i := slices.IndexFunc(r.mine, func(m *annotate.DocumentData) bool { return m.Document.ID == d.Document.ID }); i >= 0 {
		r.mine[i] = d
	}
}

// sameDocuments reports whether mine holds the documents the list shows,
// which changes when documents are imported.
func (r *review) sameDocuments() bool {
	all := r.ws.docs.all
	if len(all) != len(r.mine) {
		return false
	}
	for i := range all {
		if all[i].ID != r.mine[i].Document.ID {
			return false
		}
	}
	return true
}
