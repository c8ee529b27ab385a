package app

import (
	"testing"
	"time"

	"spanmark/storage"
)

// transfers returns a channel that receives once every time an import or
// export of ws has finished and shown its result.
func transfers(ws *workspace) <-chan struct{} {
	done := make(chan struct{}, 4)
	ws.onTransferDone = func() { done <- struct{}{} }
	return done
}

func wait(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}

// TestCompactFromApp compacts the open project through File → Compact:
// the window closes the file, compacts it and opens it again on the same
// document with everything in place.
func TestCompactFromApp(t *testing.T) {
	ws, path := newTestWorkspace(t, "article.txt", "unicode.txt")
	ws.cfg.Compact = storage.CompactFile
	done := transfers(ws)
	start := offsetOf(t, ws, "Pyongyang", 0)
	if _, err := ws.sess.Tag(start, start+9, "LOC"); err != nil {
		t.Fatal(err)
	}
	doc := ws.sess.Document().ID
	ws.compactProject()
	wait(t, done, "the compaction")
	if ws.store == nil || ws.store.Path() != path || ws.sess == nil || ws.sess.Document().ID != doc {
		t.Fatal("after compacting, the project is not open again on the same document")
	}
	if got := ws.sess.Annotations(); len(got) != 1 || ws.sess.Text(got[0].Start, got[0].End) != "Pyongyang" {
		t.Errorf("after compacting the document has %+v", got)
	}
}
