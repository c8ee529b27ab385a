package textview

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"spanmark/annotate"
)

// autoscrollTick is how often a drag held past the top or bottom edge
// scrolls the view.
const autoscrollTick = 40 * time.Millisecond

// press is what MouseDown saw, kept for the gesture it starts: the drag,
// tap or double tap that follows.
type press struct {
	mouse    bool    // MouseDown saw the press (test.Drag sends none)
	from     int     // where a drag selects from: the boundary pressed, or the anchor when extending
	exact    bool    // Alt was held: select characters, not whole words
	extended bool    // Shift was held: the press extended the selection
	bar      bool    // the press was on the scroll bar
	grab     float32 // where on the thumb the press was, from its top
}

// MouseDown is called when a mouse button is pressed over the view. The
// press position is recorded here because the desktop driver sends the
// first Dragged only once the pointer has moved past a threshold.
// Shift+click extends the selection to the point pressed.
func (v *View) MouseDown(ev *desktop.MouseEvent) {
	v.requestFocus()
	v.hideTip()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	v.press = press{mouse: true, exact: ev.Modifier&fyne.KeyModifierAlt != 0}
	v.watchAlt(ev.Modifier)
	v.buttonDown, v.dragged = true, false
	if v.inScrollBar(ev.Position) {
		v.pressScrollBar(ev.Position.Y)
		return
	}
	at := v.OffsetAt(ev.Position)
	v.press.from = at
	if ev.Modifier&fyne.KeyModifierShift != 0 || v.shift {
		v.press.extended = true
		v.press.from = v.anchor
		v.userSelect(dragSelection(v.words(), v.anchor, at, v.press.exact))
	}
}

// MouseUp is called when a mouse button is released over the view, or
// after a drag that started on it.
func (v *View) MouseUp(ev *desktop.MouseEvent) {
	if ev.Button == desktop.MouseButtonPrimary {
		v.buttonDown = false
	}
}

// Dragged is called as the pointer moves with the button down: the
// selection follows it, in whole words unless Alt was held at the press.
// Without a MouseDown first (as with test.Drag) the drag starts at
// ev.Position - ev.Dragged.
func (v *View) Dragged(ev *fyne.DragEvent) {
	if v.press.bar {
		v.dragScrollBar(ev.Position.Y)
		return
	}
	if !v.dragging {
		v.dragging = true
		if !v.press.mouse {
			v.press = press{from: v.OffsetAt(ev.Position.Subtract(ev.Dragged))}
		}
	}
	v.dragPos = ev.Position
	v.dragTo()
	if !v.autoscroll.pending() && v.edgeDistance() != 0 {
		v.autoscroll.start(v.after, autoscrollTick, v.autoscrollStep)
	}
}

// DragEnd is called when a drag ends; it tells OnSelect the selection.
func (v *View) DragEnd() {
	if v.press.bar {
		v.press = press{}
		v.Refresh()
		return
	}
	if !v.dragging {
		return
	}
	v.dragged = v.press.mouse
	v.endDrag()
	v.userSelect(v.anchor, v.caret)
}

// endDrag forgets the gesture in progress.
func (v *View) endDrag() {
	v.dragging = false
	v.press = press{}
	v.autoscroll.stop()
}

// dragTo selects from the press to the drag position.
func (v *View) dragTo() {
	v.anchor, v.caret = dragSelection(v.words(), v.press.from, v.OffsetAt(v.dragPos), v.press.exact)
	v.Refresh()
}

// edgeDistance returns how far the drag pointer is into the band along
// the top (negative) or bottom (positive) edge where a drag scrolls, or 0.
func (v *View) edgeDistance() float32 {
	band := v.metrics.lineHeight / 2
	y, h := v.dragPos.Y, v.Size().Height
	switch {
	case y < band:
		return y - band
	case y > h-band:
		return y - (h - band)
	}
	return 0
}

// autoscrollStep scrolls a drag held at an edge, at most three lines a
// tick, and moves the selection with it.
func (v *View) autoscrollStep() {
	d := v.edgeDistance()
	if !v.dragging || d == 0 {
		return
	}
	limit := 3 * v.metrics.lineHeight
	v.scrollTo(v.scrollY + max(-limit, min(d, limit)))
	v.dragTo()
	v.autoscroll.start(v.after, autoscrollTick, v.autoscrollStep)
}

// Tapped is called on a click: on spans it calls OnSpanTap with all of
// them, on plain text it clears the selection and puts the caret there.
//
// The desktop driver holds a click back for the double-click delay and
// then delivers it even if the button has been pressed again since, and
// maybe dragged: such a late tap, arriving while the button is down, a
// drag goes on or after a drag, is ignored, so that it neither clears
// the selection being dragged nor ends the gesture in progress.
func (v *View) Tapped(ev *fyne.PointEvent) {
	if v.buttonDown || v.dragging || v.dragged {
		v.dragged = false
		return
	}
	p := v.press
	v.press = press{}
	v.requestFocus()
	if p.bar || p.extended {
		v.Refresh()
		return
	}
	c, ok := v.charAt(ev.Position)
	if ok && v.tapSuggestion(c) {
		return
	}
	if ok && v.OnSpanTap != nil {
		if ids := v.spans.idsAt(c); ids != nil {
			v.OnSpanTap(ids, c)
			return
		}
	}
	o := v.OffsetAt(ev.Position)
	v.userSelect(o, o)
}

