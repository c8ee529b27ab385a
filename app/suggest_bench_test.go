package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// BenchmarkTagWithSuggestions20000 is BenchmarkTagWith20000 with the
// document's suggestions shown: the next frame draws the suggestions in
// view, and when the edits pause the project's index hears of the new
// string, which recomputes the suggestions it changes (timed apart, with
// the rest of the pause and its frame, as pause-ns/op). Each round times
// three things alternately, so that all see the same machine load: a tag
// with the suggestions, a tag without them (the layer detached for that
// tag), and a bare commit of one key to the same file. ratio (with
// suggestions, to the bare commit) is the budget: at most 2 (the
// app's own is 1.5); ratio-without is the same tag without suggestions;
// suggest-ns/op is what the suggestions add to a tag's path.
func BenchmarkTagWithSuggestions20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	if ws.sugg.doc == nil || ws.sugg.doc.Len() == 0 {
		b.Fatalf("the document has no suggestions to keep up to date (index built: %v)", ws.sugg.x != nil)
	}
	runes := ws.sess.Index().Len()
	view := test.WidgetRenderer(ws.view)
	view.Objects()
	var with, without, bare, pause time.Duration
	i := 0
	tag := func() time.Duration {
		start := (i * 7919) % (runes - 10)
		i++
		ws.view.SetSelection(start, start+5)
		t0 := time.Now()
		ws.tagWith("MISC")
		view.Objects() // the frame Fyne paints next
		return time.Since(t0)
	}
	for b.Loop() {
		with += tag()
		pause += benchPause(ws)

		anns := ws.sugg.anns
		ws.sugg.anns = nil // changed() does nothing
		ws.view.SetSuggestions(nil)
		view.Objects()
		without += tag()
		benchPause(ws)
		ws.sugg.anns = anns
		ws.sugg.show()

		t0 := time.Now()
		if err := ws.store.SetAnnotator("bench"); err != nil {
			b.Fatal(err)
		}
		bare += time.Since(t0)
		benchPause(ws) // each of the three follows a pause
	}
	n := float64(b.N)
	b.ReportMetric(float64(ws.sugg.doc.Len()), "suggestions")
	b.ReportMetric(float64(with.Nanoseconds())/n, "tag-ns/op")
	b.ReportMetric(float64((with-without).Nanoseconds())/n, "suggest-ns/op")
	b.ReportMetric(float64(bare.Nanoseconds())/n, "commit-ns/op")
	b.ReportMetric(float64(pause.Nanoseconds())/n, "pause-ns/op")
	b.ReportMetric(float64(with)/float64(bare), "ratio")
	b.ReportMetric(float64(without)/float64(bare), "ratio-without")
}
