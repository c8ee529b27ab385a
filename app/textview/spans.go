package textview

import (
	"image/color"
	"slices"
	"strings"
)

// SpanStyle is how a span is drawn.
type SpanStyle int

// The span styles.
const (
	// Fill draws a translucent background in the span's colour; the fills
	// of overlapping spans blend.
	Fill SpanStyle = iota
	// Underline draws a thick line in the span's colour under the text;
	// the underlines of overlapping spans stack downwards.
	Underline
	// Outline draws a box in the span's colour around the text.
	Outline
)

// Span is a coloured range of the text: the code points [Start, End).
// ID is what OnSpanTap, OnHover and SetActive use to name it.
type Span struct {
	ID         string
	Start, End int
	Color      color.Color
	Style      SpanStyle
}

// spanIndex finds the spans that overlap a range in O(log n + k). The
// spans are sorted by start ascending, then end descending, and read as
// an implicit balanced binary tree (the node of [lo, hi) is the middle
// index) in which every node knows the largest end in its subtree.
type spanIndex struct {
	spans  []Span
	maxEnd []int         // by node: the largest End in the node's subtree
	level  []int         // by span: its underline stacking level, 0 nearest the text
	fill   []color.Color // by span: the colour of its fill, made once, not per frame
}

// newSpanIndex indexes a copy of spans, dropping empty ones. The app
// replaces all spans after every edit, so this is on the path of every
// keystroke that tags: it sorts, makes one pass for the tree and one for
// the underline levels, and converts each distinct colour once.
func newSpanIndex(spans []Span) *spanIndex {
	x := &spanIndex{spans: make([]Span, 0, len(spans))}
	for _, s := range spans {
		if s.Start < s.End {
			x.spans = append(x.spans, s)
		}
	}
	if !slices.IsSortedFunc(x.spans, CompareSpans) {
		slices.SortFunc(x.spans, CompareSpans)
	}
	x.maxEnd = make([]int, len(x.spans))
	x.build(0, len(x.spans))
	x.level = underlineLevels(x.spans)
	x.fill = make([]color.Color, len(x.spans))
	// A document has as many colours as labels: remember the last one.
	var last, lastFill color.Color
	for i, s := range x.spans {
		if s.Color != last || lastFill == nil {
			last, lastFill = s.Color, fillColor(s.Color)
		}
		x.fill[i] = lastFill
	}
	return x
}

// update removes the spans with ids in remove or in put, then inserts the
// spans of put, and rebuilds the tree and the underline levels: linear
// passes over integers, with no sorting.
func (x *spanIndex) update(put []Span, remove []string) {
	// An edit names a handful of ids: comparing each span's id with a
	// short list costs less than hashing it.
	gone := slices.Clone(remove)
	for _, s := range put {
		gone = append(gone, s.ID)
	}
	underlines := false // whether an underlined span comes or goes
	keep := 0
	for i := range x.spans {
		if slices.Contains(gone, x.spans[i].ID) {
			underlines = underlines || x.spans[i].Style == Underline
			continue
		}
		if keep != i {
			x.spans[keep], x.fill[keep], x.level[keep] = x.spans[i], x.fill[i], x.level[i]
		}
		keep++
	}
	x.spans, x.fill, x.level = x.spans[:keep], x.fill[:keep], x.level[:keep]
	for _, s := range put {
		if s.Start >= s.End {
			continue
		}
		underlines = underlines || s.Style == Underline
		i, _ := slices.BinarySearchFunc(x.spans, s, CompareSpans)
		x.spans = slices.Insert(x.spans, i, s)
		x.fill = slices.Insert(x.fill, i, fillColor(s.Color))
		x.level = slices.Insert(x.level, i, 0)
	}
	x.maxEnd = slices.Grow(x.maxEnd[:0], len(x.spans))[:len(x.spans)]
	x.build(0, len(x.spans))
	if underlines {
		x.level = underlineLevels(x.spans)
	}
}

// CompareSpans orders spans as the view indexes them: by start, then end
// descending (outer before inner), then id. A caller that passes SetSpans
// spans in this order spares it a sort.
func CompareSpans(a, b Span) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	if a.End != b.End {
		return b.End - a.End
	}
	return strings.Compare(a.ID, b.ID)
}

// find returns the index of the span with the given id. It scans: the
// view looks ids up only when the active or related spans change, not
// per frame.
func (x *spanIndex) find(id string) (int, bool) {
	if id == "" {
		return 0, false
	}
	for i := range x.spans {
		if x.spans[i].ID == id {
			return i, true
		}
	}
	return 0, false
}

// fillAlpha is the opacity of a Fill span drawn in an opaque colour.
const fillAlpha = 0x59

// fillColor returns c made translucent if it is opaque, so that text
// and overlapping fills show through.
func fillColor(c color.Color) color.Color {
	if c == nil {
		return color.Transparent
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if n.A == 0xff {
		n.A = fillAlpha
	}
	return n
}

func (x *spanIndex) build(lo, hi int) int {
	if lo >= hi {
		return -1
	}
	mid := (lo + hi) / 2
	m := max(x.spans[mid].End, x.build(lo, mid), x.build(mid+1, hi))
	x.maxEnd[mid] = m
	return m
}

// overlapping appends to dst the indexes of the spans that overlap
// [a, b), in index order, and returns the extended slice.
func (x *spanIndex) overlapping(dst []int, a, b int) []int {
	return x.query(dst, 0, len(x.spans), a, b)
}

func (x *spanIndex) query(dst []int, lo, hi, a, b int) []int {
	if lo >= hi {
		return dst
	}
	mid := (lo + hi) / 2
	if x.maxEnd[mid] <= a {
		return dst // everything below ends before the range
	}
	dst = x.query(dst, lo, mid, a, b)
	s := x.spans[mid]
	if s.Start >= b {
		return dst // this and everything right of it start after the range
	}
	if s.End > a {
		dst = append(dst, mid)
	}
	return x.query(dst, mid+1, hi, a, b)
}

// idsAt returns the ids of the spans that cover code point c, ordered by
// start ascending, then end descending; nil if none do.
func (x *spanIndex) idsAt(c int) []string {
	var ids []string
	for _, i := range x.overlapping(nil, c, c+1) {
		ids = append(ids, x.spans[i].ID)
	}
	return ids
}

// underlineLevels gives every Underline span (sorted by start) the lowest
// stacking level that no earlier Underline span overlapping it holds, so
// that a claim inside a claim gets its own line. Other spans get 0.
func underlineLevels(spans []Span) []int {
	levels := make([]int, len(spans))
	var ends []int // by level: the end of the last span placed there
	for i, s := range spans {
		if s.Style != Underline {
			continue
		}
		lv := slices.IndexFunc(ends, func(end int) bool { return end <= s.Start })
		if lv < 0 {
			lv = len(ends)
			ends = append(ends, 0)
		}
		ends[lv] = s.End
		levels[i] = lv
	}
	return levels
}
