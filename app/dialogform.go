package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formDialog is a dialog with content, a dismiss and a confirm button,
// whose buttons and entries also answer Esc and Enter when Tab has
// given them the focus (Fyne's buttons take only Space).
type formDialog struct {
	*dialog.CustomDialog
	save     *dialogButton
	callback func(ok bool)
	answered bool
}

// newFormDialog returns a dialog like dialog.NewCustomConfirm's; callback
// is called once, true for confirm (button, Enter), false otherwise.
func newFormDialog(title, confirm, dismiss string, content fyne.CanvasObject, callback func(ok bool), win fyne.Window) *formDialog {
	d := &formDialog{CustomDialog: dialog.NewCustomWithoutButtons(title, content, win), callback: callback}
	d.save = newDialogButton(confirm, d.Confirm, d.Hide)
	d.save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{newDialogButton(dismiss, d.Hide, d.Hide), d.save})
	d.SetOnClosed(func() { d.answer(false) })
	return d
}

// Confirm closes the dialog, answering true.
func (d *formDialog) Confirm() {
	d.answer(true)
	d.Hide()
}

// answer calls the callback the first time only: Enter pressed twice
// quickly confirms once.
func (d *formDialog) answer(ok bool) {
	if d.answered {
		return
	}
	d.answered = true
	d.callback(ok)
}

// wire makes e answer the dialog's keys: Esc dismisses, Enter (a single
// line) or Ctrl+Enter confirms.
func (d *formDialog) wire(e *dialogEntry) {
	e.onEscape = d.Hide
	e.onSubmit = d.Confirm
	if !e.MultiLine {
		e.OnSubmitted = func(string) { d.Confirm() }
	}
}

// dialogButton is a dialog's button that keys press: Enter or Space taps
// it, Esc dismisses the dialog.
type dialogButton struct {
	widget.Button
	onEscape func()
}

var _ fyne.Focusable = (*dialogButton)(nil)

func newDialogButton(label string, tapped, escape func()) *dialogButton {
	b := &dialogButton{onEscape: escape}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and dismisses on Esc.
func (b *dialogButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeyEscape:
		b.onEscape()
	default:
		b.Button.TypedKey(ev)
	}
}
