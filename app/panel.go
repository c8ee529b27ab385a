package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// annPanel is the right panel: the document's annotations grouped by kind,
// with each claim's sources listed under it. Rows hold only ids; their
// text is made when a row scrolls into view, so a document with tens of
// thousands of annotations costs little per edit.
type annPanel struct {
	sess     *annotate.Session
	colors   map[string]color.Color
	rows     []panelRow
	list     *widget.List
	hint     *widget.Label // what to do, shown over the list of a document without annotations
	obj      fyne.CanvasObject
	onSelect func(id string)
	onUnlink func(relation string)
	quiet    bool
	selected int // the row the list shows selected, -1 none
}

// panelRow is a heading, an annotation, or a source linked to the claim
// above it.
type panelRow struct {
	heading string
	id      string
	linked  bool   // a source listed under its claim
	rel     string // the relation that links it, for its remove button
}

// newAnnPanel returns the panel; onSelect is called with the annotation
// of a row chosen, onUnlink with the relation whose remove button was
// pressed.
func newAnnPanel(onSelect func(id string), onUnlink func(relation string)) *annPanel {
	p := &annPanel{onSelect: onSelect, onUnlink: onUnlink, selected: -1}
	p.hint = widget.NewLabel(panelHint)
	p.hint.Alignment = fyne.TextAlignCenter
	p.hint.Wrapping = fyne.TextWrapWord
	p.hint.Hide()
	defer func() { p.obj = container.NewStack(p.list, container.NewVBox(p.hint)) }()
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			remove.Importance = widget.LowImportance
			return newTapRow(container.NewBorder(nil, nil, container.NewCenter(swatch(color.Transparent)), remove, newRowLabel()))
		},
		p.update,
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		p.selected = i
		if p.quiet || i >= len(p.rows) || p.rows[i].heading != "" {
			return
		}
		p.onSelect(p.rows[i].id)
	}
	return p
}

// panelHint is what the panel says while the document has no annotations.
const panelHint = "Select text and press a label key"

func (p *annPanel) object() fyne.CanvasObject { return p.obj }

// tap selects the annotation of row i, even if it is already selected:
// the workspace then gives the keys back to the article view.
func (p *annPanel) tap(i int) {
	if i < len(p.rows) && p.rows[i].heading == "" {
		p.onSelect(p.rows[i].id)
	}
}

// tapRow is a panel row that takes its own taps. The list's would focus
// the list, so that Delete and the label keys went to it rather than to
// the annotation the row selects; and a second tap on the selected row
// would do nothing.
type tapRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
	menu    func() *fyne.Menu // its context menu, nil for none
}

var (
	_ fyne.Tappable          = (*tapRow)(nil)
	_ fyne.SecondaryTappable = (*tapRow)(nil)
)

func newTapRow(content fyne.CanvasObject) *tapRow {
	r := &tapRow{content: content}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped selects the row's annotation.
func (r *tapRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// CreateRenderer draws the row's content.
func (r *tapRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

func (p *annPanel) update(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.rows) {
		return
	}
	row := p.rows[i]
	tr := o.(*tapRow)
	tr.onTap = func() { p.tap(i) }
	tr.menu = p.linkMenu(row)
	box := tr.content.(*fyne.Container)
	label := box.Objects[0].(*rowLabel)
	sw := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	setRemove(box.Objects[2].(*widget.Button), row.rel, p.onUnlink)
	a, ok := p.sess.Annotation(row.id)
	if row.heading != "" || !ok {
		setRow(label, sw, row.heading, true, color.Transparent)
		return
	}
	setRow(label, sw, rowText(p.sess, a, row.linked), false, p.colors[a.Label])
}

// setRow fills a list row, touching only what changed.
func setRow(label *rowLabel, sw *canvas.Rectangle, text string, bold bool, c color.Color) {
	label.set(text, bold)
	if sw.FillColor != c {
		sw.FillColor = c
		sw.Refresh()
	}
}

// setRemove shows a row's remove button if the row is a link, and makes
// it remove that link.
func setRemove(b *widget.Button, rel string, unlink func(string)) {
	if rel == "" {
		b.Hide()
		b.OnTapped = nil
		return
	}
	b.OnTapped = func() { unlink(rel) }
	b.Show()
}

// rowText is what the panel says of an annotation: its label with its
// attribute values, its text and its note.
func rowText(s *annotate.Session, a annotate.Annotation, linked bool) string {
	if linked {
		return "    → " + ellipsis(s.Text(a.Start, a.End), 50)
	}
	text := fmt.Sprintf("%s  %s", labelWithValues(a, s.Schema()), ellipsis(s.Text(a.Start, a.End), 60))
	if a.Note != "" {
		text += "  ✎ " + ellipsis(a.Note, 30)
	}
	return text
}

// set rebuilds the rows from the session.
func (p *annPanel) set(s *annotate.Session, schema annotate.Schema) {
	p.sess = s
	p.rows = p.rows[:0]
	if s != nil {
		p.colors = make(map[string]color.Color, len(schema.Labels))
		for _, l := range schema.Labels {
			p.colors[l.Name] = parseColor(l.Color)
		}
		p.rows = panelRows(s, schema)
	}
	if s != nil && s.Len() == 0 {
		p.hint.Show()
	} else {
		p.hint.Hide()
	}
	// Rows moved: a selection by row number would now mark another
	// annotation. (Selecting again would scroll the list.)
	if p.selected >= 0 {
		p.quiet = true
		p.list.UnselectAll()
		p.quiet = false
		p.selected = -1
	}
	p.list.Refresh()
}

// panelRows lists annotations by kind, entities first, then claims (each
// followed by its sources), then sources.
func panelRows(s *annotate.Session, schema annotate.Schema) []panelRow {
	kinds := make(map[string]annotate.Kind, len(schema.Labels))
	for _, l := range schema.Labels {
		kinds[l.Name] = l.Kind
	}
	byKind := make(map[annotate.Kind][]string)
	for _, a := range s.Annotations() {
		k := kinds[a.Label]
		byKind[k] = append(byKind[k], a.ID)
	}
	outgoing := make(map[string][]annotate.Relation)
	for _, r := range s.Relations() {
		outgoing[r.From] = append(outgoing[r.From], r)
	}
	rows := make([]panelRow, 0, len(s.Annotations())+len(outgoing)+len(annotate.Kinds))
	for _, k := range annotate.Kinds {
		ids := byKind[k]
		if len(ids) == 0 {
			continue
		}
		rows = append(rows, panelRow{heading: fmt.Sprintf("%s (%d)", kindHeading(k), len(ids))})
		for _, id := range ids {
			rows = append(rows, panelRow{id: id})
			for _, r := range outgoing[id] {
				rows = append(rows, panelRow{id: r.To, linked: true, rel: r.ID})
			}
		}
	}
	return rows
}

func kindHeading(k annotate.Kind) string {
	switch k {
	case annotate.KindEntity:
		return "Entities"
	case annotate.KindClaim:
		return "Claims"
	case annotate.KindSource:
		return "Sources"
	}
	return "Other"
}

// setActive highlights the row of annotation id.
func (p *annPanel) setActive(id string) {
	p.quiet = true
	defer func() { p.quiet = false }()
	for i, r := range p.rows {
		if r.heading == "" && !r.linked && r.id == id {
			p.list.Select(i)
			return
		}
	}
	p.list.UnselectAll()
	p.selected = -1
}
