package app

import (
	"fmt"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// Keys with a meaning of their own in the article view; labels cannot use
// them as hotkeys.
const (
	keyLink = 'a' // link the selected claim to a source
	keyNote = 'n' // edit the selected annotation's note
)

// reservedKeys are the letters labels may not take as hotkeys.
var reservedKeys = string([]rune{keyLink, keyNote})

// onRune handles hotkeys typed in the article view.
func (ws *workspace) onRune(r rune) {
	if ws.sess == nil {
		return
	}
	ws.status.clearMessage()
	// Shift with a label key tags the range again with a second label;
	// without it, a label key relabels an annotation over the very range.
	stack := unicode.IsUpper(r)
	r = unicode.ToLower(r)
	if ws.review != nil && ws.review.key(r) {
		return
	}
	if r == keyReject && !stack && ws.sugg.selected() {
		ws.rejectSuggestion()
		return
	}
	switch r {
	case keyLink:
		ws.startLink()
		return
	case keyNote:
		ws.editNote()
		return
	}
	if l, ok := ws.schema.LabelForKey(string(r)); ok {
		ws.tag(l.Name, stack)
	}
}

// onKey handles named keys the view does not use itself.
func (ws *workspace) onKey(ev *fyne.KeyEvent) bool {
	ws.status.clearMessage()
	if ws.suggestionKey(ev) {
		return true
	}
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		ws.deleteActive()
		return true
	case fyne.KeyEscape:
		if ws.linking {
			ws.linking = false
			ws.status.setHint("")
			return true
		}
		if ws.active != "" {
			ws.setActive("")
			return true
		}
	case fyne.KeyLeftBracket:
		ws.stepDocument(-1)
		return true
	case fyne.KeyRightBracket:
		ws.stepDocument(1)
		return true
	}
	return false
}

// tagWith tags the selection with label, or, with an annotation selected
// and no text selection, changes that annotation's label. A selection
// over exactly an annotation's range, as a double-click on a one-word
// annotation makes, relabels that annotation.
func (ws *workspace) tagWith(label string) { ws.tag(label, false) }

// tag is tagWith; with stack, a selection over an annotation's range is
// tagged with a second annotation instead.
func (ws *workspace) tag(label string, stack bool) {
	if ws.sess == nil {
		return
	}
	start, end := ws.view.Selection()
	if start < end && !stack {
		if id, ok := ws.relabelTarget(start, end, label); ok {
			ws.view.SetSelection(0, 0)
			ws.setActive(id)
			start, end = 0, 0
		}
	}
	switch {
	case start < end:
		a, err := ws.sess.Tag(start, end, label)
		if err != nil {
			ws.showError(err)
			return
		}
		ws.view.SetSelection(end, end) // the caret goes on from the annotation's end
		// The new annotation is outlined in the view; the panel is not
		// scrolled to it, which would make it jump at every tag.
		ws.active = a.ID
		ws.saved()
	case ws.active != "":
		if err := ws.sess.Relabel(ws.active, label); err != nil {
			ws.showError(err)
			return
		}
		ws.saved()
	}
}

// relabelTarget returns the annotation over exactly [start, end) that a
// label key relabels: one with label already, else the first.
func (ws *workspace) relabelTarget(start, end int, label string) (string, bool) {
	id := ""
	for _, a := range ws.sess.Over(start, end) {
		if a.Label == label {
			return a.ID, true
		}
		if id == "" {
			id = a.ID
		}
	}
	return id, id != ""
}

func (ws *workspace) deleteActive() {
	if ws.sess == nil || ws.active == "" {
		return
	}
	if err := ws.sess.Delete(ws.active); err != nil {
		ws.showError(err)
		return
	}
	ws.active = ""
	ws.saved()
}

// saved redraws after an edit the store has committed. The first edit of a
// document still to do marked it in progress.
func (ws *workspace) saved() {
	ws.refreshChange()
	ws.status.markSaved()
	if doc := ws.sess.Document(); ws.status.showStatus(doc.Status) {
		ws.docs.setStatus(doc.ID, doc.Status)
	}
}

func (ws *workspace) undo() {
	if ws.sess == nil {
		return
	}
	if ok, err := ws.sess.Undo(); err != nil {
		ws.showError(err)
	} else if ok {
		ws.dropMissingActive()
		ws.saved()
	}
}

func (ws *workspace) redo() {
	if ws.sess == nil {
		return
	}
	if ok, err := ws.sess.Redo(); err != nil {
		ws.showError(err)
	} else if ok {
		ws.dropMissingActive()
		ws.saved()
	}
}

// dropMissingActive forgets the selected annotation if the undo or redo
// removed it; else the caret goes back to its end, as when it was
// selected, so that undoing a resize leaves no caret where the end was.
func (ws *workspace) dropMissingActive() {
	a, ok := ws.sess.Annotation(ws.active)
	if !ok {
		ws.active = ""
		return
	}
	ws.view.SetSelection(a.End, a.End)
}

// editNote asks for the selected annotation's note.
func (ws *workspace) editNote() {
	a, ok := ws.sess.Annotation(ws.active)
	if !ok {
		return
	}
	entry := newDialogEntry(true)
	entry.SetText(a.Note)
	entry.SetMinRowsVisible(4)
	title := fmt.Sprintf("Note on %s “%s”", a.Label, ellipsis(ws.sess.Text(a.Start, a.End), 40))
	// Enter is a newline; Ctrl+Enter saves, Esc cancels, Tab goes to Save.
	d := newFormDialog(title, "Save", "Cancel",
		widget.NewForm(widget.NewFormItem("Note", entry)),
		func(ok bool) {
			if !ok {
				return
			}
			if err := ws.sess.SetNote(a.ID, entry.Text); err != nil {
				ws.showError(err)
				return
			}
			ws.saved()
		}, ws.win)
	d.wire(entry)
	entry.onTab = func() { ws.win.Canvas().Focus(d.save) }
	d.Resize(fyne.NewSize(480, 240))
	ws.showKeyed(d, d.Confirm)
	ws.win.Canvas().Focus(entry)
}

// stepDocument opens the next (+1) or previous (-1) document of the list.
func (ws *workspace) stepDocument(delta int) {
	if ws.sess == nil {
		return
	}
	if id, ok := ws.docs.neighbour(ws.sess.Document().ID, delta); ok {
		if err := ws.openDocument(id); err != nil {
			ws.showError(err)
		}
	}
}

// setStatus sets the open document's status from the status bar.
func (ws *workspace) setStatus(s annotate.Status) {
	if ws.sess == nil || ws.sess.Document().Status == s {
		return
	}
	if err := ws.sess.SetStatus(s); err != nil {
		ws.showError(err)
		return
	}
	ws.docs.setStatus(ws.sess.Document().ID, s)
	ws.status.markSaved()
}
