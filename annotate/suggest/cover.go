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
	maxEnd []int
}

// cover answers whether an annotation of a label contains a span.
type cover map[string]*labelCover

// newCover indexes anns, which may be in any order.
func newCover(anns []annotate.Annotation) cover {
	c := make(cover)
	byLabel := make(map[string][][2]int)
	for _, a := range anns {
		byLabel[a.Label] = append(byLabel[a.Label], [2]int{a.Start, a.End})
	}
	for label, spans := range byLabel {
		c[label] = newLabelCover(spans)
	}
	return c
}

// rebuild indexes again the annotations of anns that have label.
func (c cover) rebuild(anns []annotate.Annotation, label string) {
	var spans [][2]int
	for _, a := range anns {
		if a.Label == label {
			spans = append(spans, [2]int{a.Start, a.End})
		}
	}
	if len(spans) == 0 {
		delete(c, label)
		return
	}
	c[label] = newLabelCover(spans)
}

func newLabelCover(spans [][2]int) *labelCover {
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	lc := &labelCover{starts: make([]int, len(spans)), maxEnd: make([]int, len(spans))}
	most := 0
	for i, s := range spans {
		most = max(most, s[1])
		lc.starts[i], lc.maxEnd[i] = s[0], most
	}
	return lc
}

// covers reports whether an annotation with label contains [start, end).
func (c cover) covers(label string, start, end int) bool {
	lc := c[label]
	if lc == nil {
		return false
	}
	i, found := slices.BinarySearch(lc.starts, start)
	if found {
		for i+1 < len(lc.starts) && lc.starts[i+1] == start {
			i++
		}
	} else {
		i--
	}
	return i >= 0 && lc.maxEnd[i] >= end
}
