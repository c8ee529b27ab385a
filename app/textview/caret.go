package textview

import "fyne.io/fyne/v2"

// The keyboard moves the caret as text editors do: ←/→ a character (out
// of a selection to its side), Ctrl+←/→ a word (to the previous word's
// start, the next word's end), ↑/↓ a line, Home/End the line, Ctrl+Home/
// End the text. With Shift the same keys extend the selection instead,
// always to whole words (selection.go), as the mouse selects. Page Up/
// Down and Ctrl+↑/↓ scroll and leave the caret. With a span active,
// Shift+←/→ resize it instead (resize.go).

// navigate handles a key that moves the caret, extends the selection or
// resizes the active span, typed with the modifiers mod, and reports
// whether it was one.
func (v *View) navigate(name fyne.KeyName, mod fyne.KeyModifier) bool {
	if v.layout() == nil {
		return false
	}
	shift, ctrl := mod&fyne.KeyModifierShift != 0, mod&fyne.KeyModifierControl != 0
	forward := name == fyne.KeyRight || name == fyne.KeyDown || name == fyne.KeyEnd
	horizontal := name == fyne.KeyLeft || name == fyne.KeyRight
	switch {
	case horizontal && shift && v.canResize():
		v.resizeActive(mod&fyne.KeyModifierAlt != 0, forward, ctrl)
		return true
	case mod&(fyne.KeyModifierAlt|fyne.KeyModifierSuper) != 0:
		return false
	case shift:
		return v.extendKey(name, ctrl, forward)
	}
	return v.moveKey(name, ctrl, forward)
}

// extendKey extends the selection for Shift with an arrow, Home or End.
func (v *View) extendKey(name fyne.KeyName, ctrl, forward bool) bool {
	switch name {
	case fyne.KeyLeft, fyne.KeyRight:
		v.extendByWord(forward)
	case fyne.KeyUp, fyne.KeyDown:
		if ctrl {
			return false
		}
		v.extendByLine(forward)
	case fyne.KeyHome, fyne.KeyEnd:
		v.extendTo(v.homeEnd(ctrl, forward))
	default:
		return false
	}
	return true
}

// moveKey moves the caret for an arrow, Home or End, clearing the
// selection; Ctrl+↑/↓ scroll a line instead.
func (v *View) moveKey(name fyne.KeyName, ctrl, forward bool) bool {
	var to int
	switch name {
	case fyne.KeyLeft, fyne.KeyRight:
		to = v.charOrWordStep(ctrl, forward)
	case fyne.KeyUp, fyne.KeyDown:
		if ctrl {
			dy := v.metrics.lineHeight
			if !forward {
				dy = -dy
			}
			v.scrollBy(dy)
			return true
		}
		to = v.lineStep(forward)
	case fyne.KeyHome, fyne.KeyEnd:
		to = v.homeEnd(ctrl, forward)
	default:
		return false
	}
	v.anchor, v.caret = to, to
	v.keepInView(to)
	switch {
	case v.OnCaretKey != nil:
		v.OnCaretKey(to)
	case v.OnSelect != nil:
		v.OnSelect(to, to)
	}
	return true
}

// charOrWordStep returns where ← or → (forward) moves the caret: a
// character, or with ctrl to the previous word's start or the next word's
// end. Without ctrl a selection collapses to its side.
func (v *View) charOrWordStep(ctrl, forward bool) int {
	lo, hi := v.Selection()
	switch {
	case ctrl && forward:
		return nextWordEnd(v.words(), v.caret)
	case ctrl:
		return prevWordStart(v.words(), v.caret)
	case lo < hi && forward:
		return hi
	case lo < hi:
		return lo
	case forward:
		return boundaryAfter(v.runes, v.caret)
	}
	return boundaryAtOrBefore(v.runes, max(v.caret-1, 0))
}

// lineStep returns where ↑ or ↓ (forward) moves the caret: the boundary
// nearest its x on the line above or below, or the start or end of the
// text past the first or last line.
// navigate has made sure v.lay is there.
func (v *View) lineStep(forward bool) int {
	l := v.lay
	li := l.lineOf(v.caret)
	x := l.x(li, v.caret)
	if forward {
		li++
	} else {
		li--
	}
	l.toLine(li)
	switch {
	case li < 0:
		return 0
	case li >= len(l.lines):
		return len(v.runes)
	}
	return l.offsetAt(x, (float32(li)+0.5)*l.lineHeight)
}

// homeEnd returns where Home or End (forward) moves the caret: the start
// or end of its line (without the spaces where the line wraps), or with
// ctrl of the text.
func (v *View) homeEnd(ctrl, forward bool) int {
	switch {
	case ctrl && forward:
		v.lay.toEnd()
		return len(v.runes)
	case ctrl:
		return 0
	}
	ln := v.lay.lines[v.lay.lineOf(v.caret)]
	if !forward {
		return int(ln.start)
	}
	end := int(ln.end)
	for end > int(ln.start) && (v.runes[end-1] == ' ' || v.runes[end-1] == '\t') {
		end--
	}
	return end
}

// keepInView scrolls as little as brings the line of offset into view, so
// that a caret moved a line at a time makes the text move a line at a
// time.
func (v *View) keepInView(offset int) {
	l := v.layout()
	if l == nil {
		return
	}
	// The line's top, in the view, is kept a padding from either edge.
	pad := v.metrics.pad
	y := float32(l.lineOf(offset)) * l.lineHeight
	top := y + pad - v.scrollY
	switch h := v.Size().Height; {
	case top < pad:
		v.scrollTo(y)
	case top+l.lineHeight > h-pad:
		v.scrollTo(y + 2*pad + l.lineHeight - h)
	}
	v.Refresh()
}
