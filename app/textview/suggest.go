package textview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

var _ fyne.Tabbable = (*View)(nil)

// Suggestions are spans the app proposes and a person has not taken yet.
// They are kept apart from the spans (their own index, their own ids) and
// drawn apart: a dashed outline in their colour, with no fill, so that a
// suggestion never passes for an annotation. Only the ones on the lines
// in view are drawn, like every other span.

const (
	dashLen       = 4   // of a suggestion outline's dashes
	dashGap       = 3   // between them
	suggestWidth  = 1.5 // stroke of a suggestion's dashes
	suggestInset  = 1   // out from the text, clear of an Outline span's box
	suggestActive = 2   // stroke of the selected suggestion's outline
)

// SetSuggestions replaces the suggestions: spans drawn with a dashed
// outline in their Color (their Style is ignored), whose ids name them to
// OnSuggestionTap and SetActiveSuggestion. Empty ones are not drawn. The
// active suggestion stays if its id is still among them.
func (v *View) SetSuggestions(spans []Span) {
	v.sugg = newSpanIndex(spans)
	v.resolveSuggestion()
	v.Refresh()
}

// Suggestions returns how many suggestions the view holds.
func (v *View) Suggestions() int { return v.sugg.len() }

// SetActiveSuggestion outlines the suggestion with the given id, the one
// the app has selected; "" outlines none.
func (v *View) SetActiveSuggestion(id string) {
	v.activeSugg = id
	v.resolveSuggestion()
	v.Refresh()
}

// resolveSuggestion finds the suggestion activeSugg names.
func (v *View) resolveSuggestion() {
	v.activeSuggSpan = v.activeSuggSpan[:0]
	if i, ok := v.sugg.find(v.activeSugg); ok {
		v.activeSuggSpan = append(v.activeSuggSpan, v.sugg.span(i))
	}
}

// AcceptsTab keeps Tab in the view, away from the window's focus cycle,
// while it holds suggestions: then Tab and Shift+Tab step through them
// (OnKey sees them). Without suggestions Tab moves the focus as usual.
func (v *View) AcceptsTab() bool { return v.sugg.len() > 0 }

// ShiftHeld reports whether a Shift key is down, for an OnKey that gives
// Shift+Tab or Shift+Enter a meaning of its own (the driver sends those
// as plain keys).
func (v *View) ShiftHeld() bool { return v.shiftHeld() }

// tapSuggestion passes a click on character c to OnSuggestionTap when a
// suggestion there is the innermost thing under the pointer: one
// shorter than every span at c. A second click on the selected
// suggestion goes on to the spans around it. It reports whether it took
// the click.
func (v *View) tapSuggestion(c int) bool {
	if v.OnSuggestionTap == nil {
		return false
	}
	best, blen := -1, 0
	for _, i := range v.sugg.overlapping(nil, c, c+1) {
		r := v.sugg.recs[i]
		if best < 0 || r.end-r.start < blen {
			best, blen = i, r.end-r.start
		}
	}
	if best < 0 {
		return false
	}
	id := v.sugg.ids[v.sugg.recs[best].slot]
	for _, i := range v.spans.overlapping(nil, c, c+1) {
		r := v.spans.recs[i]
		if r.end-r.start <= blen || id == v.activeSugg {
			return false
		}
	}
	v.OnSuggestionTap(id, c)
	return true
}

// drawSuggestions draws the dashed outlines of the suggestions on the
// lines in view.
func (r *renderer) drawSuggestions(f *frame) {
	x := r.v.sugg
	m := &r.v.metrics
	r.idx = x.overlapping(r.idx[:0], f.a, f.b)
	for _, i := range r.idx {
		s := x.recs[i]
		c := x.colors[s.slot]
		for _, bx := range r.rangeBoxes(f, s.start, s.end) {
			x0, y0 := f.ox+bx.x0-suggestInset, r.lineTop(f, bx.li)-suggestInset
			w, h := bx.x1-bx.x0+2*suggestInset, m.textHeight+2*suggestInset
			r.dashes(c, x0, y0, w, true)
			r.dashes(c, x0, y0+h-suggestWidth, w, true)
			r.dashes(c, x0, y0, h, false)
			r.dashes(c, x0+w-suggestWidth, y0, h, false)
		}
	}
}

// dashes draws a dashed line of length n from (x, y), across or down.
func (r *renderer) dashes(c color.Color, x, y, n float32, across bool) {
	for d := float32(0); d < n; d += dashLen + dashGap {
		l := min(dashLen, n-d)
		if across {
			r.rect(c, nil, 0, fyne.NewPos(x+d, y), fyne.NewSize(l, suggestWidth))
		} else {
			r.rect(c, nil, 0, fyne.NewPos(x, y+d), fyne.NewSize(suggestWidth, l))
		}
	}
}

// drawActiveSuggestion outlines the selected suggestion as the active
// span is outlined.
func (r *renderer) drawActiveSuggestion(f *frame) {
	for _, s := range r.v.activeSuggSpan {
		if s.End > f.a && s.Start < f.b {
			r.outlineRange(f, s.Start, s.End, f.color(theme.ColorNamePrimary), suggestActive, activeGap)
		}
	}
}
