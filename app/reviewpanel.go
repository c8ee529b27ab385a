package app

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// reviewPanel shows the agreement figures while reviewing, for the open
// document and for the whole project, with the documents only theirs has.
type reviewPanel struct {
	r           *review
	docHead     *widget.Label
	doc         *widget.Label
	projectHead *widget.Label
	project     *widget.Label
	only        *widget.Label
	team        *widget.Label // the agreement among several files; hidden unless a team
	updating    bool          // the figures are being computed again
	box         fyne.CanvasObject
}

func newReviewPanel(r *review) *reviewPanel {
	p := &reviewPanel{
		r:           r,
		docHead:     widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		doc:         monospace(),
		projectHead: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		project:     monospace(),
		only:        widget.NewLabel(""),
		team:        monospace(),
	}
	p.team.Hide()
	p.projectHead.Wrapping = fyne.TextWrapWord
	p.only.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(fmt.Sprintf("Reviewing %s · %s", r.theirs.Name, filepath.Base(r.path)),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon("Close review", theme.CancelIcon(), r.ws.closeReview)
	p.box = container.NewVScroll(container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(closeBtn), title),
		widget.NewSeparator(),
		p.docHead,
		p.doc,
		widget.NewSeparator(),
		p.projectHead,
		p.project,
		p.only,
		p.team,
	))
	return p
}

func monospace() *widget.Label {
	return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
}

func (p *reviewPanel) object() fyne.CanvasObject { return p.box }

// setDocument shows the open document's figures.
func (p *reviewPanel) setDocument() {
	p.showHeads()
	switch {
	case p.r.their == nil:
		setLabel(p.doc, "Not in the file under review.")
	case p.r.figuresOf != p.r.docID:
		setLabel(p.doc, "")
	default:
		setLabel(p.doc, figuresText(p.r.figures))
	}
}

// setProject shows the project's figures.
func (p *reviewPanel) setProject() {
	rep := p.r.project
	setLabel(p.project, figuresText(rep.Figures))
	p.showHeads()
	only := ""
	if len(p.r.onlyTheirs) > 0 {
		only = fmt.Sprintf("Only in theirs, so not reviewed here:\n%s", strings.Join(first(p.r.onlyTheirs, 10), "\n"))
	}
	setLabel(p.only, only)
}

// setUpdating says whether the figures are being computed again, so
// that a person knows they may lag behind the last edit.
func (p *reviewPanel) setUpdating(on bool) {
	if p.updating != on {
		p.updating = on
		p.showHeads()
	}
}

// showHeads writes the headings of the document's and the project's
// figures.
func (p *reviewPanel) showHeads() {
	rep := p.r.project
	doc := "This document"
	project := fmt.Sprintf("Project · %d paired · %d only mine · %d only theirs", rep.Matched, rep.OnlyA, rep.OnlyB)
	if p.updating {
		doc += " · updating…"
		project += " · updating…"
	}
	setLabel(p.docHead, doc)
	setLabel(p.projectHead, project)
}

// figuresText lays agreement figures out for a monospace label: per label
// (by name) and overall, how many annotations mine and theirs have and
// the exact and overlap F1; the relations with their F1; then Cohen's
// kappa per kind; then each attribute's agreement and kappa.
func figuresText(f agree.Figures) string {
	names := slices.Sorted(maps.Keys(f.Labels))
	width := utf8.RuneCountInString("relations")
	for _, n := range names {
		width = max(width, utf8.RuneCountInString(n))
	}
	var b strings.Builder
	row := func(name, mine, theirs, exact, overlap string) {
		line := fmt.Sprintf("%s %4s %6s %5s %7s", padRight(name, width), mine, theirs, exact, overlap)
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	row("", "mine", "theirs", "exact", "overlap")
	for _, n := range names {
		l := f.Labels[n]
		row(n, fmt.Sprint(l.A), fmt.Sprint(l.B), figure(l.Exact.F1()), figure(l.Overlap.F1()))
	}
	o := f.Overall
	row("overall", fmt.Sprint(o.A), fmt.Sprint(o.B), figure(o.Exact.F1()), figure(o.Overlap.F1()))
	rel := f.Relations
	row("relations", fmt.Sprint(rel.A), fmt.Sprint(rel.B), figure(rel.F1()), "")
	b.WriteString("\n" + padRight("kappa", width))
	for _, k := range annotate.Kinds {
		fmt.Fprintf(&b, " %6s", k)
	}
	b.WriteString("\n" + padRight("", width))
	for _, k := range annotate.Kinds {
		fmt.Fprintf(&b, " %6s", figure(f.Kappa[k]))
	}
	writeAttrFigures(&b, f.Attributes)
	return b.String()
}

// figure writes an agreement figure with two decimals.
func figure(v float64) string { return fmt.Sprintf("%.2f", v) }

// padRight pads s with spaces to n code points.
func padRight(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
}
