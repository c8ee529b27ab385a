package textview

// ScrollTo scrolls so that offset is in view: it does nothing if the line
// of offset is already in view, else it brings that line to about a third
// of the height. Before the view has a size it waits for one.
func (v *View) ScrollTo(offset int) {
	v.pending, v.pendTop = offset, false
	if v.layout() != nil {
		v.Refresh()
	}
}

// reveal scrolls l's line of offset into view, as ScrollTo describes.
func (v *View) reveal(l *layout, offset int) {
	y := float32(l.lineOf(offset)) * l.lineHeight
	top := y + v.metrics.pad - v.scrollY
	if top >= 0 && top+l.lineHeight <= v.Size().Height {
		return
	}
	v.scrollTo(y - v.Size().Height/3)
}

// layout returns the layout for the view's current width, making it if
// the width, the text or the metrics changed; nil while the view has no
// room for text.
func (v *View) layout() *layout {
	v.syncMetrics()
	width := v.Size().Width - 2*v.metrics.pad
	if width <= 0 {
		return nil
	}
	if old := v.lay; old == nil || old.width != width || old.m != v.meas || old.lineHeight != v.metrics.lineHeight {
		v.lay = startLayout(v.text, v.runes, width, v.metrics.lineHeight, v.meas)
		if old != nil && v.scrollY > 0 {
			// Keep the line at the top in view across a resize or a zoom.
			top := old.lines[old.lineAt(v.scrollY-v.metrics.pad)].start
			v.scrollY = v.metrics.pad + float32(v.lay.lineOf(int(top)))*v.lay.lineHeight
		}
		v.scrollTo(v.scrollY)
	}
	if v.pending >= 0 {
		if v.pendTop {
			v.scrollTo(v.lineTop(v.lay, v.pending))
		} else {
			v.reveal(v.lay, v.pending)
		}
		v.pending, v.pendTop = -1, false
	}
	if !v.lay.done() && v.resting != v.lay {
		v.resting = v.lay
		if v.barMayChange() {
			v.lay.extendFor(v.firstTime)
		}
		if !v.lay.done() {
			v.layoutRest(v.lay, restDelay)
		}
	}
	return v.lay
}

// barMayChange reports whether the scroll bar's thumb could be drawn
// otherwise once the text is all laid out: whether the estimated height
// is short enough that the thumb is longer than its least length. A text
// of many pages has the shortest thumb whatever its exact height.
func (v *View) barMayChange() bool {
	h := v.Size().Height
	return v.lay.height() < 2*h*h/minThumb
}

// maxScroll returns how far the view can scroll down.
func (v *View) maxScroll() float32 {
	if v.lay == nil {
		return 0
	}
	return max(0, v.lay.height()+2*v.metrics.pad-v.Size().Height)
}

// scrollTo sets the scroll offset, clamped to the text, and lays the text
// out as far as the view then shows.
func (v *View) scrollTo(y float32) {
	if v.lay != nil {
		v.lay.toLine(int((y + v.Size().Height) / v.lay.lineHeight))
	}
	v.scrollY = max(0, min(y, v.maxScroll()))
}
