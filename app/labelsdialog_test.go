package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"spanmark/annotate"
)

// TestAddLabelRow adds labels until they overflow the dialog: each new
// row is scrolled into view and has a colour no other label has.
func TestAddLabelRow(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	ws.win.Resize(fyne.NewSize(800, 600))
	e := ws.showLabelsDialog()
	colors := map[string]bool{}
	for _, r := range e.rows {
		colors[hexColor(r.color)] = true
	}
	for i := range 4 {
		e.addLabel()
		r := e.rows[len(e.rows)-1]
		top := r.name.Position().Y
		if top < e.scroll.Offset.Y || top+r.name.Size().Height > e.scroll.Offset.Y+e.scroll.Size().Height {
			t.Errorf("new row %d at y %v..%v is outside the view %v..%v", i, top, top+r.name.Size().Height, e.scroll.Offset.Y, e.scroll.Offset.Y+e.scroll.Size().Height)
		}
		c := hexColor(r.color)
		if colors[c] {
			t.Errorf("new row %d has colour %s, which another label has", i, c)
		}
		colors[c] = true
		r.name.SetText("NEW" + string(rune('A'+i)))
	}
	if _, _, err := schemaFromRows(ws.schema, e.rows); err != nil {
		t.Errorf("the new labels do not make a schema: %v", err)
	}
}

func TestUnusedColor(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	row := func(c string, removed bool) *labelRow {
		r := ws.newLabelRow(annotate.Label{Name: "X", Kind: annotate.KindEntity, Color: c}, "")
		r.removed = removed
		return r
	}
	all := make([]*labelRow, len(newLabelColors))
	for i, c := range newLabelColors {
		all[i] = row(c, false)
	}
	for _, c := range []struct {
		name string
		rows []*labelRow
		want string
	}{
		{"none", nil, newLabelColors[0]},
		{"first taken", []*labelRow{row(newLabelColors[0], false)}, newLabelColors[1]},
		{"first removed", []*labelRow{row(newLabelColors[0], true)}, newLabelColors[0]},
		{"all taken", all, newLabelColors[0]},
	} {
		if got := unusedColor(c.rows); got != c.want {
			t.Errorf("%s: unusedColor = %s, want %s", c.name, got, c.want)
		}
	}
}

// TestKeyHelpIsASentence checks the help line names the view's keys in
// words, not as a Go slice.
func TestKeyHelpIsASentence(t *testing.T) {
	t.Parallel()
	h := keyHelp()
	if strings.ContainsAny(h, `[]"`) || !strings.HasSuffix(h, ".") || !strings.Contains(h, "a (link") || !strings.Contains(h, "n (edit") {
		t.Errorf("keyHelp = %q, want a sentence naming a and n", h)
	}
}
