package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// docList is the left panel: the project's documents with their status and
// annotation count, a filter box and a status filter (see doclistfilter.go).
type docList struct {
	all     []annotate.DocumentInfo
	shown   []int // indexes into all that pass the filter
	filter  *widget.Entry
	byState *widget.Select
	state   annotate.Status // the status shown; "" for all
	// hits are the documents whose text holds the filter's text, as the
	// last search found, for the query hitsFor.
	hits    map[string]bool
	hitsFor string
	// onQuery is told the filter's text when it changes, to search the
	// documents' texts for it.
	onQuery func(q string)
	list    *widget.List
	current string
	onOpen  func(id string) error
	quiet   bool // selecting programmatically: do not call onOpen
	// badges replace documents' annotation counts, by id: while
	// reviewing, each document's agreement.
	badges map[string]string
	// pending are the documents' suggestion counts, shown after their
	// annotation counts (see doclistpending.go).
	pending map[string]int
}

func newDocList(onOpen func(id string) error) *docList {
	d := &docList{onOpen: onOpen}
	d.list = widget.NewList(
		func() int { return len(d.shown) },
		func() fyne.CanvasObject {
			status := widget.NewLabel("●")
			count := widget.NewLabel("0")
			title := widget.NewLabel("title")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, status, count, title)
		},
		d.update,
	)
	d.list.OnSelected = func(i widget.ListItemID) {
		if d.quiet || i >= len(d.shown) {
			return
		}
		info := d.all[d.shown[i]]
		if info.ID == d.current {
			return
		}
		if err := d.onOpen(info.ID); err != nil {
			fyne.LogError("open document", err)
		}
	}
	d.newFilters()
	return d
}

func (d *docList) object() fyne.CanvasObject {
	top := container.NewVBox(d.filter, d.byState)
	return container.NewBorder(top, nil, nil, nil, d.list)
}

func (d *docList) update(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(d.shown) {
		return
	}
	info := d.all[d.shown[i]]
	row := o.(*fyne.Container)
	setLabel(row.Objects[0].(*widget.Label), info.Title)
	setLabel(row.Objects[1].(*widget.Label), statusGlyph(info.Status))
	count, ok := d.badges[info.ID]
	if !ok {
		count = fmt.Sprint(info.Annotations) + pendingBadge(d.pending[info.ID])
	}
	setLabel(row.Objects[2].(*widget.Label), count)
}

// setLabel sets a label's text unless it already says that, sparing the
// measuring a refresh costs.
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// statusGlyph is the list's short sign for a status.
func statusGlyph(s annotate.Status) string {
	switch s {
	case annotate.StatusDone:
		return "✓"
	case annotate.StatusInProgress:
		return "◐"
	}
	return "○"
}

func (d *docList) set(infos []annotate.DocumentInfo) {
	d.all = infos
	d.apply()
}

// apply recomputes which documents the filters let through.
func (d *docList) apply() {
	q := d.query()
	d.shown = d.shown[:0]
	for i, info := range d.all {
		if d.passes(info, q) {
			d.shown = append(d.shown, i)
		}
	}
	d.list.UnselectAll()
	d.list.Refresh()
	d.selectID(d.current)
}

func (d *docList) first() (string, bool) {
	if len(d.all) == 0 {
		return "", false
	}
	return d.all[0].ID, true
}

// neighbour returns the shown document delta places from id.
func (d *docList) neighbour(id string, delta int) (string, bool) {
	for pos, i := range d.shown {
		if d.all[i].ID == id {
			j := pos + delta
			if j < 0 || j >= len(d.shown) {
				return "", false
			}
			return d.all[d.shown[j]].ID, true
		}
	}
	return "", false
}

// selectID marks id as the open document without opening it again.
func (d *docList) selectID(id string) {
	d.current = id
	for pos, i := range d.shown {
		if d.all[i].ID == id {
			d.quiet = true
			d.list.Select(pos)
			d.quiet = false
			return
		}
	}
}

// edit changes the entry of document id and redraws its row.
func (d *docList) edit(id string, f func(*annotate.DocumentInfo)) {
	for pos, i := range d.shown {
		if d.all[i].ID == id {
			f(&d.all[i])
			d.list.RefreshItem(pos)
			return
		}
	}
	for i := range d.all {
		if d.all[i].ID == id {
			f(&d.all[i])
		}
	}
}

func (d *docList) setStatus(id string, s annotate.Status) {
	d.edit(id, func(info *annotate.DocumentInfo) { info.Status = s })
}

func (d *docList) setCounts(id string, anns, rels int) {
	d.edit(id, func(info *annotate.DocumentInfo) {
		info.Annotations, info.Relations = anns, rels
	})
}

// setBadges shows badges in place of the documents' annotation counts;
// nil shows the counts again.
func (d *docList) setBadges(badges map[string]string) {
	d.badges = badges
	d.list.Refresh()
}

// setBadge shows badge in place of document id's annotation count.
func (d *docList) setBadge(id, badge string) {
	if d.badges == nil || d.badges[id] == badge {
		return
	}
	d.badges[id] = badge
	d.edit(id, func(*annotate.DocumentInfo) {})
}

// has reports whether the project has document id.
func (d *docList) has(id string) bool {
	for _, info := range d.all {
		if info.ID == id {
			return true
		}
	}
	return false
}

// empty reports whether the project has no documents.
func (d *docList) empty() bool { return len(d.all) == 0 }
