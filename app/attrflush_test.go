package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
)

// TestTextAttributeKeptAcrossSwitch types a document's topic and a
// claim's note-like text value, then leaves each for another document
// before pressing Enter or clicking elsewhere, as Ctrl+PgDn does: the
// typed text is saved on the document it was typed for, and nothing
// lands on the document opened next.
func TestTextAttributeKeptAcrossSwitch(t *testing.T) {
	tests := []struct {
		name  string
		leave func(ws *workspace)
	}{
		{"next document", func(ws *workspace) { ws.stepDocument(1) }},
		{"close project", func(ws *workspace) { _ = ws.close() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, path := newTestWorkspace(t, "article.txt", "unicode.txt")
			first := ws.sess.Document().ID
			topic := field(t, ws, true, "topic").entry
			ws.win.Canvas().Focus(topic)
			test.Type(topic, "defence")
			tt.leave(ws)
			st, err := open(path, true)
			if ws.store != nil {
				st, err = ws.store, nil
			}
			if err != nil {
				t.Fatal(err)
			}
			infos, err := st.Documents()
			if err != nil {
				t.Fatal(err)
			}
			for _, info := range infos {
				d, err := st.Load(info.ID)
				if err != nil {
					t.Fatal(err)
				}
				want := annotate.Attributes(nil)
				if info.ID == first {
					want = annotate.AttributesOf(map[string]annotate.AttrValue{"topic": annotate.StringValue("defence")})
				}
				if got := d.Document.Attributes; !got.Equal(want) {
					t.Errorf("document %s (first %v): attributes %v, want %v", info.ID, info.ID == first, got, want)
				}
			}
			if ws.store == nil {
				st.Close()
			}
		})
	}
}
