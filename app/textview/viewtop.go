package textview

// ScrollToTop scrolls so that the line of offset is the first in view (or
// as near as the end of the text allows), as TopOffset reads it back: a
// document reopens where it was left. Only the text up to that line and
// the screen below it is laid out at once; the rest follows as usual.
// Before the view has a size it waits for one.
func (v *View) ScrollToTop(offset int) {
	v.pending, v.pendTop = max(0, min(offset, len(v.runes))), true
	if v.layout() != nil {
		v.Refresh()
	}
}

// TopOffset returns the offset of the first character of the line at the
// top of the view. Before the view has a size, it is where ScrollTo or
// ScrollToTop will go once it has one, or 0.
func (v *View) TopOffset() int {
	l := v.layout()
	if l == nil {
		return max(0, v.pending)
	}
	if len(l.lines) == 0 {
		return 0
	}
	return int(l.lines[l.lineAt(v.scrollY-v.metrics.pad)].start)
}

// lineTop returns the scroll offset that puts the line of offset at the
// top of the view. The first line keeps the padding above it.
func (v *View) lineTop(l *layout, offset int) float32 {
	li := l.lineOf(offset)
	if li == 0 {
		return 0
	}
	return v.metrics.pad + float32(li)*l.lineHeight
}
