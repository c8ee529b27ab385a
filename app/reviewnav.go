package app

import (
	"slices"
	"strings"

	"spanmark/annotate/agree"
)

// Moving through a document's disagreements (settling them is in
// reviewsettle.go).

// activeID is the span the article view outlines: the selected
// annotation of mine, else their annotation of the current item.
func (r *review) activeID() string {
	if r.ws.active != "" {
		return r.ws.active
	}
	if it, ok := r.item(); ok && it.B != nil {
		return theirsPrefix + it.B.ID
	}
	return ""
}

// item returns the current item.
func (r *review) item() (agree.DiffItem, bool) {
	if r.cur < 0 || r.cur >= len(r.items()) {
		return agree.DiffItem{}, false
	}
	return r.items()[r.cur], true
}

// open reports whether item i still waits for a decision.
func (r *review) open(i int) bool {
	it := r.items()[i]
	return isDisagreement(it) && !r.isKept(it)
}

// disagreements counts the document's disagreements and those kept.
func (r *review) disagreements() (n, kept int) {
	for _, it := range r.items() {
		if isDisagreement(it) {
			n++
			if r.isKept(it) {
				kept++
			}
		}
	}
	return n, kept
}

// key handles a review key typed in the article view, and reports
// whether it was one.
func (r *review) key(c rune) bool {
	switch c {
	case keyNextDiff:
		r.step(1)
	case keyPrevDiff:
		r.step(-1)
	case keyAccept:
		r.accept()
	case keyKeep:
		r.keep()
	case keyDeleteMine:
		r.deleteMine()
	default:
		return false
	}
	return true
}

// step makes the next (+1) or previous (-1) disagreement current, kept
// ones included, wrapping around the document.
func (r *review) step(delta int) {
	if i := r.following(delta, func(i int) bool { return isDisagreement(r.items()[i]) }); i >= 0 {
		r.choose(i)
		return
	}
	r.choose(-1)
	r.ws.status.setHint(r.bar.summary())
}

// following returns the index of the first item after (+1) or before
// (-1) the current one, wrapping around, that want accepts; -1 if none.
// The current item comes last.
func (r *review) following(delta int, want func(i int) bool) int {
	n := len(r.items())
	from := r.cur
	if from < 0 && delta < 0 {
		from = n
	}
	for k := 1; k <= n; k++ {
		if i := ((from+delta*k)%n + n) % n; want(i) {
			return i
		}
	}
	return -1
}

// seek makes current the first open disagreement at or after the
// extent from, wrapping around; none if there is none.
func (r *review) seek(from [2]int) {
	first := -1
	for i, it := range r.items() {
		if !r.open(i) {
			continue
		}
		if first < 0 {
			first = i
		}
		if e := extent(it); e[0] > from[0] || e[0] == from[0] && e[1] >= from[1] {
			r.cur = i
			return
		}
	}
	r.cur = first
}

// choose makes item i current (-1: none), selects my annotation of it and
// scrolls the article to it.
func (r *review) choose(i int) {
	r.cur = i
	ws := r.ws
	it, ok := r.item()
	switch {
	case !ok:
		ws.setActive("")
	case it.A != nil:
		ws.setActive(it.A.ID)
	default:
		ws.setActive("")
	}
	ws.view.SetActive(r.activeID())
	if ok {
		e := extent(it)
		ws.view.ScrollTo(e[0])
		ws.status.setSelection(e[0], e[1])
	}
	ws.status.setHint("")
	r.bar.show()
}

// tap makes the item of a clicked span current, the innermost first,
// cycling outwards through the items under the pointer on repeated
// clicks. It reports whether a span of the review was clicked.
func (r *review) tap(ids []string) bool {
	var hits []int
	for i, it := range r.items() {
		if it.A != nil && slices.Contains(ids, it.A.ID) || it.B != nil && slices.Contains(ids, theirsPrefix+it.B.ID) {
			hits = append(hits, i)
		}
	}
	if len(hits) == 0 {
		return false
	}
	hits = innermostFirst(hits, func(i int) (int, int) {
		e := extent(r.items()[i])
		return e[0], e[1]
	})
	next := hits[0]
	if k := slices.Index(hits, r.cur); k >= 0 {
		next = hits[(k+1)%len(hits)]
	}
	r.choose(next)
	return true
}

// tooltip describes every item at offset. It reports false when the
// document is not in theirs, which leaves the tooltip to annotating.
func (r *review) tooltip(offset int) (string, bool) {
	if r.their == nil {
		return "", false
	}
	var lines []string
	for _, it := range r.items() {
		if e := extent(it); e[0] <= offset && offset < e[1] {
			lines = append(lines, r.describeItem(it))
		}
	}
	return strings.Join(lines, "\n"), true
}
