package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"spanmark/app/apptest"
)

// TestLabelChipsWrap narrows the window to what 800×600 pixels are at a
// scale of 2: every chip shows, in rows above the article, none cut off.
func TestLabelChipsWrap(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	run := ws.run.(*apptest.Runner)
	for _, size := range []fyne.Size{{Width: 400, Height: 300}, {Width: 1200, Height: 780}, {Width: 400, Height: 300}} {
		ws.win.Resize(size)
		for len(run.Fire()) > 0 {
		}
		bar := ws.labels.box
		barAt := fyne.CurrentApp().Driver().AbsolutePositionForObject(bar)
		rows := map[float32]bool{}
		for _, c := range bar.Objects {
			p := c.Position()
			if p.X < 0 || p.X+c.Size().Width > bar.Size().Width || p.Y+c.Size().Height > bar.Size().Height {
				t.Errorf("window %v: chip %q at %v size %v is outside the bar %v", size, c.(*chip).label.Name, p, c.Size(), bar.Size())
			}
			rows[p.Y] = true
		}
		if size.Width == 400 && len(rows) < 2 {
			t.Errorf("window %v: chips in %d row, want them wrapped", size, len(rows))
		}
		viewAt := fyne.CurrentApp().Driver().AbsolutePositionForObject(ws.view)
		if viewAt.Y < barAt.Y+bar.Size().Height {
			t.Errorf("window %v: the article starts at y %v, inside the bar (%v high at %v)", size, viewAt.Y, bar.Size().Height, barAt.Y)
		}
	}
}

// TestChipsShowAttributes reads on each chip how many attributes its
// label has, and, with the pointer over it, their names in the status
// line, a required one marked.
func TestChipsShowAttributes(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	schema := ws.schema
	schema.Attributes[0].Required = true // verdict
	ws.labels.setSchema(schema)
	want := map[string]struct{ count, hover string }{
		"CLAIM":  {"2", "CLAIM: verdict*, checkworthy"},
		"SOURCE": {"1", "SOURCE: source type"},
		"PERSON": {"1", "PERSON: kb id"},
	}
	for _, o := range ws.labels.box.Objects {
		c := o.(*chip)
		w, ok := want[c.label.Name]
		if !ok {
			continue
		}
		delete(want, c.label.Name)
		r := test.TempWidgetRenderer(t, c).(*chipRenderer)
		if r.attrs.Text != w.count {
			t.Errorf("chip %s shows %q, want %q", c.label.Name, r.attrs.Text, w.count)
		}
		if right := r.attrs.Position().X + r.attrs.Size().Width; right > c.Size().Width || r.attrs.Position().X < r.text.Position().X+r.text.Size().Width {
			t.Errorf("chip %s: the count spans x %v to %v, want it between the name's end %v and the chip's %v",
				c.label.Name, r.attrs.Position().X, right, r.text.Position().X+r.text.Size().Width, c.Size().Width)
		}
		c.MouseIn(&desktop.MouseEvent{})
		if got := ws.status.hint.Text; got != w.hover {
			t.Errorf("pointer over chip %s: status line %q, want %q", c.label.Name, got, w.hover)
		}
	}
	if len(want) > 0 {
		t.Errorf("no chips for %v", want)
	}
}
