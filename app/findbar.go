package app

import (
	"fmt"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// findBar is Edit → Find: it highlights every match in the article and can
// tag them all with one label in one undoable step.
type findBar struct {
	ws      *workspace
	box     *fyne.Container
	query   *findEntry
	matchCs *widget.Check
	count   *widget.Label
	label   *widget.Select
	matches [][2]int
	marked  [][2]int // the matches the view highlights
	current int
	text    []rune // the open document's text, converted once per document
}

func newFindBar(ws *workspace) *findBar {
	f := &findBar{ws: ws}
	f.query = newFindEntry(f.hide)
	f.query.SetPlaceHolder("Find in document")
	f.query.OnChanged = func(string) { f.search() }
	f.query.OnSubmitted = func(string) { f.next() }
	f.matchCs = widget.NewCheck("Match case", func(bool) { f.search() })
	f.count = widget.NewLabel("")
	f.label = widget.NewSelect(nil, nil)
	f.label.PlaceHolder = "Label"
	tagAll := widget.NewButton("Tag all", f.tagAll)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.hide)
	controls := container.NewHBox(f.matchCs, f.count, f.label, tagAll, closeBtn)
	f.box = container.NewBorder(nil, nil, nil, controls, f.query)
	f.box.Hide()
	return f
}

func (f *findBar) object() fyne.CanvasObject { return f.box }

func (f *findBar) show() {
	names := make([]string, len(f.ws.schema.Labels))
	for i, l := range f.ws.schema.Labels {
		names[i] = l.Name
	}
	f.label.SetOptions(names)
	f.box.Show()
	f.ws.win.Canvas().Focus(f.query)
	// The old query is selected, so that typing replaces it and Enter
	// finds it again.
	f.query.TypedShortcut(&fyne.ShortcutSelectAll{})
	f.search()
}

func (f *findBar) hide() {
	f.box.Hide()
	f.matches = nil
	f.mark(nil)
	f.ws.win.Canvas().Focus(f.ws.view)
}

// reset forgets the matches when another document opens.
func (f *findBar) reset() {
	f.text = nil
	f.matches = nil
	f.count.SetText("")
	if f.box.Visible() {
		f.search()
	}
}

func (f *findBar) search() {
	f.matches, f.current = nil, -1
	if f.ws.sess != nil && f.query.Text != "" {
		if f.text == nil {
			f.text = []rune(f.ws.sess.Document().Text)
		}
		f.matches = findAll(f.text, []rune(f.query.Text), f.matchCs.Checked)
	}
	f.mark(f.matches)
	f.count.SetText(fmt.Sprintf("%d matches", len(f.matches)))
}

// next scrolls to the next match and selects it.
func (f *findBar) next() {
	if len(f.matches) == 0 {
		return
	}
	f.current = (f.current + 1) % len(f.matches)
	m := f.matches[f.current]
	f.ws.view.ScrollTo(m[0])
	f.ws.view.SetSelection(m[0], m[1])
	f.ws.onSelect(m[0], m[1])
}

func (f *findBar) tagAll() {
	if f.ws.sess == nil || f.label.Selected == "" || len(f.matches) == 0 {
		return
	}
	n, err := f.ws.sess.TagAll(f.matches, f.label.Selected)
	if err != nil {
		f.ws.showError(err)
		return
	}
	f.ws.saved()
	f.mark(untagged(f.matches, f.ws.sess.Annotations(), f.label.Selected))
	f.count.SetText(fmt.Sprintf("%d matches · %d tagged", len(f.matches), n))
}

// mark highlights ranges in the article view.
func (f *findBar) mark(ranges [][2]int) {
	f.marked = ranges
	f.ws.view.SetMarks(ranges)
}

// untagged returns the matches that no annotation with label covers
// exactly: once tagged, a match shows its label's colour, not the
// highlight drawn over it.
func untagged(matches [][2]int, anns []annotate.Annotation, label string) [][2]int {
	tagged := make(map[[2]int]bool)
	for _, a := range anns {
		if a.Label == label {
			tagged[[2]int{a.Start, a.End}] = true
		}
	}
	var out [][2]int
	for _, m := range matches {
		if !tagged[m] {
			out = append(out, m)
		}
	}
	return out
}

// findEntry is the find bar's query field: Esc closes the bar, as it
// cancels anything else.
type findEntry struct {
	widget.Entry
	onEscape func()
}

func newFindEntry(onEscape func()) *findEntry {
	e := &findEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the bar on Esc and edits the query otherwise.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// findAll returns the code-point ranges of every non-overlapping match of
// q in text, left to right.
func findAll(text, q []rune, matchCase bool) [][2]int {
	if len(q) == 0 {
		return nil
	}
	fold := func(r rune) rune {
		if matchCase {
			return r
		}
		return unicode.ToLower(r)
	}
	first := fold(q[0])
	var out [][2]int
	for i := 0; i+len(q) <= len(text); i++ {
		if fold(text[i]) != first || !matchAt(text[i:], q, fold) {
			continue
		}
		out = append(out, [2]int{i, i + len(q)})
		i += len(q) - 1
	}
	return out
}

func matchAt(text, q []rune, fold func(rune) rune) bool {
	for j, r := range q {
		if fold(text[j]) != fold(r) {
			return false
		}
	}
	return true
}
