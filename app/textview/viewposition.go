package textview

import "fyne.io/fyne/v2"

// OffsetAt returns the boundary between characters nearest to pos (in
// the view's coordinates): 0 above the text, the text's length below it,
// a line's start left of it and its end right of it.
func (v *View) OffsetAt(pos fyne.Position) int {
	l := v.layout()
	if l == nil {
		return 0
	}
	p := v.toText(pos)
	return l.offsetAt(p.X, p.Y)
}

// PositionOf returns the middle of the character at offset, in the view's
// coordinates, and whether that character is in view.
func (v *View) PositionOf(offset int) (fyne.Position, bool) {
	l := v.layout()
	if l == nil || offset < 0 || offset >= len(v.runes) {
		return fyne.Position{}, false
	}
	li := l.lineOf(offset)
	x0, x1 := l.x(li, offset), l.x(li, offset+1)
	p := fyne.NewPos(v.metrics.pad+(x0+x1)/2, v.metrics.pad+(float32(li)+0.5)*l.lineHeight-v.scrollY)
	return p, p.Y >= 0 && p.Y <= v.Size().Height
}

// charAt returns the character at pos (in the view's coordinates), or
// false if there is none.
func (v *View) charAt(pos fyne.Position) (int, bool) {
	l := v.layout()
	if l == nil {
		return 0, false
	}
	p := v.toText(pos)
	return l.charAt(p.X, p.Y)
}

// toText converts a position in the view to the layout's coordinates.
func (v *View) toText(pos fyne.Position) fyne.Position {
	return fyne.NewPos(pos.X-v.metrics.pad, pos.Y-v.metrics.pad+v.scrollY)
}
