package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// typeKey types the named key as the desktop driver routes it: Tab moves
// the focus unless the focused widget takes it; a key goes to the
// focused widget (in the top dialog, over which the article view's
// focus does not count) or, with none, to the canvas's handler.
func typeKey(ws *workspace, name fyne.KeyName) {
	c := ws.win.Canvas()
	f := c.Focused()
	if tb, ok := f.(fyne.Tabbable); name == fyne.KeyTab && (!ok || !tb.AcceptsTab()) {
		c.FocusNext()
		return
	}
	ev := &fyne.KeyEvent{Name: name}
	if f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// ctrlEnter types Ctrl+Enter as the desktop driver does: a shortcut for
// the focused widget.
func ctrlEnter(ws *workspace) {
	s := &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}
	if f, ok := ws.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
	}
}

// TestDialogKeys opens each of the workspace's dialogs and presses Esc or
// Enter: the dialog closes, and only Enter does what it asks.
func TestDialogKeys(t *testing.T) {
	titled := func(ws *workspace) string { return ws.sess.Document().Title }
	cases := []struct {
		name   string
		open   func(ws *workspace)
		key    fyne.KeyName
		effect func(ws *workspace) bool // whether the dialog's action happened
	}{
		{"shortcuts Esc", (*workspace).showShortcuts, fyne.KeyEscape, nil},
		{"shortcuts Enter", (*workspace).showShortcuts, fyne.KeyReturn, nil},
		{"about Esc", (*workspace).showAbout, fyne.KeyEscape, nil},
		{"import result Enter", func(ws *workspace) { ws.afterImport(importSummary{added: 1}) }, fyne.KeyReturn, nil},
		{"import result Esc", func(ws *workspace) { ws.afterImport(importSummary{added: 1}) }, fyne.KeyEscape, nil},
		{"error Esc", func(ws *workspace) { ws.showError(errors.New("broken")) }, fyne.KeyEscape, nil},
		{"export result keypad Enter", func(ws *workspace) { ws.showInfo("Export", "Exported.") }, fyne.KeyEnter, nil},
		{"delete Esc", (*workspace).deleteDocumentDialog, fyne.KeyEscape, func(ws *workspace) bool { return ws.sess == nil || len(ws.deleted) > 0 }},
		{"delete Enter", (*workspace).deleteDocumentDialog, fyne.KeyReturn, func(ws *workspace) bool { return ws.sess == nil || len(ws.deleted) > 0 }},
		{"rename Esc", (*workspace).renameDocumentDialog, fyne.KeyEscape, func(ws *workspace) bool { return titled(ws) != "article.txt" }},
		{"rename Enter", (*workspace).renameDocumentDialog, fyne.KeyReturn, func(ws *workspace) bool { return titled(ws) != "article.txt" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ws, _ := newTestWorkspace(t, "article.txt")
			if titled(ws) != "article.txt" {
				t.Fatalf("the document is titled %q, want article.txt", titled(ws))
			}
			tc.open(ws)
			if ws.win.Canvas().Overlays().Top() == nil {
				t.Fatal("no dialog shown")
			}
			if e, ok := ws.win.Canvas().Focused().(*dialogEntry); ok {
				test.Type(e, "x") // a rename to something else
			}
			typeKey(ws, tc.key)
			if top := ws.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("the dialog is still up after %s: %q", tc.key, dialogText(ws))
			}
			if tc.effect != nil && tc.effect(ws) != (tc.key != fyne.KeyEscape) {
				t.Errorf("after %s the dialog's action happened: %v", tc.key, tc.effect(ws))
			}
			if len(ws.dialogs) != 0 {
				t.Errorf("%d dialogs left on the key stack", len(ws.dialogs))
			}
		})
	}
}

// TestNoteEditorKeys types a note: Enter is a newline, Ctrl+Enter saves,
// Esc cancels, Tab leaves the field for Save, where Enter saves.
func TestNoteEditorKeys(t *testing.T) {
	cases := []struct {
		name string
		keys func(ws *workspace)
		want string // the note on disk
	}{
		{"Ctrl+Enter saves", func(ws *workspace) { ctrlEnter(ws) }, "two\nlines"},
		{"Esc cancels", func(ws *workspace) { typeKey(ws, fyne.KeyEscape) }, ""},
		{"Tab then Enter saves", func(ws *workspace) {
			typeKey(ws, fyne.KeyTab)
			if b, ok := ws.win.Canvas().Focused().(*dialogButton); !ok || b.Text != "Save" {
				t.Fatalf("Tab moved the focus to %T, want the Save button", ws.win.Canvas().Focused())
			}
			typeKey(ws, fyne.KeyReturn)
		}, "two\nlines"},
		{"Tab then Esc cancels", func(ws *workspace) { typeKey(ws, fyne.KeyTab); typeKey(ws, fyne.KeyEscape) }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ws, _ := newTestWorkspace(t, "article.txt")
			seoul := offsetOf(t, ws, "SEOUL", 0)
			drag(t, ws, seoul, seoul+5)
			key(ws, 'l')
			ws.editNote()
			e, ok := ws.win.Canvas().Focused().(*dialogEntry)
			if !ok {
				t.Fatalf("the note editor's field has not the focus: %T", ws.win.Canvas().Focused())
			}
			test.Type(e, "two")
			typeKey(ws, fyne.KeyReturn)
			test.Type(e, "lines")
			if e.Text != "two\nlines" || ws.win.Canvas().Overlays().Top() == nil {
				t.Fatalf("after Enter: text %q, dialog up %v; want a newline and the dialog up", e.Text, ws.win.Canvas().Overlays().Top() != nil)
			}
			tc.keys(ws)
			if ws.win.Canvas().Overlays().Top() != nil {
				t.Error("the note editor is still up")
			}
			a, _ := find(onDisk(t, ws), seoul, seoul+5)
			if a.Note != tc.want {
				t.Errorf("note on disk %q, want %q", a.Note, tc.want)
			}
		})
	}
}

// TestNestedDialogKeys: Esc closes the top dialog only, then the one
// beneath.
func TestNestedDialogKeys(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	ws.showShortcuts()
	ws.showInfo("Export", "Exported.")
	typeKey(ws, fyne.KeyEscape)
	if got := dialogText(ws); got == "" || len(ws.dialogs) != 1 {
		t.Fatalf("after one Esc: top dialog %q, %d on the stack; want the shortcuts", got, len(ws.dialogs))
	}
	typeKey(ws, fyne.KeyEscape)
	if ws.win.Canvas().Overlays().Top() != nil || len(ws.dialogs) != 0 {
		t.Errorf("after two Esc a dialog is up: %q", dialogText(ws))
	}
}
