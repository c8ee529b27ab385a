package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
)

// TestLeftSessionKept switches between three documents: the one left
// last keeps its session, so that going back does not load it again; one
// left before it is forgotten unless it has an undo history.
func TestLeftSessionKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.spanmark")
	st, err := open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		text := fmt.Sprintf("%s\nPart %d.\n", annotatetest.Text(t, "article.txt"), i)
		if _, err := st.AddDocument(annotate.Document{Title: fmt.Sprint("part ", i), Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	ws := openTestWorkspace(t, path)
	infos, err := ws.store.Documents()
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := infos[0].ID, infos[1].ID, infos[2].ID
	open := func(id string) {
		t.Helper()
		if err := ws.openDocument(id); err != nil {
			t.Fatal(err)
		}
	}
	open(a)
	first := ws.sess
	open(b)
	open(a)
	if ws.sess != first {
		t.Errorf("going back to the document just left loaded its session again")
	}
	open(b)
	open(c)
	if _, ok := ws.sessions[a]; ok {
		t.Errorf("the session of %s, left two switches ago without edits, is still kept", a)
	}
	if _, ok := ws.sessions[b]; !ok {
		t.Errorf("the session of %s, left last, is not kept", b)
	}

	// An edit's history keeps its session however many switches follow.
	kim := offsetOf(t, ws, "Kim Jong Un", 0)
	drag(t, ws, kim, kim+11)
	key(ws, 'p')
	edited := ws.sess
	open(a)
	open(b)
	open(a)
	open(c)
	if ws.sess != edited {
		t.Errorf("the session with an undo history was loaded again")
	}
	if _, can := ws.sess.CanUndo(); !can {
		t.Errorf("the edit cannot be undone after the switches")
	}
}
