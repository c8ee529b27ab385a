package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
)

// TestFindBarKeys opens the find bar, closes it with Esc, and opens it
// again: the old query is selected, so typing replaces it.
func TestFindBarKeys(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	ws.find.show()
	test.Type(ws.find.query, "Moscow")
	if len(ws.find.marked) == 0 {
		t.Fatal("no match of Moscow is marked")
	}
	ws.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ws.find.box.Visible() || len(ws.find.marked) != 0 {
		t.Fatalf("after Esc the bar is visible %v with %d marks, want hidden and none", ws.find.box.Visible(), len(ws.find.marked))
	}
	if ws.win.Canvas().Focused() != ws.view {
		t.Error("after Esc the article view does not have the focus")
	}
	ws.find.show()
	test.Type(ws.win.Canvas().Focused(), "Seoul")
	if got := ws.find.query.Text; got != "Seoul" {
		t.Errorf("typing after Ctrl+F made the query %q, want %q", got, "Seoul")
	}
}

// TestTagAllClearsTaggedMarks tags every match: the highlight leaves them,
// so they show the label's colour.
func TestTagAllClearsTaggedMarks(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	ws.find.show()
	test.Type(ws.find.query, "pyongyang")
	n := len(ws.find.marked)
	if n < 3 {
		t.Fatalf("%d matches marked, want several", n)
	}
	ws.find.label.SetSelected("LOC")
	ws.find.tagAll()
	if len(ws.find.marked) != 0 {
		t.Errorf("after Tag all %d of %d matches are still marked", len(ws.find.marked), n)
	}
	if len(ws.find.matches) != n {
		t.Errorf("after Tag all %d matches, want %d (Enter still steps through them)", len(ws.find.matches), n)
	}
}

func TestUntagged(t *testing.T) {
	t.Parallel()
	ms := [][2]int{{0, 3}, {5, 8}, {10, 13}}
	anns := []annotate.Annotation{
		{Start: 0, End: 3, Label: "LOC"},
		{Start: 5, End: 8, Label: "ORG"},
		{Start: 10, End: 12, Label: "LOC"},
	}
	got := untagged(ms, anns, "LOC")
	want := [][2]int{{5, 8}, {10, 13}}
	if !slices.Equal(got, want) {
		t.Errorf("untagged = %v, want %v", got, want)
	}
}
