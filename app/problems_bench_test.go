package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"spanmark/app/apptest"
)

// BenchmarkTagProblems20000 is BenchmarkTagWith20000 with the Problems
// window open: a hotkey's tag, its commit and the view's next frame, plus
// what the Problems list costs Fyne's goroutine when the edits pause (the
// counts the edit changed, the check started), against one bare commit,
// alternating the two. The ratio is the tag budget's: at most 1.5. The
// check itself runs off Fyne's goroutine (check-ns/op: reading the
// document from the store, checking it, and the list's update when it is
// done), so it is timed apart and not in the ratio, as is the rest of the
// pause (pause-ns/op, see BenchmarkTagWith20000). As there, the tag and
// the bare commit each follow the check and the pause of what came
// before: a bare commit right after the tag's would find the pages the
// tag just wrote in the processor's caches, and cost half as much as one
// after a pause.
func BenchmarkTagProblems20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	run := &apptest.Runner{Hold: true}
	ws.run = run
	ws.showProblems()
	run.Drain() // the first pass over the project
	runes := ws.sess.Index().Len()
	view := test.WidgetRenderer(ws.view)
	view.Objects()
	var tag, bare, check, pause time.Duration
	i := 0
	for b.Loop() {
		start := (i * 7919) % (runes - 10)
		i++
		ws.view.SetSelection(start, start+5)
		t0 := time.Now()
		ws.tagWith("MISC")
		view.Objects()
		ws.problems.refresh.flush() // what the pause after the edit runs
		tag += time.Since(t0)
		t1 := time.Now()
		run.Drain()
		check += time.Since(t1)
		pause += benchPause(ws)
		t2 := time.Now()
		if err := ws.store.SetAnnotator("bench"); err != nil {
			b.Fatal(err)
		}
		bare += time.Since(t2)
		run.Drain()
		benchPause(ws)
	}
	if len(ws.problems.view.rows) == 0 {
		b.Fatal("the Problems list is empty: nothing was checked")
	}
	n := float64(b.N)
	b.ReportMetric(float64(tag.Nanoseconds())/n, "tag-ns/op")
	b.ReportMetric(float64(bare.Nanoseconds())/n, "commit-ns/op")
	b.ReportMetric(float64(check.Nanoseconds())/n, "check-ns/op")
	b.ReportMetric(float64(pause.Nanoseconds())/n, "pause-ns/op")
	b.ReportMetric(float64(tag)/float64(bare), "ratio")
}
