package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// fitWindow shrinks the shown window w to the screen when the size it
// was restored at (in Fyne units, which the scale multiplies: 1200×780 at
// FYNE_SCALE=2 is 2400×1560 pixels) does not fit, and centres it there.
// It must run on the main goroutine after w.Show: only then has Fyne's
// GLFW driver made the window, initialised GLFW and worked out the scale.
func fitWindow(w fyne.Window) {
	screen, ok := primaryWorkArea()
	if !ok {
		return
	}
	scale := w.Canvas().Scale()
	have := w.Canvas().Size()
	fit := fitIn(have, fyne.NewSize(screen.Width/scale, screen.Height/scale))
	if fit != have {
		w.Resize(fit)
		w.CenterOnScreen()
	}
}

// fitIn returns size shrunk, each side on its own, to fit within screen.
func fitIn(size, screen fyne.Size) fyne.Size {
	return fyne.NewSize(min(size.Width, screen.Width), min(size.Height, screen.Height))
}

// primaryWorkArea returns the size in pixels of the primary monitor's
// work area (the screen without the desktop's panels). Fyne has no API
// for the screen, so this asks GLFW, the library Fyne's desktop driver
// runs on; GLFW has no way either to name the monitor a window will be
// shown on before the window manager places it, and the primary one is
// where a new window usually goes.
func primaryWorkArea() (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(width), float32(height)), true
}
