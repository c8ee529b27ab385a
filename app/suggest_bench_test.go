package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// BenchmarkTagWithSuggestions20000 is BenchmarkTagWith20000 with the
// document's suggestions shown: every tag also tells the project's index
// of the new string, recomputes the suggestions it changes and redraws
// them. The ratio to a bare commit of one key to the same file, measured
// alternately, is the budget: at most 2 (the app's own is 1.5).
func BenchmarkTagWithSuggestions20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	if ws.sugg.doc == nil || ws.sugg.doc.Len() == 0 {
		b.Fatalf("the document has no suggestions to keep up to date (index built: %v)", ws.sugg.x != nil)
	}
	runes := ws.sess.Index().Len()
	view := test.WidgetRenderer(ws.view)
	view.Objects()
	var tag, bare time.Duration
	i := 0
	for b.Loop() {
		// A word the synthetic text repeats, so that the tag changes
		// suggestions across the document, at a place of its own.
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
	b.ReportMetric(float64(ws.sugg.doc.Len()), "suggestions")
	b.ReportMetric(float64(tag.Nanoseconds())/n, "tag-ns/op")
	b.ReportMetric(float64(bare.Nanoseconds())/n, "commit-ns/op")
	b.ReportMetric(float64(tag)/float64(bare), "ratio")
}
