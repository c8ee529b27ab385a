package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// tapPanelRow clicks, where a person would, the panel's row of annotation
// id: the canvas decides which object takes the tap. The row must be on
// the panel's first screen.
func tapPanelRow(t *testing.T, ws *workspace, id string) {
	t.Helper()
	ws.lists.flush()
	a, ok := ws.sess.Annotation(id)
	if !ok {
		t.Fatalf("no annotation %s", id)
	}
	want := rowText(ws.sess, a, false)
	ws.panel.list.ScrollToTop()
	// A list item's position is in the list's scrolled content, which
	// is at the list's own position when scrolled to the top.
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(ws.panel.list)
	for _, item := range test.LaidOutObjects(ws.panel.list) {
		if fmt.Sprintf("%T", item) != "*widget.listItem" {
			continue
		}
		for _, o := range test.LaidOutObjects(item) {
			tr, ok := o.(*tapRow)
			if ok && tr.content.(*fyne.Container).Objects[0].(*rowLabel).full == want {
				at := origin.Add(item.Position()).AddXY(item.Size().Width/2, item.Size().Height/2)
				test.TapCanvas(ws.win.Canvas(), at)
				return
			}
		}
	}
	t.Fatalf("no panel row shows %q", want)
}

// TestPanelClickThenKeys clicks a row of the panel and presses keys: they
// act on that annotation, also when its row was already selected.
func TestPanelClickThenKeys(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	kim := offsetOf(t, ws, "Kim Jong Un", 0)
	drag(t, ws, kim, kim+11)
	key(ws, 'p')
	seoul := offsetOf(t, ws, "SEOUL", 0)
	drag(t, ws, seoul, seoul+5)
	key(ws, 'l')
	kimA, _ := find(onDisk(t, ws), kim, kim+11)

	tapPanelRow(t, ws, kimA.ID)
	if ws.active != kimA.ID {
		t.Fatalf("clicking Kim's row selected %q, want %q", ws.active, kimA.ID)
	}
	test.Type(ws.win.Canvas().Focused(), "o")
	if a, _ := find(onDisk(t, ws), kim, kim+11); a.Label != "ORG" {
		t.Errorf("o after clicking the row: label on disk %q, want ORG", a.Label)
	}

	// The row is selected already; a second click still hands the keys on.
	ws.win.Canvas().Focus(ws.panel.list)
	tapPanelRow(t, ws, kimA.ID)
	ws.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if _, ok := find(onDisk(t, ws), kim, kim+11); ok {
		t.Error("Delete after clicking the selected row left the annotation on disk")
	}
	if _, ok := find(onDisk(t, ws), seoul, seoul+5); !ok {
		t.Error("Delete removed another annotation")
	}
}
