package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// linkRow returns the panel's row showing a link: the one with a menu.
func linkRow(t *testing.T, ws *workspace) *tapRow {
	t.Helper()
	ws.lists.flush()
	for _, o := range test.LaidOutObjects(ws.panel.list) {
		if r, ok := o.(*tapRow); ok && r.menu != nil && r.Visible() {
			return r
		}
	}
	t.Fatal("no panel row with a context menu")
	return nil
}

// chooseMenuItem taps the item labelled label of the pop-up menu on top.
func chooseMenuItem(t *testing.T, ws *workspace, label string) {
	t.Helper()
	top := ws.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no menu open")
	}
	for _, o := range test.LaidOutObjects(top) {
		item, ok := o.(fyne.Tappable)
		if !ok || fmt.Sprintf("%T", o) != "*widget.menuItem" {
			continue
		}
		for _, c := range test.LaidOutObjects(o) {
			if tx, ok := c.(*canvas.Text); ok && tx.Text == label {
				item.Tapped(&fyne.PointEvent{})
				return
			}
		}
	}
	t.Fatalf("no menu item %q", label)
}

// TestPanelLinkMenu right-clicks the link row of the panel: its menu
// removes the link (one undoable edit) or selects the source; other rows
// have no menu.
func TestPanelLinkMenu(t *testing.T) {
	ws := linkedWorkspace(t)
	rel := ws.sess.Relations()[0]
	n := 0
	for _, o := range test.LaidOutObjects(ws.panel.list) {
		if r, ok := o.(*tapRow); ok && r.Visible() && r.menu != nil {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d panel rows with a context menu, want 1 (the link row)", n)
	}

	linkRow(t, ws).TappedSecondary(&fyne.PointEvent{AbsolutePosition: fyne.NewPos(1000, 300)})
	chooseMenuItem(t, ws, "Select source")
	if ws.active != rel.To {
		t.Errorf("Select source selected %q, want the source %q", ws.active, rel.To)
	}

	linkRow(t, ws).TappedSecondary(&fyne.PointEvent{AbsolutePosition: fyne.NewPos(1000, 300)})
	chooseMenuItem(t, ws, "Remove link")
	if got := len(onDisk(t, ws).Relations); got != 0 {
		t.Errorf("%d relations on disk after Remove link, want 0", got)
	}
	if got := len(onDisk(t, ws).Annotations); got != 2 {
		t.Errorf("%d annotations on disk after Remove link, want 2", got)
	}
	ws.undo()
	if got := len(onDisk(t, ws).Relations); got != 1 {
		t.Errorf("%d relations on disk after Undo, want 1", got)
	}
}
