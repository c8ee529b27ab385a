package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// typeKeys sends keys to the article view as the GLFW driver does: with
// Ctrl or Alt as a shortcut, with Shift alone between Shift's KeyDown and
// KeyUp, else as a key.
func typeKeys(ws *workspace, mod fyne.KeyModifier, names ...fyne.KeyName) {
	for _, name := range names {
		switch {
		case mod&(fyne.KeyModifierControl|fyne.KeyModifierAlt) != 0:
			ws.view.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: mod})
		case mod == fyne.KeyModifierShift:
			ws.view.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			ws.view.TypedKey(&fyne.KeyEvent{Name: name})
			ws.view.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		default:
			ws.view.TypedKey(&fyne.KeyEvent{Name: name})
		}
	}
}

const modCtrl, modShift, modAlt = fyne.KeyModifierControl, fyne.KeyModifierShift, fyne.KeyModifierAlt

// TestKeyboardOnlyTagging opens the article and, with keys only, tags
// its first word: the view has the focus from the start.
func TestKeyboardOnlyTagging(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	if f := ws.win.Canvas().Focused(); f != ws.view {
		t.Fatalf("focused on opening: %T, want the article view", f)
	}
	typeKeys(ws, modCtrl, fyne.KeyEnd)
	typeKeys(ws, modCtrl, fyne.KeyHome)
	typeKeys(ws, modCtrl|modShift, fyne.KeyRight)
	key(ws, 'l')
	if a, ok := find(onDisk(t, ws), 0, len("North")); !ok || a.Label != "LOC" {
		t.Errorf("after Ctrl+Home, Ctrl+Shift+→, l: %+v on disk, want LOC [0,5)", onDisk(t, ws).Annotations)
	}
	// The caret goes on from the tag: → leaves the annotation, and
	// Ctrl+Shift+→ then selects the next word rather than resizing it.
	typeKeys(ws, 0, fyne.KeyRight)
	if ws.active != "" {
		t.Errorf("→ after tagging left annotation %s selected", ws.active)
	}
	typeKeys(ws, modCtrl|modShift, fyne.KeyRight)
	if a, b := ws.view.Selection(); ws.sess.Text(a, b) != "Korean" {
		t.Errorf("Ctrl+Shift+→ selected %q, want Korean", ws.sess.Text(a, b))
	}
}

// TestResizeByKeys tags "Security" with a note and moves its ends by
// keys: each press is one undoable edit of the same annotation.
func TestResizeByKeys(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	sec := offsetOf(t, ws, "Security Council", 0)
	ws.view.DoubleTapped(&fyne.PointEvent{Position: pos(t, ws, sec+1)})
	key(ws, 'o')
	a, ok := find(onDisk(t, ws), sec, sec+len("Security"))
	if !ok || ws.active != a.ID {
		t.Fatalf("tagging Security: on disk %+v, active %q", onDisk(t, ws).Annotations, ws.active)
	}
	if err := ws.sess.SetNote(a.ID, "the council"); err != nil {
		t.Fatal(err)
	}
	for i, s := range []struct {
		mod  fyne.KeyModifier
		key  fyne.KeyName
		want string
	}{
		{modShift, fyne.KeyRight, "Security Council"},
		{modCtrl | modShift, fyne.KeyRight, "Security Council "},
		{modCtrl | modShift, fyne.KeyLeft, "Security Council"},
		{modShift, fyne.KeyLeft, "Security"},
		{modAlt | modShift, fyne.KeyLeft, "Russia’s Security"},
		{modCtrl | modAlt | modShift, fyne.KeyRight, "ussia’s Security"},
		{modShift, fyne.KeyLeft, "ussia’s"},
		{modAlt | modShift, fyne.KeyRight, "ussia’s"}, // would empty it: nothing
	} {
		typeKeys(ws, s.mod, s.key)
		data := onDisk(t, ws)
		if len(data.Annotations) != 1 {
			t.Fatalf("step %d: %d annotations on disk, want 1", i, len(data.Annotations))
		}
		got := data.Annotations[0]
		if text := ws.sess.Text(got.Start, got.End); text != s.want || got.ID != a.ID || got.Label != "ORG" || got.Note != "the council" {
			t.Fatalf("step %d: %s %s %q %q, want %s ORG %q %q", i, got.ID, got.Label, got.Note, text, a.ID, "the council", s.want)
		}
		if ws.active != a.ID {
			t.Fatalf("step %d: active %q, want %s still selected", i, ws.active, a.ID)
		}
	}
	ws.undo()
	if got, _ := ws.sess.Annotation(a.ID); ws.sess.Text(got.Start, got.End) != "ussia’s Security" {
		t.Errorf("after one undo %q, want %q", ws.sess.Text(got.Start, got.End), "ussia’s Security")
	}
	if got, _ := ws.sess.Annotation(a.ID); !sameRange(ws.view.Selection, got.End, got.End) {
		t.Errorf("after undo the caret is not at the annotation's end %d", got.End)
	}
	if name, _ := ws.sess.CanUndo(); name != "resize ORG" {
		t.Errorf("CanUndo = %q, want resize ORG", name)
	}
}

// sameRange reports whether sel returns start, end.
func sameRange(sel func() (int, int), start, end int) bool {
	a, b := sel()
	return a == start && b == end
}
