package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// startupMessage is what the window says when the project cannot be
// opened at start: the error, which names the file, and what to do
// about it where there is something to do. Started from a desktop
// launcher, Spanmark has no terminal to print to.
func startupMessage(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, annotate.ErrLocked):
		msg += ".\nSwitch to that window, or close it and start Spanmark again."
	case errors.Is(err, annotate.ErrDamaged):
		msg += ".\n`spanmark recover` salvages what is left into a new project."
	}
	return msg
}

// showStartupError shows msg in w, the main window never shown, with an
// OK button that closes it, and returns when w is closed. The
// workspace's menu and close intercept go: the intercept would remember
// this small window's size as the workspace's.
func showStartupError(w fyne.Window, msg string) {
	w.SetMainMenu(nil)
	w.SetCloseIntercept(nil)
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	ok := widget.NewButton("OK", w.Close)
	ok.Importance = widget.HighImportance
	w.SetTitle("Spanmark")
	w.SetContent(container.NewBorder(nil, container.NewCenter(ok), nil, nil, label))
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape || e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
			w.Close()
		}
	})
	w.Resize(fyne.NewSize(460, 150))
	w.SetFixedSize(true)
	w.CenterOnScreen()
	w.ShowAndRun()
}
