package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// annPanel is the right panel: the document's annotations grouped by kind,
// with each claim's sources listed under it.
type annPanel struct {
	rows     []panelRow
	list     *widget.List
	onSelect func(id string)
	quiet    bool
}

// panelRow is a heading, an annotation, or a source linked to the claim
// above it.
type panelRow struct {
	heading string
	ann     annotate.Annotation
	text    string
	color   color.Color
	linked  bool // a source listed under its claim
}

func newAnnPanel(onSelect func(id string)) *annPanel {
	p := &annPanel{onSelect: onSelect}
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			label := widget.NewLabel("")
			label.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewCenter(swatch(color.Transparent)), nil, label)
		},
		p.update,
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if p.quiet || i >= len(p.rows) || p.rows[i].heading != "" {
			return
		}
		p.onSelect(p.rows[i].ann.ID)
	}
	return p
}

func (p *annPanel) object() fyne.CanvasObject { return p.list }

func (p *annPanel) update(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.rows) {
		return
	}
	row := p.rows[i]
	box := o.(*fyne.Container)
	label := box.Objects[0].(*widget.Label)
	sw := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	if row.heading != "" {
		label.TextStyle = fyne.TextStyle{Bold: true}
		label.SetText(row.heading)
		sw.FillColor = color.Transparent
		sw.Refresh()
		return
	}
	label.TextStyle = fyne.TextStyle{}
	label.SetText(row.text)
	sw.FillColor = row.color
	sw.Refresh()
}

// set rebuilds the rows from the session.
func (p *annPanel) set(s *annotate.Session, schema annotate.Schema) {
	p.rows = p.rows[:0]
	if s != nil {
		p.rows = panelRows(s, schema)
	}
	p.list.Refresh()
}

// panelRows lists annotations by kind, entities first, then claims (each
// followed by its sources), then sources.
func panelRows(s *annotate.Session, schema annotate.Schema) []panelRow {
	byKind := make(map[annotate.Kind][]annotate.Annotation)
	for _, a := range s.Annotations() {
		k := schema.KindOf(a.Label)
		byKind[k] = append(byKind[k], a)
	}
	colors := make(map[string]color.Color)
	for _, l := range schema.Labels {
		colors[l.Name] = parseColor(l.Color)
	}
	row := func(a annotate.Annotation, linked bool) panelRow {
		text := fmt.Sprintf("%s  %s", a.Label, ellipsis(s.Text(a.Start, a.End), 60))
		if linked {
			text = "    → " + ellipsis(s.Text(a.Start, a.End), 50)
		}
		if a.Note != "" && !linked {
			text += "  ✎ " + ellipsis(a.Note, 30)
		}
		return panelRow{ann: a, text: text, color: colors[a.Label], linked: linked}
	}
	var rows []panelRow
	for _, k := range annotate.Kinds {
		anns := byKind[k]
		if len(anns) == 0 {
			continue
		}
		rows = append(rows, panelRow{heading: fmt.Sprintf("%s (%d)", kindHeading(k), len(anns))})
		for _, a := range anns {
			rows = append(rows, row(a, false))
			for _, r := range s.RelationsOf(a.ID) {
				if r.From != a.ID {
					continue
				}
				if to, ok := s.Annotation(r.To); ok {
					rows = append(rows, row(to, true))
				}
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
		if r.heading == "" && !r.linked && r.ann.ID == id {
			p.list.Select(i)
			return
		}
	}
	p.list.UnselectAll()
}
