package app

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"

	"spanmark/annotate"
	"spanmark/app/textview"
)

// keyReject rejects the selected suggestion. With none selected the key
// keeps any other meaning it has (a label's hotkey; in review mode,
// delete mine, which wins).
const keyReject = 'x'

// stepWindow is how many characters step looks through at a time for
// the next suggestion: a screenful or two, so that a step near the
// caret costs little however long the document.
const stepWindow = 4096

// show hands the article view the suggestions, none while hidden or
// while reviewing (when the view shows the two sides' differences), and
// outlines the selected one.
func (sg *suggestions) show() {
	ws := sg.ws
	if !sg.visible() {
		ws.view.SetSuggestions(nil)
		ws.view.SetActiveSuggestion(textview.Span{})
		return
	}
	sg.colors = make(map[string]color.Color, len(ws.schema.Labels))
	for _, l := range ws.schema.Labels {
		sg.colors[l.Name] = parseColor(l.Color)
	}
	ws.view.SetSuggestions(sg.spansIn)
	active := textview.Span{}
	if sg.selected() {
		active = sg.span(sg.sel)
	}
	ws.view.SetActiveSuggestion(active)
}

// span is how the view draws s.
func (sg *suggestions) span(s annotate.Suggestion) textview.Span {
	return textview.Span{Start: s.Start, End: s.End, Color: sg.colors[s.Label], Label: s.Label}
}

// visible reports whether the view shows the suggestions, and so whether
// the keys act on them.
func (sg *suggestions) visible() bool {
	return sg.ws.prefs.suggestions() && sg.ws.review == nil && sg.ws.sess != nil
}

// selected reports whether a suggestion is selected.
func (sg *suggestions) selected() bool { return sg.visible() && sg.hasSel }

// deselect forgets the selected suggestion, as another selection does.
func (sg *suggestions) deselect() {
	if !sg.hasSel {
		return
	}
	sg.hasSel = false
	sg.ws.view.SetActiveSuggestion(textview.Span{})
}

// selectSuggestion selects s: it is outlined and scrolled into view, the
// caret waits at its end, and the status line says what it is.
func (sg *suggestions) selectSuggestion(s annotate.Suggestion) {
	ws := sg.ws
	ws.setActive("")
	sg.sel, sg.hasSel = s, true
	ws.view.SetSelection(s.End, s.End)
	ws.view.ScrollTo(s.Start)
	ws.view.SetActiveSuggestion(sg.span(s))
	ws.status.setSelection(s.Start, s.End)
	ws.status.flash(fmt.Sprintf("%s suggested by %s (%.0f%%): Enter accepts, x rejects, Shift+Enter accepts every %s",
		s.Label, s.Source, 100*s.Score, s.Label))
}

// suggestionKey handles Tab, Shift+Tab, Enter, Shift+Enter and Esc while
// the view shows suggestions, and reports whether it took the key. Enter
// and Esc act on a selected suggestion only: without one they keep their
// other meanings.
func (ws *workspace) suggestionKey(ev *fyne.KeyEvent) bool {
	sg := ws.sugg
	if !sg.visible() {
		return false
	}
	switch ev.Name {
	case fyne.KeyTab:
		sg.step(ws.view.ShiftHeld())
		return true
	case fyne.KeyEscape:
		if !sg.selected() {
			return false
		}
		sg.deselect()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if !sg.selected() {
			return false
		}
		take := []annotate.Suggestion{sg.sel}
		if ws.view.ShiftHeld() {
			take = sg.all(sg.sel.Label)
		}
		ws.acceptSuggestions(take)
		return true
	}
	return false
}

