package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/formats"
)

// field returns the panel's widget of attribute name of the selected
// annotation, or of the document with doc.
func field(t *testing.T, ws *workspace, doc bool, name string) *attrField {
	t.Helper()
	sec := ws.attrs.ann
	if doc {
		sec = ws.attrs.doc
	}
	if !sec.box.Visible() {
		t.Fatalf("the panel shows no attributes (document %v)", doc)
	}
	for _, f := range sec.fields {
		if f.def.Name == name {
			return f
		}
	}
	t.Fatalf("the panel has no field %s", name)
	return nil
}

// claimValues returns the attribute values on disk of the annotation over
// [start, end).
func claimValues(t *testing.T, ws *workspace, start, end int) annotate.Attributes {
	t.Helper()
	a, ok := find(onDisk(t, ws), start, end)
	if !ok {
		t.Fatalf("no annotation over [%d,%d) on disk", start, end)
	}
	return a.Attributes
}

// TestSetVerdictByWidgetAndKey tags a claim, sets its verdict with the
// panel's select and with Alt+its key, checks it with the check box,
// gives the document a topic in its entry, undoes and redoes, and finds
// the values in the spanmark JSON export. The widgets follow every step.
func TestSetVerdictByWidgetAndKey(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	start := offsetOf(t, ws, "has decided to send", 0)
	end := start + annotate.RuneLen("has decided to send 1,000 sappers")
	drag(t, ws, start, end)
	key(ws, 'c')
	str := annotate.StringValue
	mixed := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("mixed")})
	falseV := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("false")})
	worthy := annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("false"), "checkworthy": annotate.BoolValue(true)})
	steps := []struct {
		name  string
		do    func()
		want  annotate.Attributes
		shows string // what the verdict's select shows
	}{
		{"choose mixed", func() { field(t, ws, false, "verdict").sel.SetSelected("mixed") }, mixed, "mixed"},
		{"Alt+F", func() { typeKeys(ws, modAlt, fyne.KeyF) }, falseV, "false"},
		{"Alt+F again", func() { typeKeys(ws, modAlt, fyne.KeyF) }, falseV, "false"},
		{"tick checkworthy", func() { test.Tap(field(t, ws, false, "checkworthy").check) }, worthy, "false"},
		{"undo", ws.undo, falseV, "false"},
		{"undo", ws.undo, mixed, "mixed"},
		{"undo", ws.undo, nil, ""},
		{"redo", ws.redo, mixed, "mixed"},
		{"redo", ws.redo, falseV, "false"},
		{"choose none", func() { field(t, ws, false, "verdict").sel.SetSelected(unsetChoice) }, nil, ""},
		{"undo", ws.undo, falseV, "false"},
	}
	for _, s := range steps {
		s.do()
		if got := claimValues(t, ws, start, end); !got.Equal(s.want) {
			t.Fatalf("%s: on disk %v, want %v", s.name, got, s.want)
		}
		if got := field(t, ws, false, "verdict").sel.Selected; got != s.shows {
			t.Errorf("%s: the select shows %q, want %q", s.name, got, s.shows)
		}
		if f := ws.win.Canvas().Focused(); f != ws.view {
			t.Errorf("%s: focus on %T, want the article view for the hotkeys", s.name, f)
		}
	}
	if got := field(t, ws, false, "checkworthy").check; got.Checked || !got.Partial {
		t.Errorf("checkworthy unset after undo: check box checked %v, partial %v; want partly checked", got.Checked, got.Partial)
	}
	if f := field(t, ws, false, "checkworthy"); !f.unset.Disabled() {
		t.Error("the unset button of an unset checkworthy is enabled")
	}
	// A bool goes back to unset with its button, not to false.
	for _, s := range []struct {
		name string
		do   func()
		want annotate.Attributes
	}{
		{"tick checkworthy", func() { test.Tap(field(t, ws, false, "checkworthy").check) }, worthy},
		{"untick checkworthy", func() { test.Tap(field(t, ws, false, "checkworthy").check) },
			annotate.AttributesOf(map[string]annotate.AttrValue{"verdict": str("false"), "checkworthy": annotate.BoolValue(false)})},
		{"unset checkworthy", func() { test.Tap(field(t, ws, false, "checkworthy").unset) }, falseV},
	} {
		s.do()
		if got := claimValues(t, ws, start, end); !got.Equal(s.want) {
			t.Fatalf("%s: on disk %v, want %v", s.name, got, s.want)
		}
	}
	if f := field(t, ws, false, "checkworthy"); f.check.Checked || !f.check.Partial || !f.unset.Disabled() {
		t.Errorf("after unsetting: checked %v, partial %v, unset button disabled %v; want partly checked and disabled",
			f.check.Checked, f.check.Partial, f.unset.Disabled())
	}
	ws.undo()
	if got := claimValues(t, ws, start, end); got.Get("checkworthy") != annotate.BoolValue(false) {
		t.Errorf("undoing the unset: checkworthy %v, want false", got.Get("checkworthy"))
	}
	ws.redo()

	topic := field(t, ws, true, "topic").entry
	ws.win.Canvas().Focus(topic)
	test.Type(topic, "defence")
	topic.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := onDisk(t, ws).Document.Attributes; !got.Equal(annotate.AttributesOf(map[string]annotate.AttrValue{"topic": str("defence")})) {
		t.Fatalf("document attributes on disk after Enter: %v, want the topic", got)
	}
	ws.undo()
	if got := topic.Text; got != "" {
		t.Errorf("the topic entry shows %q after undo, want it empty", got)
	}
	ws.redo()

	out := filepath.Join(t.TempDir(), "p.json")
	ws.exportTo(out, "json", formats.ExportOptions{})
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"attributes":{"verdict":"false"}`, `"attributes":{"topic":"defence"}`} {
		if !strings.Contains(strings.Join(strings.Fields(string(b)), ""), want) {
			t.Errorf("the export lacks %s", want)
		}
	}
}
