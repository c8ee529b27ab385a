package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
)

// enter types text over entry's and presses Enter in it.
func enter(e interface {
	SetText(string)
	TypedKey(*fyne.KeyEvent)
}, text string) {
	e.SetText(text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// valueNamed returns the row of enum value name on card c.
func valueNamed(t *testing.T, c *attrCard, name string) *valueRow {
	t.Helper()
	for _, r := range c.values {
		if r.name.Text == name {
			return r
		}
	}
	t.Fatalf("no value %q on the card of %s", name, c.ref.Name)
	return nil
}

// TestEditAttributesDialog adds an enum value, renames it and a value in
// use, is refused a key another value has, deletes a value in use after
// the question, declines to delete an attribute in use, and saves: the
// project, the open session and its history follow.
func TestEditAttributesDialog(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	tag := func(word, verdict string) annotate.Annotation {
		start := offsetOf(t, ws, word, 0)
		a, err := ws.sess.Tag(start, start+annotate.RuneLen(word), "CLAIM")
		if err == nil {
			err = ws.sess.SetAttribute(a.ID, "verdict", annotate.StringValue(verdict))
		}
		if err == nil {
			err = ws.sess.SetAttribute(a.ID, "checkworthy", annotate.BoolValue(true))
		}
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	c1, c2 := tag("fraternal", "false"), tag("RIA Novosti", "mixed")

	e := ws.showLabelsDialog()
	card := func(i int) *attrCard { return e.attrs.cards[i] } // 0 verdict, 1 checkworthy
	test.Type(card(0).newValue, "satire")
	test.Tap(card(0).addValue)
	enter(valueNamed(t, card(0), "satire").name, "parody")
	enter(valueNamed(t, card(0), "false").name, "wrong")

	enter(valueNamed(t, card(0), "parody").key, "t")
	if got := e.errText.Text; !e.errText.Visible() || !strings.Contains(got, `key "t" is already the key of value "true"`) {
		t.Errorf("a taken key shows %q, want the reason", got)
	}
	valueNamed(t, card(0), "parody").key.SetText("")

	test.Tap(valueNamed(t, card(0), "mixed").del)
	if got := dialogText(ws); !strings.Contains(got, "Delete value mixed of verdict? 1 annotation loses its value.") {
		t.Fatalf("deleting a value in use asks %q", got)
	}
	test.Tap(findButton(t, ws.win.Canvas().Overlays().Top(), "Yes"))
	test.Tap(card(1).del)
	if got := dialogText(ws); !strings.Contains(got, "Delete checkworthy? 2 annotations lose their value.") {
		t.Fatalf("deleting an attribute in use asks %q", got)
	}
	test.Tap(findButton(t, ws.win.Canvas().Overlays().Top(), "No"))
	if stored, _ := ws.store.Schema(); !stored.Equal(annotate.DefaultSchema()) {
		t.Fatalf("the project's schema changed before Save: %+v", stored.Attributes[0])
	}

	e.save()
	if got := e.errText.Text; got != "" {
		t.Fatalf("Save refused: %s", got)
	}
	stored, _ := ws.store.Schema()
	var names []string
	for _, v := range stored.Attributes[0].Values {
		names = append(names, v.Name)
	}
	if want := "true mostly_true mostly_false wrong unverifiable parody"; strings.Join(names, " ") != want {
		t.Errorf("verdict's values = %v, want %s", names, want)
	}
	want := map[string]annotate.Attributes{
		c1.ID: annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("wrong"), "checkworthy": annotate.BoolValue(true)}),
		c2.ID: annotate.AttributesOf(map[string]annotate.AttrValue{"checkworthy": annotate.BoolValue(true)}),
	}
	for id, w := range want {
		got, _ := ws.sess.Annotation(id)
		data, err := ws.store.Load(ws.sess.Document().ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range data.Annotations {
			if a.ID == id && !a.Attributes.Equal(w) {
				t.Errorf("stored %s: %v, want %v", id, a.Attributes, w)
			}
		}
		if !got.Attributes.Equal(w) {
			t.Errorf("session's %s: %v, want %v", id, got.Attributes, w)
		}
	}
	if step, ok := ws.sess.CanUndo(); ok {
		t.Errorf("after the change Undo offers %q, which could bring back a value that no longer fits", step)
	}
}

// TestSaveLabelsKeepsAttributes renames a label in the dialog: its
// attributes follow it and its annotations keep their values (the dialog
// used to save the labels alone, dropping every attribute).
func TestSaveLabelsKeepsAttributes(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	start := offsetOf(t, ws, "fraternal", 0)
	a, err := ws.sess.Tag(start, start+9, "CLAIM")
	if err == nil {
		err = ws.sess.SetAttribute(a.ID, "verdict", annotate.StringValue("false"))
	}
	if err != nil {
		t.Fatal(err)
	}
	e := ws.showLabelsDialog()
	for _, r := range e.rows {
		if r.original == "CLAIM" {
			r.name.SetText("ASSERTION")
		}
	}
	e.save()
	if got := e.errText.Text; got != "" {
		t.Fatalf("Save refused: %s", got)
	}
	stored, _ := ws.store.Schema()
	if defs := stored.AttributesFor("ASSERTION"); len(defs) != 2 || defs[0].Name != "verdict" {
		t.Errorf("ASSERTION's attributes = %+v, want verdict and checkworthy", defs)
	}
	got, _ := ws.sess.Annotation(a.ID)
	if want := (annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": annotate.StringValue("false")})); got.Label != "ASSERTION" || !got.Attributes.Equal(want) {
		t.Errorf("the claim is %s with %v, want ASSERTION with %v", got.Label, got.Attributes, want)
	}
}
