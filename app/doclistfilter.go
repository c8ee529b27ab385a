package app

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// allStatuses is the status filter's option that lets every document
// through.
const allStatuses = "All"

// newFilters makes the filter box and the status filter.
func (d *docList) newFilters() {
	d.filter = widget.NewEntry()
	d.filter.SetPlaceHolder("Filter by title or text")
	d.filter.OnChanged = func(string) {
		q := d.query()
		if q != d.hitsFor {
			d.hits, d.hitsFor = nil, ""
		}
		d.apply()
		if d.onQuery != nil {
			d.onQuery(q)
		}
	}
	opts := []string{allStatuses}
	for _, s := range statusNames {
		opts = append(opts, s.name)
	}
	d.byState = widget.NewSelect(opts, func(name string) {
		d.state = ""
		for _, s := range statusNames {
			if s.name == name {
				d.state = s.status
			}
		}
		d.apply()
	})
	d.byState.SetSelected(allStatuses)
}

// query is the filter box's text as documents are matched against it.
func (d *docList) query() string {
	return strings.ToLower(strings.TrimSpace(d.filter.Text))
}

// passes reports whether info passes the status filter and the query q:
// its title holds q, or the last search found q in its text.
func (d *docList) passes(info annotate.DocumentInfo, q string) bool {
	if d.state != "" && info.Status != d.state {
		return false
	}
	return q == "" || strings.Contains(strings.ToLower(info.Title), q) || d.hits[info.ID]
}

// setHits shows, besides the titles that match, the documents whose text
// a search found to hold q. A search for a query the box no longer holds
// changes nothing.
func (d *docList) setHits(q string, hits map[string]bool) {
	if q != d.query() {
		return
	}
	d.hits, d.hitsFor = hits, q
	d.apply()
}
