//go:build ci

package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
)

// openTwoArticles opens a project of two documents with the sample
// article's text and a note after it, so that one search finds results
// in both.
func openTwoArticles(t *testing.T) *workspace {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.spanmark")
	st, err := open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	text := annotatetest.Text(t, "article.txt")
	for _, d := range []annotate.Document{{Title: "First", Text: text}, {Title: "Second", Text: text + "\nRussia again.\n"}} {
		if _, err := st.AddDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	return openTestWorkspace(t, path)
}

// countLabel counts the annotations of label in every document, as the
// file holds them.
func countLabel(t *testing.T, ws *workspace, label string) map[string]int {
	t.Helper()
	n := make(map[string]int)
	err := ws.store.Each(func(d *annotate.DocumentData) error {
		for _, a := range d.Annotations {
			if a.Label == label {
				n[d.Document.Title]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestProjectSearchTagAllUndo(t *testing.T) {
	ws := openTwoArticles(t)
	ws.showProjectSearch()
	v := ws.projectSearch.view
	test.Type(v.query, "Russia")
	v.word.SetChecked(true) // not "Russian"
	settle(ws)
	if got := len(ws.projectSearch.results); got != 19 {
		t.Fatalf("%d results for the whole word Russia, want 9 + 10", got)
	}
	r := ws.projectSearch.results[0]
	if r.Match != "Russia" || r.DocumentTitle != "First" {
		t.Errorf("first row %+v", r)
	}
	// A click on a row of the other document opens it and selects the
	// match.
	v.table.Select(widget.TableCellID{Row: 18, Col: 2})
	if ws.sess.Document().Title != "Second" {
		t.Fatalf("the row opened %q", ws.sess.Document().Title)
	}
	if s, e := ws.view.Selection(); ws.sess.Text(s, e) != "Russia" {
		t.Errorf("selection %q", ws.sess.Text(s, e))
	}
	v.tagLabel.SetSelected("LOC")
	test.Tap(v.tagAllBtn)
	if got := countLabel(t, ws, "LOC"); got["First"] != 9 || got["Second"] != 10 {
		t.Fatalf("after Tag all: LOC %v", got)
	}
	if v.undo.Disabled() || v.undo.Text != "Undo Tag 19 results" {
		t.Errorf("undo button %q, disabled %v", v.undo.Text, v.undo.Disabled())
	}
	// The rows now carry the label they were given.
	if l := ws.projectSearch.results[0].Labels; len(l) != 1 || l[0] != "LOC" {
		t.Errorf("labels on the first row %q", l)
	}
	// An annotation of its own, made after Tag all, survives its undo.
	ws.view.SetSelection(0, 5)
	ws.tagWith("LOC")
	test.Tap(v.undo)
	if got := countLabel(t, ws, "LOC"); got["First"] != 0 || got["Second"] != 1 {
		t.Errorf("after undo: LOC %v, want only the hand-made one", got)
	}
	if !v.undo.Disabled() {
		t.Error("undo still offered")
	}
	// Esc closes the window.
	v.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.visible {
		t.Error("Esc left the window open")
	}
}

func TestLeftContextKeepsItsEnd(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"short", "short"},
		{strings.Repeat("a", 40) + " “Shoigu’s”", "…" + strings.Repeat("a", 21) + " “Shoigu’s”"},
	} {
		if got := lastRunes(tt.in, leftContextRunes); got != tt.want {
			t.Errorf("lastRunes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
