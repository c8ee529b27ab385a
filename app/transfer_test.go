package app

import (
	"testing"

	"spanmark/storage"
)

// TestCompactFromApp compacts the open project through File → Compact:
// the window closes the file, compacts it and opens it again on the same
// document with everything in place.
func TestCompactFromApp(t *testing.T) {
	ws, path := newTestWorkspace(t, "article.txt", "unicode.txt")
	ws.cfg.Compact = storage.CompactFile
	start := offsetOf(t, ws, "Pyongyang", 0)
	if _, err := ws.sess.Tag(start, start+9, "LOC"); err != nil {
		t.Fatal(err)
	}
	doc := ws.sess.Document().ID
	ws.compactProject()
	if ws.store == nil || ws.store.Path() != path || ws.sess == nil || ws.sess.Document().ID != doc {
		t.Fatal("after compacting, the project is not open again on the same document")
	}
	if got := ws.sess.Annotations(); len(got) != 1 || ws.sess.Text(got[0].Start, got[0].End) != "Pyongyang" {
		t.Errorf("after compacting the document has %+v", got)
	}
}
