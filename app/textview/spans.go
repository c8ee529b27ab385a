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
// ID is what OnSpanTap, OnHover and SetActive use to name it; Label is
// the name the view shows at its start when labels are on (SetLabels).
type Span struct {
	ID         string
	Start, End int
	Color      color.Color
	Style      SpanStyle
	Label      string
	// Unset marks a span that still lacks a value the app requires (an
	// attribute its schema marks required): a small dot at its end says
	// so.
	Unset bool
}

// spanIndex finds the spans that overlap a range. The spans are sorted
// by start ascending, then end descending, and every block of spanBlock
// of them knows the largest end in it, so a query skips the blocks that
// end before the range and stops at the first span that starts after it.
//
// An edit moves the spans after it by one place and recomputes the block
// ends from there, so tagging stays cheap with tens of thousands of spans.
// What moves is small and holds no pointers (spanRec): a span's id and
// colours stay in slots that never move, so the move is a plain copy,
// without the garbage collector's write barriers.
type spanIndex struct {
	recs     []spanRec
	blockEnd []int // by block of spanBlock spans: the largest end in it
	level    []int // by span: its underline stacking level, 0 nearest the text

	// By slot: the id, colour and fill colour (made once, not per frame)
	// of the span in it; free lists the slots of spans that went.
	ids    []string
	labels []string
	colors []color.Color
	fills  []color.Color
	free   []int32

	// byID finds a span by id, for edits and for the active span; made
	// when first needed, as opening a document does not need it. nil
	// also when two spans share an id, and then ids are found by a scan.
	byID   map[string]spanRec
	shared bool // two spans share an id
	unset  int  // how many spans are Unset: with none, no frame looks for them
}

// spanRec is a span in the index: its range, style and slot.
type spanRec struct {
	start, end int
	slot       int32
	unset      bool // in slot's padding: the record stays 32 bytes
	style      SpanStyle
}

// spanBlock is how many spans share one entry of blockEnd: a query looks
// at every block end before the range, an edit recomputes those after it.
const spanBlock = 64

// newSpanIndex indexes a copy of spans, dropping empty ones. The app
// replaces all spans when a document is opened: it sorts, makes one pass
// for the block ends and one for the underline levels, and converts each
// distinct colour once.
func newSpanIndex(spans []Span) *spanIndex {
	x := &spanIndex{recs: make([]spanRec, 0, len(spans)), ids: make([]string, 0, len(spans))}
	x.colors, x.fills = make([]color.Color, 0, len(spans)), make([]color.Color, 0, len(spans))
	x.labels = make([]string, 0, len(spans))
	// A document has as many colours as labels: remember the last one.
	var last, lastFill color.Color
	for _, s := range spans {
		if s.Start >= s.End {
			continue
		}
		if s.Color != last || lastFill == nil {
			last, lastFill = s.Color, fillColor(s.Color)
		}
		x.recs = append(x.recs, spanRec{start: s.Start, end: s.End, slot: int32(len(x.ids)), unset: s.Unset, style: s.Style})
		if s.Unset {
			x.unset++
		}
		x.ids, x.colors, x.fills = append(x.ids, s.ID), append(x.colors, s.Color), append(x.fills, lastFill)
		x.labels = append(x.labels, s.Label)
	}
	// The records are sorted, not the spans: they are small and hold no
	// pointers (the app's spans come in the session's order, not this one).
	if !slices.IsSortedFunc(x.recs, x.compare) {
		slices.SortFunc(x.recs, x.compare)
	}
	x.reblock(0)
	x.level = underlineLevels(x.recs)
	return x
}

// len returns the number of spans.
func (x *spanIndex) len() int { return len(x.recs) }

// span returns span i.
func (x *spanIndex) span(i int) Span {
	r := x.recs[i]
	return Span{ID: x.ids[r.slot], Start: r.start, End: r.end, Color: x.colors[r.slot], Style: r.style, Label: x.labels[r.slot], Unset: r.unset}
}

// compare orders a and b as CompareSpans orders their spans.
func (x *spanIndex) compare(a, b spanRec) int {
	if a.start != b.start {
		return a.start - b.start
	}
	if a.end != b.end {
		return b.end - a.end
	}
	return strings.Compare(x.ids[a.slot], x.ids[b.slot])
}