// DoubleTapped is called on a double click: it selects the word clicked.
func (v *View) DoubleTapped(ev *fyne.PointEvent) {
	v.press = press{}
	v.requestFocus()
	c, ok := v.charAt(ev.Position)
	if !ok {
		return
	}
	if t, ok := annotate.WordAt(v.words(), c); ok {
		v.userSelect(t.Start, t.End)
	}
}

// Scrolled is called on the mouse wheel or touchpad scroll.
func (v *View) Scrolled(ev *fyne.ScrollEvent) {
	v.scrollBy(-ev.Scrolled.DY)
}

// scrollBy scrolls down by dy (up if negative).
func (v *View) scrollBy(dy float32) {
	if v.layout() == nil {
		return
	}
	v.hideTip()
	v.scrollTo(v.scrollY + dy)
	if v.dragging {
		v.dragTo()
	}
	v.Refresh()
}

// inScrollBar reports whether pos is over the scroll bar's strip along
// the right edge, when there is a scroll bar.
func (v *View) inScrollBar(pos fyne.Position) bool {
	if v.layout() == nil || v.maxScroll() <= 0 {
		return false
	}
	zone := max(v.metrics.pad, v.Theme().Size(theme.SizeNameScrollBarSmall)+4)
	return pos.X >= v.Size().Width-zone
}

// pressScrollBar starts a drag of the thumb; a press off the thumb first
// moves the thumb's middle there.
func (v *View) pressScrollBar(y float32) {
	v.press.bar = true
	contentH := v.lay.height() + 2*v.metrics.pad
	ty, th := thumb(v.Size().Height, contentH, v.scrollY)
	v.press.grab = y - ty
	if y < ty || y > ty+th {
		v.press.grab = th / 2
	}
	v.dragScrollBar(y)
}

func (v *View) dragScrollBar(y float32) {
	contentH := v.lay.height() + 2*v.metrics.pad
	v.scrollTo(scrollForThumb(v.Size().Height, contentH, y-v.press.grab))
	v.Refresh()
}

// FocusGained is called when the view gets the keyboard focus.
func (v *View) FocusGained() {
	v.focused = true
	v.Refresh()
}

// FocusLost is called when the view loses the keyboard focus.
func (v *View) FocusLost() {
	v.shift, v.focused = false, false
	v.Refresh()
}

// requestFocus takes the keyboard focus, so that hotkeys reach OnRune.
func (v *View) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Focused() != v {
		c.Focus(v)
	}
}

// KeyDown is called when a key is pressed; the view notes Shift.
func (v *View) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = true
	}
}

// KeyUp is called when a key is released.
func (v *View) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = false
	}
}

// TypedRune passes typed runes to OnRune.
func (v *View) TypedRune(r rune) {
	if v.OnRune != nil {
		v.OnRune(r)
	}
}

// TypedKey handles a typed key: Shift+arrows, Home and End extend the
// selection or resize the active span (see navigate), Esc clears the
// selection (and goes on to OnKey); other keys go to OnKey and, if it
// does not handle them, arrows, Home and End move the caret and Page
// Up/Down scroll. Keys with Ctrl or Alt come as shortcuts (TypedShortcut).
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	if v.shiftHeld() && v.navigate(ev.Name, fyne.KeyModifierShift) {
		return
	}
	if ev.Name == fyne.KeyEscape && v.anchor != v.caret {
		v.clearSelection()
	}
	if v.OnKey != nil && v.OnKey(ev) {
		return
	}
	if !v.navigate(ev.Name, 0) {
		v.scrollKey(ev.Name)
	}
}

// shiftHeld reports whether Shift is down, as KeyDown saw or, with the
// desktop driver, as the driver knows.
func (v *View) shiftHeld() bool {
	if v.shift {
		return true
	}
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// scrollKey scrolls a page for Page Up and Page Down.
func (v *View) scrollKey(name fyne.KeyName) {
	page := v.Size().Height - v.metrics.lineHeight
	switch name {
	case fyne.KeyPageUp:
		v.scrollBy(-page)
	case fyne.KeyPageDown:
		v.scrollBy(page)
	}
}

// TypedShortcut handles Copy (the selected text), Select All, the
// arrows, Home and End with Ctrl or Alt (see navigate) and Alt+letter
// (OnAltRune), and passes every
// other shortcut on to the window's canvas: a focused
// Shortcutable widget receives shortcuts instead of the canvas, and the
// app's Ctrl+ shortcuts must keep working while the view has the focus.
func (v *View) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		if a, b := v.Selection(); a < b {
			fyne.CurrentApp().Clipboard().SetContent(string(v.runes[a:b]))
		}
		return
	case *fyne.ShortcutSelectAll:
		v.userSelect(0, len(v.runes))
		return
	case *desktop.CustomShortcut:
		if v.navigate(s.KeyName, s.Modifier) || v.altRune(s) {
			return
		}
	}
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// altRune passes Alt+a…z to OnAltRune and reports whether it used it.
// The driver sends no rune for a key with Alt, only this shortcut; and
// as the letter goes down between Alt's press and release, the driver
// does not open the main menu at the release (see altmenu.go).
func (v *View) altRune(s *desktop.CustomShortcut) bool {
	if v.OnAltRune == nil || s.Modifier != fyne.KeyModifierAlt || len(s.KeyName) != 1 {
		return false
	}
	c := s.KeyName[0]
	if c < 'A' || c > 'Z' {
		return false
	}
	return v.OnAltRune(rune(c - 'A' + 'a'))
}
