package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"

	"spanmark/annotate"
	"spanmark/app/textview"
)

// keyReject rejects the selected suggestion. With none selected the key
// keeps any other meaning it has (a label's hotkey; in review mode,
// delete mine, which wins).
const keyReject = 'x'

// show puts the list into the article view, none while hidden or while
// reviewing (when the view shows the two sides' differences), and its
// count into the status line.
func (sg *suggestions) show() {
	ws := sg.ws
	var spans []textview.Span
	if sg.visible() {
		colors := make(map[string]textview.Span, len(ws.schema.Labels))
		for _, l := range ws.schema.Labels {
			colors[l.Name] = textview.Span{Color: parseColor(l.Color)}
		}
		spans = make([]textview.Span, len(sg.list))
		for i, s := range sg.list {
			spans[i] = textview.Span{ID: suggestID(s), Start: s.Start, End: s.End, Color: colors[s.Label].Color, Label: s.Label}
		}
	}
	ws.view.SetSuggestions(spans)
	id := ""
	if sg.selected() {
		id = suggestID(sg.list[sg.cur])
	}
	ws.view.SetActiveSuggestion(id)
	ws.status.setSuggestions(len(sg.list), ws.prefs.suggestions())
}

// visible reports whether the view shows the suggestions, and so whether
// the keys act on them.
func (sg *suggestions) visible() bool {
	return sg.ws.prefs.suggestions() && sg.ws.review == nil && sg.ws.sess != nil
}

// selected reports whether a suggestion is selected.
func (sg *suggestions) selected() bool {
	return sg.visible() && sg.cur >= 0 && sg.cur < len(sg.list)
}

// deselect forgets the selected suggestion, as another selection does.
func (sg *suggestions) deselect() {
	if sg.cur < 0 {
		return
	}
	sg.cur = -1
	sg.ws.view.SetActiveSuggestion("")
}

// selectAt selects suggestion i: it is outlined and scrolled into view,
// the caret waits at its end, and the status line says what it is.
func (sg *suggestions) selectAt(i int) {
	ws := sg.ws
	ws.setActive("")
	s := sg.list[i]
	sg.cur = i
	ws.view.SetSelection(s.End, s.End)
	ws.view.ScrollTo(s.Start)
	ws.view.SetActiveSuggestion(suggestID(s))
	ws.status.setSelection(s.Start, s.End)
	ws.status.flash(fmt.Sprintf("%s suggested by %s (%.0f%%): Enter accepts, x rejects, Shift+Enter accepts every %s",
		s.Label, s.Source, 100*s.Score, s.Label))
}

// suggestionKey handles Tab, Shift+Tab, Enter and Shift+Enter while the
// document has suggestions to show, and reports whether it took the key.
// Enter does nothing else in the article view, so without a selected
// suggestion it is left alone.
func (ws *workspace) suggestionKey(ev *fyne.KeyEvent) bool {
	sg := ws.sugg
	if !sg.visible() || len(sg.list) == 0 {
		return false
	}
	switch ev.Name {
	case fyne.KeyTab:
		sg.step(ws.view.ShiftHeld())
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if !sg.selected() {
			return false
		}
		if ws.view.ShiftHeld() {
			ws.acceptSuggestions(sg.list[sg.cur].Label)
		} else {
			ws.acceptSuggestions("")
		}
		return true
	}
	return false
}

// step selects the next suggestion, or with back the previous one: from
// the selected one, else from the caret, round the document's end.
func (sg *suggestions) step(back bool) {
	n := len(sg.list)
	i := sg.cur
	if !sg.selected() {
		caret, _ := sg.ws.view.Selection()
		// The first that starts at the caret or after it; back, the one
		// before that.
		i, _ = slices.BinarySearchFunc(sg.list, caret, func(s annotate.Suggestion, c int) int { return s.Start - c })
		if !back {
			i--
		}
	}
	if back {
		i = (i - 1 + n) % n
	} else {
		i = (i + 1) % n
	}
	sg.selectAt(i)
}

// onSuggestionTap selects the suggestion clicked.
func (ws *workspace) onSuggestionTap(id string, _ int) {
	ws.status.clearMessage()
	ws.tapped = tapCycle{offset: -1}
	if i := slices.IndexFunc(ws.sugg.list, func(s annotate.Suggestion) bool { return suggestID(s) == id }); i >= 0 {
		ws.sugg.selectAt(i)
	}
}

// acceptSuggestions accepts the selected suggestion or, given a label,
// every suggestion of that label in the document, as one undoable edit
// that the store commits before the view shows it. A single accepted
// annotation becomes the selected one.
func (ws *workspace) acceptSuggestions(label string) {
	sg := ws.sugg
	take := []annotate.Suggestion{sg.list[sg.cur]}
	if label != "" {
		take = slices.DeleteFunc(slices.Clone(sg.list), func(s annotate.Suggestion) bool { return s.Label != label })
	}
	put, err := ws.sess.Accept(take)
	if err != nil {
		ws.showError(err)
		return
	}
	sg.dropModel(take)
	sg.cur = -1
	ws.active = ""
	if len(take) == 1 && len(put) == 1 {
		ws.active = put[0].ID
		ws.view.SetSelection(put[0].End, put[0].End)
	}
	ws.saved()
	if len(put) == 0 {
		sg.refresh() // nothing changed but the store's suggestions
	}
}

// rejectSuggestion rejects the selected suggestion, recorded in the
// project so that it does not come back, and selects the one after it.
func (ws *workspace) rejectSuggestion() {
	sg := ws.sugg
	s := sg.list[sg.cur]
	r := annotate.Rejection{DocumentID: s.DocumentID, Start: s.Start, End: s.End, Label: s.Label, Text: ws.sess.Text(s.Start, s.End)}
	if err := ws.store.Reject(r); err != nil {
		ws.showError(err)
		return
	}
	switch {
	case sg.doc != nil:
		sg.doc.Reject(r)
	case sg.x != nil:
		sg.x.Reject(r)
	}
	sg.dropModel([]annotate.Suggestion{s})
	at := sg.cur
	sg.cur = -1
	sg.refresh()
	if at < len(sg.list) {
		sg.selectAt(at)
	}
	ws.status.markSaved()
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
}
