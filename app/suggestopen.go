package app

import (
	"sort"

	"spanmark/annotate"
	"spanmark/annotate/suggest"
)

// openDoc computes the string suggestions of d in the background, in two
// steps, so that a long document's suggestions show as soon as they are
// known: first Index.Suggest, the list alone (half the work of Open on a
// 1 MB document), which the view and the counts show at once; then
// Index.Open, the same suggestions kept up to date edit by edit. Until
// the list comes the view shows the store's suggestions only. The edits
// and rejections made before Open's result are replayed on it; the list
// is not shown after one of them, since it no longer holds. The index is
// only read meanwhile: every change to it waits in pending.
func (sg *suggestions) openDoc(d *annotate.DocumentData) {
	sg.opening++
	gen, x := sg.opening, sg.x
	sg.isOpening, sg.pending, sg.early = true, nil, nil
	stale := func() bool { return gen != sg.opening || x != sg.x || !sg.isOpening }
	var early []annotate.Suggestion
	sg.lane.Go(sg.ws.run, func() error {
		early = x.Suggest(d, suggestMinScore)
		return nil
	}, func(error) {
		if stale() {
			return // another document, or another index, since
		}
		sg.early = early
		if len(sg.pending) == 0 {
			sg.recount()
			sg.show()
		}
		sg.keepDoc(d, stale)
	})
}

// keepDoc runs Index.Open on d in the background and, unless stale by
// then, replays the changes made meanwhile on its result and makes it the
// open document's suggestions.
func (sg *suggestions) keepDoc(d *annotate.DocumentData, stale func() bool) {
	x := sg.x
	var doc *suggest.Doc
	sg.lane.Go(sg.ws.run, func() error {
		doc = x.Open(d, suggestMinScore)
		return nil
	}, func(error) {
		if stale() {
			return
		}
		for _, c := range sg.pending {
			if c.reject != nil {
				doc.Reject(*c.reject)
			} else {
				doc.Edit(c.removed, c.added)
			}
		}
		// Shown again only if an edit came meanwhile: without one the
		// list showed the same suggestions.
		redraw := len(sg.pending) > 0
		sg.doc, sg.early, sg.isOpening, sg.pending = doc, nil, false, nil
		if redraw {
			sg.recount()
			sg.show()
		}
	})
}

// stringsIn appends to dst the open document's string suggestions that
// overlap [a, b): its Doc's, or while that is computed the list of
// openDoc, if no edit came since.
func (sg *suggestions) stringsIn(dst []annotate.Suggestion, a, b int) []annotate.Suggestion {
	if sg.doc != nil {
		return sg.doc.In(dst, a, b)
	}
	if !sg.useEarly() {
		return dst
	}
	// After Longest, suggestions sorted by start are sorted by end too:
	// two that overlap have the same length.
	i := sort.Search(len(sg.early), func(i int) bool { return sg.early[i].End > a })
	for ; i < len(sg.early) && sg.early[i].Start < b; i++ {
		dst = append(dst, sg.early[i])
	}
	return dst
}

// allStrings returns every string suggestion of the open document, as
// stringsIn has them.
func (sg *suggestions) allStrings() []annotate.Suggestion {
	switch {
	case sg.doc != nil:
		return sg.doc.Suggestions()
	case sg.useEarly():
		return append([]annotate.Suggestion(nil), sg.early...)
	}
	return nil
}

// stringCount counts the open document's string suggestions.
func (sg *suggestions) stringCount() int {
	switch {
	case sg.doc != nil:
		return sg.doc.Len()
	case sg.useEarly():
		return len(sg.early)
	}
	return 0
}

// useEarly reports whether the list of openDoc holds the open document's
// string suggestions: it is in, and no edit or rejection came since.
func (sg *suggestions) useEarly() bool {
	return sg.isOpening && sg.early != nil && len(sg.pending) == 0
}
