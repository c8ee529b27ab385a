package suggest

import (
	"slices"

	"spanmark/annotate"
)

// labelCover is one label's annotations of a document, by start, with the
// greatest end among each prefix: an annotation [s, e) contains [a, b)
// exactly when some annotation starting at or before a ends at or after
// b.
type labelCover struct {
	starts []int
	ends   []int
	maxEnd []int
}

// cover answers whether an annotation of a label contains a span.
type cover map[string]*labelCover

// newCover indexes anns, which may be in any order.
func newCover(anns []annotate.Annotation) cover {
	byLabel := make(map[string][][2]int)
	for _, a := range anns {
		byLabel[a.Label] = append(byLabel[a.Label], [2]int{a.Start, a.End})
	}
	c := make(cover)
	for label, spans := range byLabel {
		slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
		lc := &labelCover{}
		for _, s := range spans {
			lc.starts = append(lc.starts, s[0])
			lc.ends = append(lc.ends, s[1])
		}
		lc.maxEnd = make([]int, len(spans))
		lc.fix(0)
		c[label] = lc
	}
	return c
}

// fix recomputes the prefix maxima from index i on.
func (lc *labelCover) fix(i int) {
	most := 0
	if i > 0 {
		most = lc.maxEnd[i-1]
	}
	for ; i < len(lc.starts); i++ {
		most = max(most, lc.ends[i])
		lc.maxEnd[i] = most
	}
}

// add counts an annotation of label over [start, end): only the prefix
// maxima after it are recomputed, so a tag costs a copy of ints, not a
// walk over every annotation.
func (c cover) add(label string, start, end int) {
	lc := c[label]
	if lc == nil {
		lc = &labelCover{}
		c[label] = lc
	}
	i, _ := slices.BinarySearch(lc.starts, start)
	lc.starts = slices.Insert(lc.starts, i, start)
	lc.ends = slices.Insert(lc.ends, i, end)
	lc.maxEnd = slices.Insert(lc.maxEnd, i, 0)
	lc.fix(i)
}

// remove takes away one annotation of label over [start, end).
func (c cover) remove(label string, start, end int) {
	lc := c[label]
	if lc == nil {
		return
	}
	i, _ := slices.BinarySearch(lc.starts, start)
	for ; i < len(lc.starts) && lc.starts[i] == start; i++ {
		if lc.ends[i] == end {
			lc.starts = slices.Delete(lc.starts, i, i+1)
			lc.ends = slices.Delete(lc.ends, i, i+1)
			lc.maxEnd = slices.Delete(lc.maxEnd, i, i+1)
			lc.fix(i)
			return
		}
	}
}

// covers reports whether an annotation with label contains [start, end).
func (c cover) covers(label string, start, end int) bool {
	lc := c[label]
	if lc == nil {
		return false
	}
	// The last annotation starting at or before start.
	i, _ := slices.BinarySearch(lc.starts, start+1)
	i--
	return i >= 0 && lc.maxEnd[i] >= end
}
