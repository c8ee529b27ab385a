package app

import (
	"image/color"
	"slices"

	"spanmark/annotate"
	"spanmark/annotate/suggest"
)

// suggestMinScore is the least score a suggestion shown in the app has:
// the command line's default, so that the app offers what spanmark
// suggest stores. A label given half the time (once of twice) is still
// offered; one given once in ten times is not.
const suggestMinScore = suggest.DefaultMinScore

// suggestions is the suggestion layer of the open project: the index of
// its annotated strings, built in the background when the project opens
// and then kept up to date edit by edit, and the open document's
// suggestions, the index's and the store's (models' predictions), which
// the article view draws and the keys step through (suggestkeys.go).
type suggestions struct {
	ws *workspace
	// building is the last build started, until its result is taken: a
	// build's result is dropped if another started (or the project
	// closed) since.
	building *building
	x        *suggest.Index // nil until built
	// queued are the edits made while the index was being built, to
	// replay on it once it is: the build read the project as it was.
	queued []queuedEdit

	doc *suggest.Doc // the open document's string suggestions; nil without x
	// opening counts the documents whose suggestions were computed in
	// the background (openDoc); while one is, pending holds the edits
	// and rejections made meanwhile, to replay on its result.
	opening   int
	isOpening bool
	pending   []pendingChange
	// earlyIn holds, while doc is computed, the suggestions of the part
	// of the document in view (suggestearly.go); an edit or a rejection
	// meanwhile drops them.
	earlyIn *suggest.Range
	// lane runs the work that reads or grows x off Fyne's goroutine
	// (openDoc), one piece at a time.
	lane  lane
	model []annotate.Suggestion // the store's for the open document, other sources
	// anns are the open document's annotations as last seen, by id, so
	// that an edit's old versions are known; have counts them by span and
	// label, to drop suggestions that repeat one.
	anns map[string]annotate.Annotation
	have map[annotate.SpanLabel]int

	sel    annotate.Suggestion // the selected one, if hasSel
	hasSel bool
	count  int // the document's suggestions, as last counted (see recount)

	colors  map[string]color.Color // by label
	scratch []annotate.Suggestion  // for the view's queries
	later   suggestLater           // the edits the document's suggestions wait for (suggestpause.go)
}

// pendingChange is an edit (removed, added) or a rejection made while
// the open document's suggestions were being computed.
type pendingChange struct {
	removed, added []annotate.Annotation
	reject         *annotate.Rejection
}

// queuedEdit is one annotation's text and label, added or removed.
type queuedEdit struct {
	text, label string
	add         bool
}

// closed forgets the project's suggestions.
func (sg *suggestions) closed() {
	// The lane is kept: the work in it may still be running.
	*sg = suggestions{ws: sg.ws, lane: sg.lane}
}

// documentShown computes the suggestions of the session's document.
func (sg *suggestions) documentShown() {
	sg.settle() // the index hears of the last document's edits first
	ws := sg.ws
	sg.doc, sg.model, sg.hasSel, sg.count, sg.earlyIn = nil, nil, false, 0, nil
	if ws.sess == nil || ws.store == nil {
		sg.show()
		return
	}
	anns := ws.sess.Annotations()
	sg.anns = make(map[string]annotate.Annotation, len(anns))
	sg.have = make(map[annotate.SpanLabel]int, len(anns))
	for _, a := range anns {
		sg.anns[a.ID] = a
		sg.have[a.Key()]++
	}
	doc := ws.sess.Document()
	stored, err := ws.store.Suggestions(doc.ID)
	if err != nil {
		ws.showError(err)
	}
	sg.model = slices.DeleteFunc(stored, func(s annotate.Suggestion) bool { return s.Source == annotate.SourceStrings })
	slices.SortFunc(sg.model, annotate.CompareSuggestions)
	sg.isOpening = false
	if sg.x != nil {
		d := &annotate.DocumentData{Document: doc, Annotations: anns}
		sg.early(d)
		sg.openDoc(d)
	}
	sg.recount()
	sg.show()
}

// openDoc computes the string suggestions of d in the background: on a
// long document that matches every token against the index, which must
// not hold back the document's first paint. Until it is done the view
// shows the store's suggestions only; the edits and rejections made
// meanwhile are replayed on the result. The index is only read while it
// runs: every change to it waits in pending. Open numbers the document's
// new words in the index, so two Opens must not run at once: they take
// the lane, where only the last document opened waits.
func (sg *suggestions) openDoc(d *annotate.DocumentData) {
	sg.opening++
	gen, x := sg.opening, sg.x
	sg.isOpening, sg.pending = true, nil
	var doc *suggest.Doc
	sg.lane.Go(sg.ws.run, func() error {
		doc = x.Open(d, suggestMinScore)
		return nil
	}, func(error) {
		if gen != sg.opening || x != sg.x || !sg.isOpening {
			return // another document, or another index, since
		}
		for _, c := range sg.pending {
			if c.reject != nil {
				doc.Reject(*c.reject)
			} else {
				doc.Edit(c.removed, c.added)
			}
		}
		sg.doc, sg.isOpening, sg.pending, sg.earlyIn = doc, false, nil, nil
		sg.recount()
		sg.show()
	})
}

