package app

import (
	"testing"

	"fyne.io/fyne/v2"
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

// TestChipsShowAttributes reads, on each chip, the attributes its label
// has, a required one marked.
func TestChipsShowAttributes(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	schema := ws.schema
	schema.Attributes[0].Required = true // verdict
	ws.labels.setSchema(schema)
	want := map[string]string{"CLAIM": "verdict*, checkworthy", "SOURCE": "source type", "PERSON": "kb id"}
	for _, o := range ws.labels.box.Objects {
		c := o.(*chip)
		w, ok := want[c.label.Name]
		if !ok {
			continue
		}
		delete(want, c.label.Name)
		r := test.TempWidgetRenderer(t, c).(*chipRenderer)
		if r.attrs.Text != w {
			t.Errorf("chip %s shows attributes %q, want %q", c.label.Name, r.attrs.Text, w)
		}
		if r.MinSize().Width < r.attrs.MinSize().Width || r.MinSize().Height < r.text.MinSize().Height+r.attrs.MinSize().Height {
			t.Errorf("chip %s is %v, too small for its name above its attributes", c.label.Name, r.MinSize())
		}
	}
	if len(want) > 0 {
		t.Errorf("no chips for %v", want)
	}
}
