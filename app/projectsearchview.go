package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/search"
)

// searchView is the project search window: the query and its options
// and filters above, the concordance below (document, left context,
// match, right context, labels), and "Tag all results" with a label.
type searchView struct {
	ps                           *projectSearch
	win                          fyne.Window
	query                        *findEntry
	regex, caseSens, word, unann *widget.Check
	label, kind, status, sortBy  *widget.Select
	attr, note, annotator        *widget.Entry
	count                        *widget.Label
	table                        *widget.Table
	tagLabel                     *widget.Select
	tagAllBtn, undo              *widget.Button
	visible                      bool
	rerun                        *coalescer
}

// searchColumns are the concordance's columns and their widths.
var searchColumns = []struct {
	name  string
	width float32
}{{"Document", 150}, {"Left", 260}, {"Match", 140}, {"Right", 260}, {"Labels", 110}}

// showProjectSearch opens the project search window, or brings it
// forward, with the query field focused.
func (ws *workspace) showProjectSearch() {
	if ws.projectSearch == nil {
		ws.projectSearch = &projectSearch{ws: ws}
	}
	ps := ws.projectSearch
	if ps.view == nil {
		ps.view = newSearchView(ps)
	}
	ps.view.visible = true
	ps.view.win.Show()
	ps.view.win.Canvas().Focus(ps.view.query)
}

func newSearchView(ps *projectSearch) *searchView {
	ws := ps.ws
	v := &searchView{ps: ps, win: ws.app.NewWindow("Search project")}
	v.rerun = newCoalescer(listDelay, ws.run.After, v.start)
	changed := func(string) { v.rerun.schedule() }
	checked := func(bool) { v.rerun.schedule() }
	v.query = newFindEntry(v.hide)
	v.query.SetPlaceHolder("Search every document")
	v.query.OnChanged = changed
	v.query.OnSubmitted = func(string) { v.rerun.flush() }
	v.regex = widget.NewCheck("Regex", checked)
	v.caseSens = widget.NewCheck("Match case", checked)
	v.word = widget.NewCheck("Whole words", checked)
	v.unann = widget.NewCheck("Unannotated only", checked)
	labels := []string{""}
	for _, l := range ws.schema.Labels {
		labels = append(labels, l.Name)
	}
	v.label = widget.NewSelect(labels, changed)
	v.label.PlaceHolder = "any label"
	v.kind = widget.NewSelect([]string{"", string(annotate.KindEntity), string(annotate.KindClaim), string(annotate.KindSource)}, changed)
	v.kind.PlaceHolder = "any kind"
	v.status = widget.NewSelect([]string{"", string(annotate.StatusTodo), string(annotate.StatusInProgress), string(annotate.StatusDone)}, changed)
	v.status.PlaceHolder = "any status"
	v.attr, v.note, v.annotator = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	v.attr.SetPlaceHolder("attribute=value")
	v.note.SetPlaceHolder("note contains")
	v.annotator.SetPlaceHolder("annotator")
	for _, e := range []*widget.Entry{v.attr, v.note, v.annotator} {
		e.OnChanged = changed
	}
	v.sortBy = widget.NewSelect([]string{"Sort by document", "Sort by right context"}, func(s string) {
		ps.byRight = s == "Sort by right context"
		ps.sort()
		v.update()
	})
	v.sortBy.Selected = "Sort by document"
	v.count = widget.NewLabel("")
	v.table = v.newTable()
	v.tagLabel = widget.NewSelect(labels[1:], nil)
	v.tagLabel.PlaceHolder = "Label"
	v.undo = widget.NewButton("Undo tag all", v.undoTagAll)
	v.undo.Disable()
	v.layout()
	v.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			v.hide()
		}
	})
	v.win.SetCloseIntercept(v.hide)
	v.win.Resize(fyne.NewSize(960, 560))
	return v
}

// layout places the widgets in the window.
func (v *searchView) layout() {
	options := container.NewHBox(v.regex, v.caseSens, v.word, v.unann, v.sortBy)
	filters := container.NewGridWithColumns(6, v.label, v.kind, v.status, v.attr, v.note, v.annotator)
	v.tagAllBtn = widget.NewButton("Tag all results", v.tagAll)
	tag := container.NewHBox(v.count, widget.NewLabel("   "), v.tagLabel, v.tagAllBtn, v.undo)
	top := container.NewVBox(v.query, options, filters)
	v.win.SetContent(container.NewBorder(top, tag, nil, nil, v.table))
}

