package app

import (
	"fmt"

	"spanmark/annotate"
)

// pendingBadge is how the document list shows a document's pending
// suggestions after its annotation count: "12 +3" is 12 annotations and 3
// suggestions; none adds nothing.
func pendingBadge(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" +%d", n)
}

// setPending shows every document's pending suggestions, by id.
func (d *docList) setPending(counts map[string]int) {
	d.pending = counts
	d.list.Refresh()
}

// setPendingOne shows document id's pending suggestions, redrawing its
// row only if the count changed.
func (d *docList) setPendingOne(id string, n int) {
	if d.pending[id] == n {
		return
	}
	if d.pending == nil {
		d.pending = make(map[string]int)
	}
	d.pending[id] = n
	d.edit(id, func(*annotate.DocumentInfo) {})
}
