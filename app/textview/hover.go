package textview

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// tooltipDelay is how long the pointer rests on a character before its
// tooltip shows.
const tooltipDelay = 500 * time.Millisecond

// hover is what the view knows of the pointer over it.
type hover struct {
	pos   fyne.Position // where the pointer is
	char  int           // the character under it; -1 none
	ids   []string      // the spans under it, as last told to OnHover
	tip   string        // the tooltip showing; "" none
	tipAt fyne.Position // where the pointer rested when it showed
	timer timer         // shows the tooltip
	bar   bool          // the pointer is over the scroll bar
}

// reset forgets the pointer and hides the tooltip.
func (h *hover) reset() {
	h.timer.stop()
	h.char, h.ids, h.tip, h.bar = -1, nil, "", false
}

// MouseIn is called when the pointer enters the view.
func (v *View) MouseIn(ev *desktop.MouseEvent) {
	v.MouseMoved(ev)
}

// MouseMoved is called when the pointer moves over the view: it tells
// OnHover when the spans under the pointer change, and shows the tooltip
// of the character under it once it rests there.
func (v *View) MouseMoved(ev *desktop.MouseEvent) {
	h := &v.hover
	h.pos = ev.Position
	bar := v.inScrollBar(ev.Position)
	c, ok := v.charAt(ev.Position)
	if bar || !ok {
		c = -1
	}
	redraw := bar != h.bar
	h.bar = bar
	if c != h.char {
		h.char = c
		v.hoverSpans()
		redraw = v.pointTip() || redraw
	}
	if redraw {
		v.Refresh()
	}
}

// MouseOut is called when the pointer leaves the view.
func (v *View) MouseOut() {
	h := &v.hover
	redraw := h.tip != "" || h.bar
	hadSpans := h.ids != nil
	h.reset()
	if hadSpans && v.OnHover != nil {
		v.OnHover(nil, -1)
	}
	if redraw {
		v.Refresh()
	}
}

// Cursor returns the text cursor, or the default one over the scroll bar.
func (v *View) Cursor() desktop.Cursor {
	if v.hover.bar {
		return desktop.DefaultCursor
	}
	return desktop.TextCursor
}

// hoverSpans calls OnHover if the spans under the pointer changed.
func (v *View) hoverSpans() {
	h := &v.hover
	var ids []string
	if h.char >= 0 {
		ids = v.spans.idsAt(h.char)
	}
	if slices.Equal(ids, h.ids) {
		return
	}
	h.ids = ids
	if v.OnHover == nil {
		return
	}
	if ids == nil {
		v.OnHover(nil, -1)
		return
	}
	v.OnHover(ids, h.char)
}

// pointTip updates the tooltip for the character now under the pointer:
// a tooltip showing the same text stays, any other is hidden and the
// pointer's character gets a timer. It reports whether a tooltip was
// hidden.
func (v *View) pointTip() bool {
	h := &v.hover
	if h.tip != "" && h.char >= 0 && v.Tooltip != nil && v.Tooltip(h.char) == h.tip {
		return false
	}
	hidden := h.tip != ""
	h.tip = ""
	h.timer.stop()
	if h.char >= 0 && v.Tooltip != nil {
		h.timer.start(v.after, tooltipDelay, v.showTip)
	}
	return hidden
}

func (v *View) showTip() {
	h := &v.hover
	if h.char < 0 || v.Tooltip == nil {
		return
	}
	h.tip, h.tipAt = v.Tooltip(h.char), h.pos
	if h.tip != "" {
		v.Refresh()
	}
}

// hideTip hides the tooltip and forgets the character under the pointer,
// which a press or a scroll makes stale.
func (v *View) hideTip() {
	h := &v.hover
	h.timer.stop()
	h.char = -1
	if h.tip != "" {
		h.tip = ""
		v.Refresh()
	}
}
