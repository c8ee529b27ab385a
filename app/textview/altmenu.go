package textview

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// altPoll is how often the view looks whether Alt, having modified a
// press on it, is still down: about a frame, so that the menu the driver
// opens at the release is shut before it is seen or a key reaches it.
const altPoll = 15 * time.Millisecond

// Fyne's desktop driver (v2.7.1, window.go processKeyPressed) opens the
// main menu when Alt is released with no other key pressed or released
// since it went down; mouse events do not count. So an Alt+drag (exact
// characters) ended with the File menu open and the keyboard focus on it,
// and the next label key went to the menu. The driver tells no widget:
// the menu bar has a focus manager of its own, so the view keeps its
// focus and gets no key up. Nor can the pending menu be cancelled from
// outside. So, after Alt modified a press on the view, the view watches
// for Alt to go up and then shuts the menu if the driver opened it.

// watchAlt starts the watch after a press with the modifiers mod.
func (v *View) watchAlt(mod fyne.KeyModifier) {
	if mod&fyne.KeyModifierAlt != 0 {
		v.altWatch.start(v.after, altPoll, v.altTick)
	}
}

// altTick waits while Alt is down and the view has the focus (without
// the focus the window is in the background and may never see Alt go
// up); once Alt is up it shuts the menu the driver opened, if any.
func (v *View) altTick() {
	if !v.focused {
		return
	}
	if altHeld() {
		v.altWatch.start(v.after, altPoll, v.altTick)
		return
	}
	v.shutMainMenu()
}

// shutMainMenu shuts the main menu if it is open. The view has the focus
// of the window's content, so when the canvas names another focused
// object and no overlay (pop-up, dialog) is up, that object is the menu
// bar's: tapping an item of an open menu bar shuts the bar, the one way
// to shut it the driver exposes. Keys then reach the view again.
func (v *View) shutMainMenu() {
	c := fyne.CurrentApp().Driver().CanvasForObject(v)
	if c == nil || c.Overlays().Top() != nil {
		return
	}
	f := c.Focused()
	if f == nil || f == fyne.Focusable(v) {
		return
	}
	if t, ok := f.(fyne.Tappable); ok {
		t.Tapped(&fyne.PointEvent{})
	}
}

// altHeld reports whether the desktop driver knows Alt to be down; other
// drivers (Fyne's test driver) have no keyboard state, and Alt is up.
func altHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierAlt != 0
}
