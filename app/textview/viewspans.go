package textview

import "slices"

// SetSpans replaces all spans. Empty spans are not drawn; spans are
// clipped to the text.
func (v *View) SetSpans(spans []Span) {
	v.spans = newSpanIndex(spans)
	v.resolve()
	v.Refresh()
}

// UpdateSpans changes some spans and keeps the rest: spans whose ids are
// in remove, or are the ids of spans in put, go; the spans in put come in.
// It costs a binary search and a copy per span, not a sort of them all,
// so an edit in a document with tens of thousands of spans stays cheap.
func (v *View) UpdateSpans(put []Span, remove []string) {
	v.spans.update(put, remove)
	v.resolve()
	v.Refresh()
}

// resolve finds the spans that active, related and the links name.
func (v *View) resolve() {
	v.activeSpan = v.activeSpan[:0]
	if i, ok := v.spans.find(v.active); ok {
		v.activeSpan = append(v.activeSpan, v.spans.span(i))
	}
	v.relatedSpans = v.relatedSpans[:0]
	for _, id := range v.related {
		if i, ok := v.spans.find(id); ok {
			v.relatedSpans = append(v.relatedSpans, v.spans.span(i))
		}
	}
	v.resolveLinks()
}

// SetActive outlines the span with the given id, the one the app has
// selected; "" outlines none.
func (v *View) SetActive(id string) {
	v.active = id
	v.resolve()
	v.Refresh()
}

// SetRelated outlines the spans with the given ids in their own colours,
// to show what the annotation under the pointer is linked to; nil clears.
func (v *View) SetRelated(ids []string) {
	if slices.Equal(ids, v.related) {
		return
	}
	v.related = slices.Clone(ids)
	v.resolve()
	v.Refresh()
}

// SetMarks highlights the ranges [r[0], r[1]), for example the matches of
// a search.
func (v *View) SetMarks(ranges [][2]int) {
	marks := make([]Span, len(ranges))
	for i, r := range ranges {
		marks[i] = Span{Start: r[0], End: r[1]}
	}
	v.marks = newSpanIndex(marks)
	v.Refresh()
}
