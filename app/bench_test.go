package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spanmark/annotate/synth"
	"spanmark/app/apptest"
)

// benchWorkspace opens a window on a project holding one synthetic
// document of about 1 MB with the given number of annotations.
func benchWorkspace(b *testing.B, annotations int) *workspace {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.spanmark")
	st, err := open(path, false)
	if err != nil {
		b.Fatal(err)
	}
	docs := synth.Documents(synth.Options{Docs: 1, WordsPerDoc: 170000, AnnotationsPerDoc: annotations, Annotator: "bench", Seed: 1})
	if _, err := st.Import(docs); err != nil {
		b.Fatal(err)
	}
	st.Close()
	a := test.NewTempApp(b)
	w := a.NewWindow("Spanmark")
	ws := newWorkspace(a, w, Config{Path: path, Open: open}, &apptest.Runner{})
	if err := ws.openProject(path); err != nil {
		b.Fatal(err)
	}
	w.Resize(fyne.NewSize(1200, 780))
	b.Cleanup(func() { ws.close() })
	return ws
}

// BenchmarkTagWith20000 measures what a person waits for when pressing a
// hotkey on a document with 20,000 annotations — the session's edit, its
// bbolt commit, and the view's next frame (the panel and the counts wait
// for a pause in the edits) — against one bare commit of one key to the
// same file, alternating the two so that both see the same machine load.
// The ratio metric is the budget's: at most 1.5.
func BenchmarkTagWith20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	runes := ws.sess.Index().Len()
	view := test.WidgetRenderer(ws.view)
	view.Objects()
	var tag, bare time.Duration
	i := 0
	for b.Loop() {
		start := (i * 7919) % (runes - 10)
		i++
		ws.view.SetSelection(start, start+5)
		t0 := time.Now()
		ws.tagWith("MISC")
		view.Objects() // the frame Fyne paints next
		t1 := time.Now()
		if err := ws.store.SetAnnotator("bench"); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		tag += t1.Sub(t0)
		bare += t2.Sub(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(tag.Nanoseconds())/n, "tag-ns/op")
	b.ReportMetric(float64(bare.Nanoseconds())/n, "commit-ns/op")
	b.ReportMetric(float64(tag)/float64(bare), "ratio")
}

// BenchmarkOpenDocument20000 measures opening a 1 MB document with 20,000
// annotations: loading it, laying it out and drawing the first screen.
func BenchmarkOpenDocument20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	id := ws.sess.Document().ID
	for b.Loop() {
		if err := ws.openDocument(id); err != nil {
			b.Fatal(err)
		}
		test.WidgetRenderer(ws.view).Objects() // the first frame
	}
}