// changed follows the session's last edit (or undo, or redo): it tells
// the index what the edit removed and added, which updates the
// suggestions of the strings concerned here and, when next opened, in
// every other document.
func (sg *suggestions) changed() {
	if sg.anns == nil {
		return
	}
	put, deleted := sg.ws.sess.LastChange()
	var removed, added []annotate.Annotation
	for _, id := range deleted {
		if old, ok := sg.anns[id]; ok {
			removed = append(removed, old)
			sg.forget(old)
		}
	}
	for _, a := range put {
		old, ok := sg.anns[a.ID]
		if ok && old.Start == a.Start && old.End == a.End && old.Label == a.Label {
			sg.anns[a.ID] = a // a note or an attribute: the same to suggestions
			continue
		}
		if ok {
			removed = append(removed, old)
			sg.forget(old)
		}
		added = append(added, a)
		sg.anns[a.ID] = a
		sg.have[a.Key()]++
	}
	if len(removed) == 0 && len(added) == 0 {
		return
	}
	sg.record(removed, added)
	switch {
	case sg.hasSel:
		sg.refresh() // which settles, to know whether the selected one is still there
	case sg.shownChange(removed, added):
		sg.ws.view.RefreshSuggestions()
	}
}

// forget drops a from what changed knows.
func (sg *suggestions) forget(a annotate.Annotation) {
	delete(sg.anns, a.ID)
	k := a.Key()
	if sg.have[k]--; sg.have[k] <= 0 {
		delete(sg.have, k)
	}
}

// record tells the index of an edit when the edits pause (settle), or
// queues it while the index is being built.
func (sg *suggestions) record(removed, added []annotate.Annotation) {
	switch {
	case sg.doc != nil:
		sg.editLater(removed, added)
	case sg.isOpening:
		sg.pending = append(sg.pending, pendingChange{removed: removed, added: added})
		sg.earlyIn = nil // they do not know of the edit
	case sg.x == nil:
		text := sg.ws.sess.Text
		for _, a := range removed {
			sg.queued = append(sg.queued, queuedEdit{text(a.Start, a.End), a.Label, false})
		}
		for _, a := range added {
			sg.queued = append(sg.queued, queuedEdit{text(a.Start, a.End), a.Label, true})
		}
	}
}

// refresh redraws the suggestions after an edit, a rejection or an
// acceptance, and forgets the selected one if it went. The counts wait
// for the edits to pause (recount, from refreshLists): counting is a walk
// over every suggestion, which a document can have a million of.
func (sg *suggestions) refresh() {
	if sg.hasSel && !slices.ContainsFunc(sg.in(nil, sg.sel.Start, sg.sel.End), func(s annotate.Suggestion) bool {
		return s.Key() == sg.sel.Key()
	}) {
		sg.hasSel = false
	}
	sg.show()
}

// recount counts the document's suggestions for the status line and the
// document list.
func (sg *suggestions) recount() {
	sg.settle()
	n := 0
	if sg.doc != nil {
		n = sg.doc.Len()
	}
	for _, s := range sg.model {
		if sg.have[s.Key()] == 0 && (sg.doc == nil || !slices.ContainsFunc(sg.doc.In(nil, s.Start, s.End), func(t annotate.Suggestion) bool {
			return t.Key() == s.Key()
		})) {
			n++
		}
	}
	sg.count = n
	sg.ws.status.setSuggestions(n, sg.ws.prefs.suggestions())
	if sg.ws.sess != nil {
		sg.ws.docs.setPendingOne(sg.ws.sess.Document().ID, n)
	}
}

// in appends to dst the suggestions overlapping [a, b), the index's and
// the store's, one per span and label, in CompareSuggestions order,
// after the index has heard of every edit.
func (sg *suggestions) in(dst []annotate.Suggestion, a, b int) []annotate.Suggestion {
	sg.settle()
	from := len(dst)
	if sg.doc != nil {
		dst = sg.doc.In(dst, a, b)
	} else {
		dst, _ = sg.earlyStrings(dst, a, b)
	}
	return sg.withModel(dst, from, a, b)
}

// withModel merges the store's suggestions overlapping [a, b) into
// dst[from:], the index's, and leaves out those an annotation repeats.
func (sg *suggestions) withModel(dst []annotate.Suggestion, from, a, b int) []annotate.Suggestion {
	var model []annotate.Suggestion
	for _, s := range sg.model {
		if s.Start >= b {
			break // sorted by start
		}
		if s.End > a {
			model = append(model, s)
		}
	}
	return append(dst[:from], merged(dst[from:], model, sg.have)...)
}

// all returns every suggestion of the document with label.
func (sg *suggestions) all(label string) []annotate.Suggestion {
	sg.settle()
	var strs []annotate.Suggestion
	if sg.doc != nil {
		strs = sg.doc.Suggestions()
	}
	return slices.DeleteFunc(merged(strs, sg.model, sg.have), func(s annotate.Suggestion) bool { return s.Label != label })
}

// merged returns the suggestions of strs and model, one per span and
// label (the higher score's), leaving out those an annotation in have
// repeats, in CompareSuggestions order.
func merged(strs, model []annotate.Suggestion, have map[annotate.SpanLabel]int) []annotate.Suggestion {
	out := make([]annotate.Suggestion, 0, len(strs)+len(model))
	for _, s := range strs {
		if have[s.Key()] == 0 {
			out = append(out, s)
		}
	}
	if len(model) == 0 {
		return out // the index's come sorted, one per span and label
	}
	at := make(map[annotate.SpanLabel]int, len(out))
	for i, s := range out {
		at[s.Key()] = i
	}
	for _, s := range model {
		k := s.Key()
		if i, ok := at[k]; ok {
			if s.Score > out[i].Score {
				out[i] = s
			}
			continue
		}
		if have[k] == 0 {
			at[k] = len(out)
			out = append(out, s)
		}
	}
	slices.SortFunc(out, annotate.CompareSuggestions)
	return out
}