// reblock recomputes the block ends from the block of span from onwards.
func (x *spanIndex) reblock(from int) {
	n := (len(x.recs) + spanBlock - 1) / spanBlock
	x.blockEnd = x.blockEnd[:min(from/spanBlock, len(x.blockEnd), n)]
	for k := len(x.blockEnd); k < n; k++ {
		end := 0
		for _, r := range x.recs[k*spanBlock : min((k+1)*spanBlock, len(x.recs))] {
			end = max(end, r.end)
		}
		x.blockEnd = append(x.blockEnd, end)
	}
}

// index returns the map of spans by id, making it the first time.
func (x *spanIndex) index() map[string]spanRec {
	if x.byID == nil && !x.shared {
		x.byID = make(map[string]spanRec, len(x.recs))
		for _, r := range x.recs {
			id := x.ids[r.slot]
			if _, dup := x.byID[id]; dup {
				x.byID, x.shared = nil, true
				break
			}
			x.byID[id] = r
		}
	}
	return x.byID
}

// update removes the spans with ids in remove or in put, then inserts the
// spans of put: for each a binary search and a move of the records after
// it, then the block ends from the first place changed, and the underline
// levels only if an underlined span came or went.
func (x *spanIndex) update(put []Span, remove []string) {
	gone := slices.Clone(remove)
	for _, s := range put {
		gone = append(gone, s.ID)
	}
	from, underlines := len(x.recs), false
	for _, id := range gone {
		for {
			i, ok := x.find(id)
			if !ok {
				break
			}
			r := x.recs[i]
			underlines = underlines || r.style == Underline
			if r.unset {
				x.unset--
			}
			x.recs, x.level = slices.Delete(x.recs, i, i+1), slices.Delete(x.level, i, i+1)
			x.ids[r.slot], x.colors[r.slot], x.fills[r.slot], x.labels[r.slot] = "", nil, nil, ""
			x.free = append(x.free, r.slot)
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
		r := spanRec{start: s.Start, end: s.End, slot: x.slot(s), unset: s.Unset, style: s.Style}
		if s.Unset {
			x.unset++
		}
		i, _ := slices.BinarySearchFunc(x.recs, r, x.compare)
		x.recs, x.level = slices.Insert(x.recs, i, r), slices.Insert(x.level, i, 0)
		if byID := x.index(); byID != nil {
			if _, dup := byID[s.ID]; dup {
				x.byID, x.shared = nil, true
			} else {
				byID[s.ID] = r
			}
		}
		from = min(from, i)
	}
	x.reblock(from)
	if underlines {
		x.level = underlineLevels(x.recs)
	}
}

// slot puts s's id and colours into a free slot and returns it.
func (x *spanIndex) slot(s Span) int32 {
	if n := len(x.free); n > 0 {
		k := x.free[n-1]
		x.free = x.free[:n-1]
		x.ids[k], x.colors[k], x.fills[k], x.labels[k] = s.ID, s.Color, fillColor(s.Color), s.Label
		return k
	}
	x.ids, x.colors, x.fills = append(x.ids, s.ID), append(x.colors, s.Color), append(x.fills, fillColor(s.Color))
	x.labels = append(x.labels, s.Label)
	return int32(len(x.ids) - 1)
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
	if byID := x.index(); byID != nil {
		r, ok := byID[id]
		if !ok {
			return 0, false
		}
		return slices.BinarySearchFunc(x.recs, r, x.compare)
	}
	for i, r := range x.recs {
		if x.ids[r.slot] == id {
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
	hi := sort.Search(len(x.recs), func(i int) bool { return x.recs[i].start >= b })
	for k := 0; k*spanBlock < hi; k++ {
		if x.blockEnd[k] <= a {
			continue // the block's spans all end before the range
		}
		for i := k * spanBlock; i < min((k+1)*spanBlock, hi); i++ {
			if x.recs[i].end > a {
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
		ids = append(ids, x.ids[x.recs[i].slot])
	}
	return ids
}

// underlineLevels gives every Underline span (sorted by start) the lowest
// stacking level that no earlier Underline span overlapping it holds, so
// that a claim inside a claim gets its own line. Other spans get 0.
func underlineLevels(recs []spanRec) []int {
	levels := make([]int, len(recs))
	var ends []int // by level: the end of the last span placed there
	for i, r := range recs {
		if r.style != Underline {
			continue
		}
		lv := slices.IndexFunc(ends, func(end int) bool { return end <= r.start })
		if lv < 0 {
			lv = len(ends)
			ends = append(ends, 0)
		}
		ends[lv] = r.end
		levels[i] = lv
	}
	return levels
}