func (v *searchView) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(v.ps.results), len(searchColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			// A cell never draws over its neighbour: the text is cut to
			// the column, with an ellipsis.
			l.Truncation = fyne.TextTruncateEllipsis
			l.Alignment = fyne.TextAlignLeading
			if id.Col == 1 {
				l.Alignment = fyne.TextAlignTrailing
			}
			l.TextStyle.Bold = id.Col == 2
			l.SetText(cellText(v.ps.results[id.Row], id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(searchColumns[id.Col].name)
		}
	}
	for i, c := range searchColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.ps.results) {
			r := v.ps.results[id.Row]
			v.ps.ws.jumpTo(r.DocumentID, "", r.Start, r.End)
		}
	}
	return t
}

// cellText is what column col of a concordance row shows, on one line.
func cellText(r search.Result, col int) string {
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	switch col {
	case 0:
		return ellipsis(r.DocumentTitle, 24)
	case 1:
		// The left context is cut at its start, so that the words next
		// to the match stay in view.
		return lastRunes(oneLine(r.Left), leftContextRunes)
	case 2:
		return oneLine(r.Match)
	case 3:
		return oneLine(r.Right)
	}
	return strings.Join(r.Labels, ", ")
}

// leftContextRunes is how much of the left context fits its column.
const leftContextRunes = 32

// lastRunes returns the last n code points of s, after an ellipsis when
// some are cut.
func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n:])
}

// queryOf reads the query from the window's fields.
func (v *searchView) queryOf() search.Query {
	q := search.Query{Text: v.query.Text, Regex: v.regex.Checked, CaseSensitive: v.caseSens.Checked,
		WholeWord: v.word.Checked, Unannotated: v.unann.Checked,
		Attribute: strings.TrimSpace(v.attr.Text), Note: v.note.Text, Annotator: strings.TrimSpace(v.annotator.Text)}
	if v.label.Selected != "" {
		q.Labels = []string{v.label.Selected}
	}
	if v.kind.Selected != "" {
		q.Kinds = []annotate.Kind{annotate.Kind(v.kind.Selected)}
	}
	if v.status.Selected != "" {
		q.Status = []annotate.Status{annotate.Status(v.status.Selected)}
	}
	return q
}

// start runs the query in the fields; a query the search refuses says
// why in the count line instead of a dialog, since it is still being
// typed.
func (v *searchView) start() {
	err := v.ps.run(v.queryOf())
	v.update()
	if err != nil {
		v.count.SetText(strings.TrimPrefix(err.Error(), "search: "))
	}
}

// update shows the results found so far.
func (v *searchView) update() {
	if v == nil {
		return
	}
	state := ""
	if v.ps.running {
		state = " (searching…)"
	}
	v.count.SetText(fmt.Sprintf("%d results%s", len(v.ps.results), state))
	v.table.Refresh()
	if b := v.ps.last; b != nil && len(b.added) > 0 {
		v.undo.SetText("Undo " + b.name())
		v.undo.Enable()
	} else {
		v.undo.SetText("Undo tag all")
		v.undo.Disable()
	}
}

// tagAll tags every result with the chosen label.
func (v *searchView) tagAll() {
	ws := v.ps.ws
	if v.tagLabel.Selected == "" || len(v.ps.results) == 0 {
		return
	}
	b, err := ws.tagResults(v.ps.results, v.tagLabel.Selected)
	if b != nil && b.n > 0 {
		v.ps.last = b
	}
	ws.showError(err)
	v.start() // the labels on the results changed
	if b != nil {
		ws.status.setHint(fmt.Sprintf("%s with %s", b.name(), b.label))
	}
}

// undoTagAll undoes the last Tag all results.
func (v *searchView) undoTagAll() {
	b := v.ps.last
	if b == nil {
		return
	}
	if err := v.ps.ws.undoTagResults(b); err != nil {
		v.ps.ws.showError(err)
	}
	v.ps.last = nil
	v.start()
}

// hide closes the window; the search in flight stops.
func (v *searchView) hide() {
	v.ps.gen++
	v.ps.running = false
	v.visible = false
	v.win.Hide()
}
