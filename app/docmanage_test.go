package app

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/app/apptest"
)

// TestDeleteAndUndoDelete deletes a document with a claim linked to its
// source: the question counts what goes, the next document opens, and
// Undo delete brings the document back under its id with everything it
// had, and opens it.
func TestDeleteAndUndoDelete(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt", "unicode.txt")
	claim, err := ws.sess.Tag(offsetOf(t, ws, "fraternal", 0), offsetOf(t, ws, "people", 0)+6, "CLAIM")
	if err != nil {
		t.Fatal(err)
	}
	source, err := ws.sess.Tag(offsetOf(t, ws, "RIA Novosti", 0), offsetOf(t, ws, "RIA Novosti", 0)+11, "SOURCE")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.sess.Link(annotate.RelationAttributedTo, claim.ID, source.ID); err != nil {
		t.Fatal(err)
	}
	ws.saved()
	before := onDisk(t, ws)
	if q := ws.deleteQuestion(); !strings.Contains(q, "2 annotations and 1 relation") {
		t.Errorf("the question says %q, want it to count 2 annotations and 1 relation", q)
	}
	if err := ws.deleteDocument(); err != nil {
		t.Fatal(err)
	}
	if got := shownTitles(ws); len(got) != 1 || got[0] != "unicode.txt" || ws.sess.Document().Title != "unicode.txt" {
		t.Fatalf("after deleting: the list shows %q, %q open", got, ws.sess.Document().Title)
	}
	if ws.undoDeleteItem.Disabled || !strings.Contains(ws.undoDeleteItem.Label, "article.txt") {
		t.Errorf("the menu item is %q, disabled %v", ws.undoDeleteItem.Label, ws.undoDeleteItem.Disabled)
	}
	if err := ws.undoDelete(); err != nil {
		t.Fatal(err)
	}
	if after := onDisk(t, ws); !reflect.DeepEqual(after, before) {
		t.Errorf("the restored document differs:\n%+v\nwant\n%+v", after, before)
	}
	if len(ws.docs.all) != 2 || !ws.undoDeleteItem.Disabled {
		t.Errorf("after undo: %d documents listed, Undo delete disabled %v", len(ws.docs.all), ws.undoDeleteItem.Disabled)
	}
}

// TestEmptyProject opens a project without documents: the article area
// says what to do and offers buttons; the sample article button adds and
// opens the sample, whose empty panel says how to tag; deleting the only
// document shows the empty state again.
func TestEmptyProject(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	if !ws.empty.Visible() || ws.view.Visible() {
		t.Fatal("a new project shows no empty state")
	}
	buttons := map[string]*widget.Button{}
	for _, o := range test.LaidOutObjects(ws.empty) {
		if b, ok := o.(*widget.Button); ok {
			buttons[b.Text] = b
		}
	}
	if buttons["Import documents…"] == nil || buttons["Open the sample article"] == nil {
		t.Fatalf("the empty state's buttons are %v", buttons)
	}
	test.Tap(buttons["Open the sample article"])
	if ws.sess == nil || !strings.HasPrefix(ws.sess.Document().Text, "North Korean leader") || ws.empty.Visible() || !ws.view.Visible() {
		t.Fatal("the sample article is not open in place of the empty state")
	}
	if !ws.panel.hint.Visible() || ws.panel.hint.Text != "Select text and press a label key" {
		t.Error("the panel of a document without annotations does not say how to tag")
	}
	drag(t, ws, offsetOf(t, ws, "Putin", 0), offsetOf(t, ws, "Putin", 0)+5)
	key(ws, 'p')
	ws.run.(*apptest.Runner).Fire()
	if ws.panel.hint.Visible() {
		t.Error("the hint stays over the panel's annotations")
	}
	if err := ws.deleteDocument(); err != nil {
		t.Fatal(err)
	}
	if !ws.empty.Visible() || ws.sess != nil {
		t.Error("deleting the only document does not show the empty state")
	}
}

// TestReopenAtPlace scrolls a long second document, closes the window
// and opens the project again with the same preferences: the same
// document opens, scrolled as it was.
func TestReopenAtPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.spanmark")
	st, err := open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"one", "two"} {
		text := strings.Repeat("Paragraph of "+title+" with words enough to wrap a line or two.\n", 2000)
		if _, err := st.AddDocument(annotate.Document{Title: title, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	ws := openTestWorkspace(t, path)
	ws.stepDocument(1)
	ws.view.ScrollToTop(50_000)
	top := ws.view.TopOffset()
	if top < 40_000 {
		t.Fatalf("TopOffset() = %d after scrolling to 50000", top)
	}
	ws.rememberPlace()
	ws.close()

	w := ws.app.NewWindow("again")
	again := newWorkspace(ws.app, w, Config{Path: path, Open: open}, &apptest.Runner{})
	if err := again.openProject(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.close() })
	w.Resize(fyne.NewSize(1200, 780))
	if got := again.sess.Document().Title; got != "two" {
		t.Errorf("reopened at %q, want two", got)
	}
	if got := again.view.TopOffset(); got != top {
		t.Errorf("reopened scrolled to %d, want %d", got, top)
	}
}

// TestUndoKeptAcrossSwitches tags in one document, goes to the next and
// back, and undoes the tag.
func TestUndoKeptAcrossSwitches(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt", "unicode.txt")
	drag(t, ws, offsetOf(t, ws, "Putin", 0), offsetOf(t, ws, "Putin", 0)+5)
	key(ws, 'p')
	ws.stepDocument(1)
	ws.stepDocument(-1)
	if ws.undoItem.Disabled {
		t.Fatal("Undo is disabled after coming back")
	}
	ws.undo()
	if n := len(onDisk(t, ws).Annotations); n != 0 {
		t.Errorf("undo after coming back left %d annotations, want 0", n)
	}
}
