package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
)

// linkedWorkspace opens the article with a claim linked to its source,
// made as a person makes them, and nothing selected.
func linkedWorkspace(t *testing.T) *workspace {
	t.Helper()
	ws, _ := newTestWorkspace(t, "article.txt")
	claim := "fraternal help from the Korean people"
	cs := offsetOf(t, ws, claim, 0)
	drag(t, ws, cs, cs+annotate.RuneLen(claim))
	key(ws, 'c')
	ss := offsetOf(t, ws, "Shoigu said.", 0)
	drag(t, ws, ss, ss+6)
	key(ws, 's')
	tap(t, ws, cs+2)
	key(ws, 'a')
	tap(t, ws, ss+2)
	if n := len(ws.sess.Relations()); n != 1 {
		t.Fatalf("%d relations after linking, want 1", n)
	}
	ws.setActive("")
	ws.lists.flush()
	return ws
}

// drawn returns the canvas objects of the article view's current frame.
func drawn(t *testing.T, ws *workspace) []fyne.CanvasObject {
	t.Helper()
	return test.TempWidgetRenderer(t, ws.view).Objects()
}

// countLines counts the line segments in objs: the links' arrows.
func countLines(objs []fyne.CanvasObject) int {
	n := 0
	for _, o := range objs {
		if _, ok := o.(*canvas.Line); ok {
			n++
		}
	}
	return n
}

// removeButtons returns the visible remove buttons of the annotation
// panel's rows.
func removeButtons(ws *workspace) []*widget.Button {
	var out []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Icon == theme.DeleteIcon() {
			out = append(out, b)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				walk(x)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, x := range test.WidgetRenderer(w).Objects() {
				walk(x)
			}
		}
	}
	walk(ws.panel.object())
	return out
}

// TestPanelRemovesALink presses the remove button of the link row in the
// panel: the relation goes from the file, the panel and the article view,
// in one step that Undo takes back.
func TestPanelRemovesALink(t *testing.T) {
	ws := linkedWorkspace(t)
	claim := ws.sess.Relations()[0].From
	ws.setActive(claim)
	if countLines(drawn(t, ws)) == 0 {
		t.Fatal("the selected claim's link is not drawn")
	}
	buttons := removeButtons(ws)
	if len(buttons) != 1 {
		t.Fatalf("%d remove buttons in the panel, want 1 (on the link row)", len(buttons))
	}
	test.Tap(buttons[0])
	if n := len(onDisk(t, ws).Relations); n != 0 {
		t.Errorf("%d relations on disk after removing the link, want 0", n)
	}
	if n := len(onDisk(t, ws).Annotations); n != 2 {
		t.Errorf("%d annotations on disk after removing the link, want 2", n)
	}
	if n := countLines(drawn(t, ws)); n != 0 {
		t.Errorf("%d link segments drawn after removing the link, want 0", n)
	}
	ws.lists.flush()
	for _, row := range ws.panel.rows {
		if row.linked {
			t.Errorf("the panel still lists the source under its claim: %+v", row)
		}
	}
	if n := len(removeButtons(ws)); n != 0 {
		t.Errorf("%d remove buttons after removing the link, want 0", n)
	}

	ws.undo()
	if n := len(onDisk(t, ws).Relations); n != 1 {
		t.Errorf("%d relations on disk after Undo, want 1", n)
	}
	if countLines(drawn(t, ws)) == 0 {
		t.Error("the link is not drawn again after Undo")
	}
}

// TestViewToggles turns on View → Show all links and Show label names:
// the view draws every link with nothing selected and a tag naming each
// label, and a new window on the same app starts with both on.
func TestViewToggles(t *testing.T) {
	ws := linkedWorkspace(t)
	tags := func() map[string]bool {
		got := map[string]bool{}
		for _, o := range drawn(t, ws) {
			if tx, ok := o.(*canvas.Text); ok {
				got[tx.Text] = true
			}
		}
		return got
	}
	ws.view.ScrollTo(offsetOf(t, ws, "Shoigu said.", 0))
	if n := countLines(drawn(t, ws)); n != 0 {
		t.Fatalf("%d link segments drawn with nothing selected, want 0", n)
	}
	if tags()["CLAIM"] {
		t.Fatal("a CLAIM tag is drawn before Show label names")
	}
	ws.allLinksItem.Action()
	ws.labelsItem.Action()
	// The tags move the lines apart: the source may have left the view.
	ws.view.ScrollTo(offsetOf(t, ws, "Shoigu said.", 0))
	if n := countLines(drawn(t, ws)); n == 0 {
		t.Error("Show all links draws no link")
	}
	if got := tags(); !got["CLAIM"] || !got["SOURCE"] {
		t.Errorf("texts drawn %v, want the tags CLAIM and SOURCE", got)
	}
	if !ws.allLinksItem.Checked || !ws.labelsItem.Checked {
		t.Error("the menu items are not checked")
	}

	again := newWorkspace(ws.app, ws.app.NewWindow("again"), ws.cfg, ws.run)
	if !again.allLinksItem.Checked || !again.labelsItem.Checked {
		t.Error("a new window does not start with the toggles kept in the preferences")
	}

	ws.allLinksItem.Action()
	ws.labelsItem.Action()
	if n := countLines(drawn(t, ws)); n != 0 {
		t.Errorf("%d link segments drawn after turning Show all links off, want 0", n)
	}
	if tags()["CLAIM"] {
		t.Error("the CLAIM tag is still drawn after turning Show label names off")
	}
}
