package textview

import (
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

// SetSuggestions sets where the view finds the suggestions: in appends
// to dst the suggestions that overlap the code points [a, b), ordered by
// start and end (a range's labels together), spans drawn
// with a dashed outline in their Color (their Style and ID are not used:
// a suggestion is its range and Label). nil shows none. The view asks only
// for the lines in view when it draws them, and for the character under
// a click, so a document with a million suggestions costs a frame no
// more than one with ten. Call RefreshSuggestions when they change: until
// then a frame of the same lines (after a caret move, or an edit that
// changed no suggestion there) does not ask again.
func (v *View) SetSuggestions(in func(dst []Span, a, b int) []Span) {
	v.suggIn = in
	v.RefreshSuggestions()
}

// RefreshSuggestions redraws the suggestions after they changed.
func (v *View) RefreshSuggestions() {
	v.suggVersion++
	v.Refresh()
}

// SetActiveSuggestion outlines s, the suggestion the app has selected; an
// empty Span outlines none.
func (v *View) SetActiveSuggestion(s Span) {
	v.activeSugg = s
	v.Refresh()
}

// AcceptsTab keeps Tab in the view, away from the window's focus cycle,
// while it shows suggestions: then OnKey sees Tab and Shift+Tab, to step
// through them (and to move the focus on itself when there are none).
// Without suggestions Tab moves the focus as usual.
func (v *View) AcceptsTab() bool { return v.suggIn != nil }

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
	if v.OnSuggestionTap == nil || v.suggIn == nil {
		return false
	}
	var best Span
	for _, s := range v.suggIn(nil, c, c+1) {
		if best.End == 0 || s.End-s.Start < best.End-best.Start {
			best = s
		}
	}
	if best.End == 0 {
		return false
	}
	again := best.Start == v.activeSugg.Start && best.End == v.activeSugg.End && best.Label == v.activeSugg.Label
	for _, i := range v.spans.overlapping(nil, c, c+1) {
		if r := v.spans.recs[i]; r.end-r.start <= best.End-best.Start || again {
			return false
		}
	}
	v.OnSuggestionTap(best)
	return true
}

// suggQuery is what the suggestions of a frame were asked for: the lines'
// text [a, b) as of the view's suggVersion.
type suggQuery struct{ version, a, b int }

// drawSuggestions draws the dashed outlines of the suggestions on the
// lines in view, one per range (the source gives them ordered by range),
// into the dash layer: one object, however many there are.
func (r *renderer) drawSuggestions(f *frame) {
	if r.v.suggIn == nil {
		return
	}
	m := &r.v.metrics
	if asked := (suggQuery{r.v.suggVersion, f.a, f.b}); asked != r.suggAsked {
		r.sugg = r.v.suggIn(r.sugg[:0], f.a, f.b)
		r.suggAsked = asked
	}
	for i, s := range r.sugg {
		if i > 0 && s.Start == r.sugg[i-1].Start && s.End == r.sugg[i-1].End {
			// Another label for the same words: one box says "look here",
			// in the first one's colour; stepping through shows each.
			continue
		}
		for _, bx := range r.rangeBoxes(f, s.Start, s.End) {
			x0, y0 := f.ox+bx.x0-suggestInset, r.lineTop(f, bx.li)-suggestInset
			r.dash.add(s.Color, x0, y0, bx.x1-bx.x0+2*suggestInset, m.textHeight+2*suggestInset)
		}
	}
	if o := r.dash.object(r.v.Size()); o != nil {
		r.objects = append(r.objects, o)
	}
}

// drawActiveSuggestion outlines the selected suggestion as the active
// span is outlined.
func (r *renderer) drawActiveSuggestion(f *frame) {
	if s := r.v.activeSugg; s.End > s.Start && s.End > f.a && s.Start < f.b {
		r.outlineRange(f, s.Start, s.End, f.color(theme.ColorNamePrimary), suggestActive, activeGap)
	}
}
