package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// dialogEntry is an entry in a keyDialog: Esc dismisses the dialog,
// Ctrl+Enter confirms it (Enter too on a single line; on several lines
// Enter is a newline), and Tab, if onTab is set, leaves the field
// (a multi-line entry would otherwise type a tab).
type dialogEntry struct {
	widget.Entry
	onEscape func()
	onSubmit func()
	onTab    func()
}

var (
	_ fyne.Tabbable     = (*dialogEntry)(nil)
	_ fyne.Shortcutable = (*dialogEntry)(nil)
)

// newDialogEntry returns an entry of one line, or of several if multi.
func newDialogEntry(multi bool) *dialogEntry {
	e := &dialogEntry{}
	// As widget.NewEntry and NewMultiLineEntry set them.
	e.MultiLine, e.Wrapping = multi, fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab takes Tab from the window's focus cycle when onTab moves
// the focus itself.
func (e *dialogEntry) AcceptsTab() bool { return e.onTab != nil }

// TypedKey handles Esc and Tab; other keys edit the text.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	case ev.Name == fyne.KeyTab && e.onTab != nil:
		e.onTab()
	default:
		e.Entry.TypedKey(ev)
	}
}

// TypedShortcut confirms on Ctrl+Enter; other shortcuts go to the entry.
func (e *dialogEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && e.onSubmit != nil && c.Modifier == fyne.KeyModifierControl &&
		(c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) {
		e.onSubmit()
		return
	}
	e.Entry.TypedShortcut(s)
}
