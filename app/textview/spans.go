package textview

import (
	"image/color"
	"slices"
	"sort"
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

// spanIndex finds the spans that overlap a range. The spans are sorted
// by start ascending, then end descending, and every block of spanBlock
// of them knows the largest end in it, so a query skips the blocks that
// end before the range and stops at the first span that starts after it.
// An edit moves the spans after it by one place and recomputes the block
// ends from there: a few passes over memory, no sort and no tree to
// rebuild, so tagging stays cheap with tens of thousands of spans.
type spanIndex struct {
	spans    []Span
	ends     []int         // by span: its End, apart, so that reblock reads 8 bytes a span, not 56
	blockEnd []int         // by block of spanBlock spans: the largest End in it
	level    []int         // by span: its underline stacking level, 0 nearest the text
	fill     []color.Color // by span: the colour of its fill, made once, not per frame
	// byID finds a span by id, for edits and for the active span; made
	// when first needed, as opening a document does not need it. nil
	// also when two spans share an id, and then ids are found by a scan.
	byID   map[string]Span
	shared bool // two spans share an id
}

// spanBlock is how many spans share one entry of blockEnd: a query looks
// at every block end before the range, an edit recomputes those after it.
const spanBlock = 64

// newSpanIndex indexes a copy of spans, dropping empty ones. The app
// replaces all spans when a document is opened: it sorts, makes one pass
// for the block ends and one for the underline levels, and converts each
// distinct colour once.
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
	x.ends = make([]int, len(x.spans))
	for i, s := range x.spans {
		x.ends[i] = s.End
	}
	x.reblock(0)
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

// reblock recomputes the block ends from the block of span from onwards.
func (x *spanIndex) reblock(from int) {
	n := (len(x.spans) + spanBlock - 1) / spanBlock
	x.blockEnd = x.blockEnd[:min(from/spanBlock, len(x.blockEnd), n)]
	for k := len(x.blockEnd); k < n; k++ {
		end := 0
		for _, e := range x.ends[k*spanBlock : min((k+1)*spanBlock, len(x.ends))] {
			end = max(end, e)
		}
		x.blockEnd = append(x.blockEnd, end)
	}
}

// ids returns the map of spans by id, making it the first time.
func (x *spanIndex) ids() map[string]Span {
	if x.byID == nil && !x.shared {
		x.byID = make(map[string]Span, len(x.spans))
		for _, s := range x.spans {
			if _, dup := x.byID[s.ID]; dup {
				x.byID, x.shared = nil, true
				break
			}
			x.byID[s.ID] = s
		}
	}
	return x.byID
}

// update removes the spans with ids in remove or in put, then inserts the
// spans of put: for each a binary search and a move of the spans after
// it, then the block ends from the first place changed, and the underline
// levels only if an underlined span came or went.
func (x *spanIndex) update(put []Span, remove []string) {
	gone := slices.Clone(remove)
	for _, s := range put {
		gone = append(gone, s.ID)
	}
	from, underlines := len(x.spans), false
	for _, id := range gone {
		for {
			i, ok := x.find(id)
			if !ok {
				break
			}
			underlines = underlines || x.spans[i].Style == Underline
			x.spans, x.ends = slices.Delete(x.spans, i, i+1), slices.Delete(x.ends, i, i+1)
			x.fill, x.level = slices.Delete(x.fill, i, i+1), slices.Delete(x.level, i, i+1)
			if x.byID != nil {
				delete(x.byID, id)
			}
			from = min(from, i)
		}
	}
	for _, s := range put {
		if s.Start >= s.End {
			continue
		}
		underlines = underlines || s.Style == Underline
		i, _ := slices.BinarySearchFunc(x.spans, s, CompareSpans)
		x.spans, x.ends = slices.Insert(x.spans, i, s), slices.Insert(x.ends, i, s.End)
		x.fill = slices.Insert(x.fill, i, fillColor(s.Color))
		x.level = slices.Insert(x.level, i, 0)
		if ids := x.ids(); ids != nil {
			if _, dup := ids[s.ID]; dup {
				x.byID, x.shared = nil, true
			} else {
				ids[s.ID] = s
			}
		}
		from = min(from, i)
	}
	x.reblock(from)
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

// find returns the index of the span with the given id: by its range,
// from the map of ids, or by a scan if ids are shared.
func (x *spanIndex) find(id string) (int, bool) {
	if id == "" {
		return 0, false
	}
	if ids := x.ids(); ids != nil {
		s, ok := ids[id]
		if !ok {
			return 0, false
		}
		return slices.BinarySearchFunc(x.spans, s, CompareSpans)
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

// overlapping appends to dst the indexes of the spans that overlap
// [a, b), in index order, and returns the extended slice.
func (x *spanIndex) overlapping(dst []int, a, b int) []int {
	hi := sort.Search(len(x.spans), func(i int) bool { return x.spans[i].Start >= b })
	for k := 0; k*spanBlock < hi; k++ {
		if x.blockEnd[k] <= a {
			continue // the block's spans all end before the range
		}
		for i := k * spanBlock; i < min((k+1)*spanBlock, hi); i++ {
			if x.spans[i].End > a {
				dst = append(dst, i)
			}
		}
	}
	return dst
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
