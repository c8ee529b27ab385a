package app

import (
	"slices"

	"spanmark/annotate"
	"spanmark/annotate/suggest"
	"spanmark/app/textview"
)

// suggestLater is what keeps the open document's suggestions off the
// path of a keystroke. Telling the index of a tag recomputes every
// occurrence of the tagged string in the document, and asking it for
// the lines in view matches every token there: on a long document each
// costs a fifth of the tag's commit, which leaves the tag budget no room.
// So an edit is only noted (edits); the index hears of it when the edits
// pause (suggestions.settle, from refreshLists) or as soon as anything
// needs the suggestions exact (the keys, the counts, another document).
// Until then the view draws the suggestions as of the last settle,
// without those an annotation now repeats, from the lines it asked for
// last (drawn), so that the frame after a tag asks the index nothing.
type suggestLater struct {
	edits []pendingChange // told to doc at the next settle
	doc   *suggest.Doc    // the suggestions the edits were made on

	version int          // bumped at every change of the document's suggestions
	drawn   drawnStrings // the view's last query
}

// drawnStrings is the index's answer to the view's last query.
type drawnStrings struct {
	doc     *suggest.Doc
	early   *suggest.Range
	version int
	a, b    int
	strs    []annotate.Suggestion
}

// editLater notes an edit of the document whose suggestions are doc, for
// the next settle.
func (sg *suggestions) editLater(removed, added []annotate.Annotation) {
	if sg.later.doc != sg.doc {
		sg.settle() // a document's edits go to its own suggestions
	}
	sg.later.doc = sg.doc
	sg.later.edits = append(sg.later.edits, pendingChange{removed: removed, added: added})
}

// settle tells the suggestions the edits were made on, and so the index,
// of the edits made since the last settle, and redraws them. It must
// come before the open document's suggestions are made anew.
func (sg *suggestions) settle() {
	if len(sg.later.edits) == 0 {
		return
	}
	edits, doc := sg.later.edits, sg.later.doc
	sg.later.edits, sg.later.doc = nil, nil
	for _, c := range edits {
		doc.Edit(c.removed, c.added)
	}
	if doc == sg.doc {
		sg.touched()
		sg.refresh()
	}
}

// touched notes that the document's suggestions changed.
func (sg *suggestions) touched() { sg.later.version++ }

// strings returns the index's suggestions overlapping [a, b) as of the
// last settle, asking the index only if they or the range changed since
// the last call.
func (sg *suggestions) strings(a, b int) []annotate.Suggestion {
	d := &sg.later.drawn
	if d.doc == sg.doc && d.early == sg.earlyIn && d.version == sg.later.version && d.a == a && d.b == b {
		return d.strs
	}
	*d = drawnStrings{doc: sg.doc, early: sg.earlyIn, version: sg.later.version, a: a, b: b, strs: d.strs[:0]}
	if sg.doc != nil {
		d.strs = sg.doc.In(d.strs, a, b)
	} else {
		d.strs, _ = sg.earlyStrings(d.strs, a, b)
	}
	return d.strs
}

// spansIn is the view's query: the suggestions overlapping [a, b), as of
// the last settle, without those an annotation repeats.
func (sg *suggestions) spansIn(dst []textview.Span, a, b int) []textview.Span {
	sg.scratch = sg.withModel(append(sg.scratch[:0], sg.strings(a, b)...), 0, a, b)
	for _, s := range sg.scratch {
		dst = append(dst, sg.span(s))
	}
	return dst
}

// shownChange reports whether an edit that removed and added these
// annotations changes the suggestions the view shows: an added one
// hides a suggestion of its span and label, a removed one brings one
// back. Any other edit leaves the view's last answer as it is, and the
// frame after it asks for none (the tag budget has no room for that).
func (sg *suggestions) shownChange(removed, added []annotate.Annotation) bool {
	d := &sg.later.drawn
	for _, a := range added {
		k := a.Key()
		if slices.ContainsFunc(sg.scratch, func(s annotate.Suggestion) bool { return s.Key() == k }) {
			return true
		}
	}
	for _, a := range removed {
		k := a.Key()
		if slices.ContainsFunc(d.strs, func(s annotate.Suggestion) bool { return s.Key() == k }) {
			return true
		}
		// The store's are sorted by start: only those at a's are looked at.
		i, _ := slices.BinarySearchFunc(sg.model, a.Start, func(s annotate.Suggestion, start int) int { return s.Start - start })
		for ; i < len(sg.model) && sg.model[i].Start == a.Start; i++ {
			if sg.model[i].Key() == k {
				return true
			}
		}
	}
	return false
}
