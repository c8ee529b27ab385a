package app

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
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

func (ws *workspace) onSelect(start, end int) {
	if start != end {
		ws.setActive("")
	}
	ws.status.setSelection(start, end)
}

// onSpanTap selects the annotation under the pointer. Tapping again where
// several overlap cycles through them; in link mode, tapping a source
// links the selected claim to it; while reviewing, the disagreement
// tapped becomes the current one.
func (ws *workspace) onSpanTap(ids []string, _ int) {
	if len(ids) == 0 {
		return
	}
	if ws.linking {
		ws.linkTo(ids)
		return
	}
	if ws.review != nil && ws.review.tap(ids) {
		return
	}
	next := ids[0]
	if i := slices.Index(ids, ws.active); i >= 0 {
		next = ids[(i+1)%len(ids)]
	}
	ws.setActive(next)
}

func (ws *workspace) setActive(id string) {
	if id == ws.active {
		return
	}
	ws.active = id
	ws.view.SetActive(id)
	ws.panel.setActive(id)
	if id != "" {
		ws.view.SetSelection(0, 0)
		if a, ok := ws.sess.Annotation(id); ok {
			ws.status.setSelection(a.Start, a.End)
		}
	}
}

// onRune handles hotkeys typed in the article view.
func (ws *workspace) onRune(r rune) {
	if ws.sess == nil {
		return
	}
	r = unicode.ToLower(r)
	if ws.review != nil && ws.review.key(r) {
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
		ws.tagWith(l.Name)
	}
}

// onKey handles named keys the view does not use itself.
func (ws *workspace) onKey(ev *fyne.KeyEvent) bool {
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
// and no text selection, changes that annotation's label.
func (ws *workspace) tagWith(label string) {
	if ws.sess == nil {
		return
	}
	start, end := ws.view.Selection()
	switch {
	case start < end:
		a, err := ws.sess.Tag(start, end, label)
		if err != nil {
			ws.showError(err)
			return
		}
		ws.view.SetSelection(0, 0)
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

// saved redraws after an edit the store has committed.
func (ws *workspace) saved() {
	ws.refreshChange()
	ws.status.markSaved()
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

func (ws *workspace) dropMissingActive() {
	if _, ok := ws.sess.Annotation(ws.active); !ok {
		ws.active = ""
	}
}

// startLink enters link mode for the selected annotation.
func (ws *workspace) startLink() {
	a, ok := ws.sess.Annotation(ws.active)
	if !ok {
		ws.status.setHint("Select a claim first, then press A to link it to its source")
		return
	}
	rt, ok := ws.schema.RelationFrom(ws.schema.KindOf(a.Label))
	if !ok {
		ws.status.setHint(fmt.Sprintf("%s annotations cannot be linked; select a claim", a.Label))
		return
	}
	ws.linking = true
	ws.status.setHint(fmt.Sprintf("Click the %s this %s is %s (Esc cancels)", rt.ToKind, a.Label, strings.ReplaceAll(rt.Name, "_", " ")))
}

// linkTo links the selected annotation to the first of ids whose kind the
// relation type accepts.
func (ws *workspace) linkTo(ids []string) {
	from, ok := ws.sess.Annotation(ws.active)
	if !ok {
		ws.linking = false
		return
	}
	rt, _ := ws.schema.RelationFrom(ws.schema.KindOf(from.Label))
	for _, id := range ids {
		to, ok := ws.sess.Annotation(id)
		if !ok || ws.schema.KindOf(to.Label) != rt.ToKind {
			continue
		}
		ws.linking = false
		ws.status.setHint("")
		if _, err := ws.sess.Link(rt.Name, from.ID, to.ID); err != nil {
			ws.showError(err)
			return
		}
		ws.saved()
		return
	}
	ws.status.setHint(fmt.Sprintf("That is not a %s; click a %s annotation (Esc cancels)", rt.ToKind, rt.ToKind))
}

// editNote asks for the selected annotation's note.
func (ws *workspace) editNote() {
	a, ok := ws.sess.Annotation(ws.active)
	if !ok {
		return
	}
	entry := widget.NewMultiLineEntry()
	entry.SetText(a.Note)
	entry.SetMinRowsVisible(4)
	title := fmt.Sprintf("Note on %s “%s”", a.Label, ellipsis(ws.sess.Text(a.Start, a.End), 40))
	d := dialog.NewForm(title, "Save", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Note", entry)},
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
	d.Resize(fyne.NewSize(480, 240))
	d.Show()
	ws.win.Canvas().Focus(entry)
}

// onHover highlights what the annotation under the pointer is linked to.
func (ws *workspace) onHover(ids []string, _ int) {
	if ws.sess == nil {
		return
	}
	var related []string
	for _, id := range ids {
		for _, r := range ws.sess.RelationsOf(id) {
			if r.From == id {
				related = append(related, r.To)
			} else {
				related = append(related, r.From)
			}
		}
	}
	ws.view.SetRelated(related)
}

// tooltip lists every annotation at offset.
func (ws *workspace) tooltip(offset int) string {
	if ws.sess == nil {
		return ""
	}
	if ws.review != nil {
		if tip, ok := ws.review.tooltip(offset); ok {
			return tip
		}
	}
	var lines []string
	for _, a := range ws.sess.Annotations() {
		if a.Start > offset {
			break
		}
		if offset < a.End {
			line := fmt.Sprintf("%s  “%s”", a.Label, ellipsis(ws.sess.Text(a.Start, a.End), 48))
			if a.Note != "" {
				line += " — " + ellipsis(a.Note, 48)
			}
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
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

// ellipsis shortens s to at most n code points, on one line.
func ellipsis(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// onPanelSelect selects an annotation chosen in the panel and scrolls the
// article to it; in link mode it links the selected claim to it.
func (ws *workspace) onPanelSelect(id string) {
	if ws.linking {
		ws.linkTo([]string{id})
		return
	}
	if a, ok := ws.sess.Annotation(id); ok {
		ws.setActive(id)
		ws.view.ScrollTo(a.Start)
	}
}
