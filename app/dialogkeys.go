package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Fyne's dialogs close neither on Esc nor confirm on Enter. While a
// dialog is up a key goes to the widget focused in it or, with none
// focused (the article view's focus does not count over a dialog), to
// the canvas's key handler. So every dialog of the workspace is shown
// with showKeyed, which puts it on a stack the canvas's handler answers
// for; entries and buttons in a dialog answer the same keys themselves
// (dialogEntry, dialogButton).

// keyedDialog is a dialog shown with showKeyed.
type keyedDialog struct {
	d       dialog.Dialog
	confirm func()
}

// showKeyed shows d so that Esc dismisses it and Enter calls confirm
// (nil: Enter dismisses it too, for a dialog that only informs).
func (ws *workspace) showKeyed(d dialog.Dialog, confirm func()) {
	k := &keyedDialog{d: d, confirm: confirm}
	ws.dialogs = append(ws.dialogs, k)
	// Closed, by key, button or code, in whatever order dialogs close.
	d.SetOnClosed(func() {
		ws.dialogs = slices.DeleteFunc(ws.dialogs, func(o *keyedDialog) bool { return o == k })
	})
	ws.win.Canvas().SetOnTypedKey(ws.dialogKey)
	d.Show()
}

// dialogKey answers Esc and Enter for the topmost dialog; other keys do
// nothing there, since a dialog is modal.
func (ws *workspace) dialogKey(ev *fyne.KeyEvent) {
	if len(ws.dialogs) == 0 {
		return
	}
	k := ws.dialogs[len(ws.dialogs)-1]
	switch ev.Name {
	case fyne.KeyEscape:
		k.d.Hide()
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.confirm == nil {
			k.d.Hide()
			return
		}
		k.confirm()
	}
}

// showInfo shows message, to be closed with OK, Esc or Enter.
func (ws *workspace) showInfo(title, message string) {
	ws.showKeyed(dialog.NewInformation(title, message, ws.win), nil)
}

// showConfirm asks message; Enter answers yes, Esc no.
func (ws *workspace) showConfirm(title, message string, callback func(ok bool)) {
	d := dialog.NewConfirm(title, message, callback, ws.win)
	ws.showKeyed(d, d.Confirm)
}
