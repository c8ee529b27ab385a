//go:build ci

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestAttrFieldsFollowTheSelection checks that the attribute panel keeps
// its widgets when a tag selects another annotation of the same
// definitions, giving values to the one selected now, and that text
// being typed when the selection changes still goes to the annotation it
// was typed for.
func TestAttrFieldsFollowTheSelection(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	kb := func(id string) string {
		a, _ := ws.sess.Annotation(id)
		return a.Attributes.Get("kb_id").Str()
	}
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	first, entry := ws.active, field(t, ws, false, "kb_id").entry
	tagWord(t, ws, "Kim", 0, "PERSON")
	second := ws.active
	if field(t, ws, false, "kb_id").entry != entry {
		t.Error("the panel made its widgets again for an annotation of the same definitions")
	}
	ws.win.Canvas().Focus(entry)
	test.Type(entry, "Q1")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if kb(second) != "Q1" || kb(first) != "" {
		t.Fatalf("after Enter kb_id is %q on the selected annotation and %q on the first, want Q1 and none", kb(second), kb(first))
	}

	// The selection changes while the entry is being typed in (a click
	// in the panel's list): the text is committed to the second.
	ws.win.Canvas().Focus(entry)
	test.Type(entry, "0")
	ws.setActive(first)
	ws.win.Canvas().Focus(ws.view)
	if kb(second) != "Q10" || kb(first) != "" {
		t.Errorf("typed text committed as %q on the annotation it was typed for and %q on the one selected, want Q10 and none", kb(second), kb(first))
	}
}