// step selects the next suggestion, or with back the previous one: from
// the selected one, else from the caret, round the document's end. With
// none in the document, Tab moves the focus as it does elsewhere.
func (sg *suggestions) step(back bool) {
	from, _ := sg.ws.view.Selection()
	var after func(s annotate.Suggestion) bool
	switch {
	case sg.selected() && back:
		after = func(s annotate.Suggestion) bool { return annotate.CompareSuggestions(s, sg.sel) < 0 }
	case sg.selected():
		after = func(s annotate.Suggestion) bool { return annotate.CompareSuggestions(s, sg.sel) > 0 }
		from = sg.sel.Start
	case back:
		after = func(s annotate.Suggestion) bool { return s.Start < from }
	default:
		after = func(s annotate.Suggestion) bool { return s.Start >= from }
	}
	if s, ok := sg.nearest(from, back, after); ok {
		sg.selectSuggestion(s)
		return
	}
	c := sg.ws.win.Canvas()
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

// nearest finds the first suggestion from offset from onwards (back:
// the last before it) for which ok holds, going on round the document's
// end, a window of text at a time.
func (sg *suggestions) nearest(from int, back bool, ok func(annotate.Suggestion) bool) (annotate.Suggestion, bool) {
	n := sg.ws.sess.Index().Len()
	wrapped := func(annotate.Suggestion) bool { return true }
	for pass, test := range []func(annotate.Suggestion) bool{ok, wrapped} {
		for k := 0; k*stepWindow <= n; k++ {
			a, b := from+k*stepWindow, from+(k+1)*stepWindow
			if back {
				a, b = from-(k+1)*stepWindow, from-k*stepWindow
			}
			if pass == 1 {
				// Round the end: from the other end of the document.
				if back {
					a, b = n-(k+1)*stepWindow, n-k*stepWindow
				} else {
					a, b = k*stepWindow, (k+1)*stepWindow
				}
			}
			a, b = max(a, 0), min(b, n)
			if a >= b {
				continue
			}
			ss := slices.DeleteFunc(sg.in(nil, a, b), func(s annotate.Suggestion) bool { return s.Start < a || !test(s) })
			if len(ss) > 0 {
				if back {
					return ss[len(ss)-1], true
				}
				return ss[0], true
			}
		}
	}
	return annotate.Suggestion{}, false
}

// onSuggestionTap selects the suggestion clicked.
func (ws *workspace) onSuggestionTap(t textview.Span) {
	ws.status.clearMessage()
	ws.tapped = tapCycle{offset: -1}
	for _, s := range ws.sugg.in(nil, t.Start, t.End) {
		if s.Start == t.Start && s.End == t.End && s.Label == t.Label {
			ws.sugg.selectSuggestion(s)
			return
		}
	}
}

// acceptSuggestions accepts take as one undoable edit that the store
// commits before the view shows it. A single accepted annotation becomes
// the selected one.
func (ws *workspace) acceptSuggestions(take []annotate.Suggestion) {
	sg := ws.sugg
	put, err := ws.sess.Accept(take)
	if err != nil {
		ws.showError(err)
		return
	}
	sg.dropModel(take)
	sg.hasSel = false
	ws.active = ""
	if len(take) == 1 && len(put) == 1 {
		ws.active = put[0].ID
		ws.view.SetSelection(put[0].End, put[0].End)
	}
	ws.saved()
	if len(put) == 0 {
		sg.refresh() // nothing changed but the store's suggestions
		ws.lists.schedule()
	}
}

// rejectSuggestion rejects the selected suggestion, recorded in the
// project so that it does not come back, and selects the next one.
func (ws *workspace) rejectSuggestion() {
	sg := ws.sugg
	s := sg.sel
	r := annotate.Rejection{DocumentID: s.DocumentID, Start: s.Start, End: s.End, Label: s.Label, Text: ws.sess.Text(s.Start, s.End)}
	if err := ws.store.Reject(r); err != nil {
		ws.showError(err)
		return
	}
	sg.settle() // the rejection comes after the edits
	switch {
	case sg.doc != nil:
		sg.doc.Reject(r)
		sg.touched()
	case sg.isOpening:
		sg.pending = append(sg.pending, pendingChange{reject: &r})
		sg.earlyIn = nil // they do not know of the rejection
	case sg.x != nil:
		sg.x.Reject(r)
	}
	sg.dropModel([]annotate.Suggestion{s})
	sg.refresh()
	if next, ok := sg.nearest(s.Start, false, func(t annotate.Suggestion) bool { return annotate.CompareSuggestions(t, s) > 0 }); ok {
		sg.selectSuggestion(next)
	} else {
		sg.deselect()
	}
	ws.status.markSaved()
	ws.lists.schedule()
}

// dropModel drops from the store's suggestions those at the spans and
// labels of ss, which the store has just deleted.
func (sg *suggestions) dropModel(ss []annotate.Suggestion) {
	gone := make(map[annotate.SpanLabel]bool, len(ss))
	for _, s := range ss {
		gone[s.Key()] = true
	}
	sg.model = slices.DeleteFunc(sg.model, func(s annotate.Suggestion) bool { return gone[s.Key()] })
}

// toggleSuggestions shows or hides the suggestions (View → Show
// suggestions), a preference kept across runs.
func (ws *workspace) toggleSuggestions() {
	ws.prefs.setSuggestions(!ws.prefs.suggestions())
	ws.suggestItem.Checked = ws.prefs.suggestions()
	ws.refreshMenu()
	ws.sugg.deselect()
	ws.sugg.show()
	ws.status.setSuggestions(ws.sugg.count, ws.prefs.suggestions())
}
