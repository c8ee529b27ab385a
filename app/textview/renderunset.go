package textview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// unsetDot is the diameter of the dot on an Unset span.
const unsetDot = 7

// drawUnset puts a dot in the span's colour, ringed in the background's,
// over the top right corner of the last character of every Unset span
// that ends on a line in view. Only the spans overlapping the lines in
// view are looked at, and none when no span is Unset.
func (r *renderer) drawUnset(f *frame) {
	x := r.v.spans
	if x.unset == 0 {
		return
	}
	bg := f.color(theme.ColorNameBackground)
	r.idx = x.overlapping(r.idx[:0], f.a, f.b)
	for _, i := range r.idx {
		s := x.recs[i]
		if !s.unset || s.end > f.b {
			continue
		}
		li := f.l.lineOf(s.end - 1)
		at := min(f.l.x(li, s.end), f.l.width)
		pos := fyne.NewPos(f.ox+at-unsetDot/2, r.lineTop(f, li)-unsetDot/2)
		r.rect(x.colors[s.slot], bg, 1, pos, fyne.NewSize(unsetDot, unsetDot))
		r.objects[len(r.objects)-1].(*canvas.Rectangle).CornerRadius = unsetDot / 2
	}
}
