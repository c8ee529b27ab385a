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

// BenchmarkFilterTexts10000 types a query into the document filter of a
// synthetic project of 10,000 documents (about 400 words and 20
// annotations each) and times apart what Fyne's goroutine does — the
// keystroke, the title filter, starting the search once typing pauses —
// and the search of every text on the runner, with the list update it
// hands back. ui-ns/op is what could freeze the window; search-ns/op is
// how long until the text matches show.
func BenchmarkFilterTexts10000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.spanmark")
	st, err := open(path, false)
	if err != nil {
		b.Fatal(err)
	}
	docs := synth.Documents(synth.Options{Docs: 10000, WordsPerDoc: 400, AnnotationsPerDoc: 20, Annotator: "bench", Seed: 1})
	if _, err := st.Import(docs); err != nil {
		b.Fatal(err)
	}
	st.Close()
	a := test.NewTempApp(b)
	w := a.NewWindow("Spanmark")
	run := &apptest.Runner{}
	ws := newWorkspace(a, w, Config{Path: path, Open: open}, run)
	if err := ws.openProject(path); err != nil {
		b.Fatal(err)
	}
	w.Resize(fyne.NewSize(1200, 780))
	b.Cleanup(func() { ws.close() })
	run.Hold = true
	queries := []string{"zzqx", "qqzx"} // in no text: every document is read
	var ui, search time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		ws.docs.filter.SetText(queries[i%2])
		run.Fire()
		t1 := time.Now()
		run.Drain()
		t2 := time.Now()
		ui += t1.Sub(t0)
		search += t2.Sub(t1)
		i++
	}
	n := float64(b.N)
	b.ReportMetric(float64(ui.Nanoseconds())/n, "ui-ns/op")
	b.ReportMetric(float64(search.Nanoseconds())/n, "search-ns/op")
}
