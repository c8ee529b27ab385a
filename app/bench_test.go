package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/synth"
	"spanmark/app/apptest"
)

// benchWorkspace opens a window on a project holding one synthetic
// document of about 1 MB with the given number of annotations.
func benchWorkspace(b *testing.B, annotations int) *workspace {
	b.Helper()
	return benchProject(b, annotations, false)
}

// benchProject is benchWorkspace, with a second document of 10 KB and 200
// annotations if withShort.
func benchProject(b *testing.B, annotations int, withShort bool) *workspace {
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
	if withShort {
		// The second of two 10 KB documents, whose id is not the long one's.
		short := synth.Documents(synth.Options{Docs: 2, WordsPerDoc: 1600, AnnotationsPerDoc: 200, Annotator: "bench", Seed: 1})
		if _, err := st.Import(func(yield func(*annotate.DocumentData, error) bool) {
			for d, err := range short {
				if d.Document.ID != "doc000000" && !yield(d, err) {
					return
				}
			}
		}); err != nil {
			b.Fatal(err)
		}
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
// bbolt commit, and the view's next frame — against one bare commit of
// one key to the same file, alternating the two so that both see the
// same machine load. The ratio metric is the budget's: at most 1.5. What
// waits for a pause in the edits (the panel, the counts, and the index of
// suggestions hearing of the tag, with the frame that shows its new
// suggestions) runs after each tag, timed apart as pause-ns/op, and again
// after each bare commit, so that both follow a pause and the garbage
// and cold caches it leaves.
func BenchmarkTagWith20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	runes := ws.sess.Index().Len()
	view := test.WidgetRenderer(ws.view)
	view.Objects()
	var tag, bare, pause time.Duration
	i := 0
	for b.Loop() {
		start := (i * 7919) % (runes - 10)
		i++
		ws.view.SetSelection(start, start+5)
		t0 := time.Now()
		ws.tagWith("MISC")
		view.Objects() // the frame Fyne paints next
		tag += time.Since(t0)
		pause += benchPause(ws)
		t1 := time.Now()
		if err := ws.store.SetAnnotator("bench"); err != nil {
			b.Fatal(err)
		}
		bare += time.Since(t1)
		benchPause(ws)
	}
	n := float64(b.N)
	b.ReportMetric(float64(tag.Nanoseconds())/n, "tag-ns/op")
	b.ReportMetric(float64(bare.Nanoseconds())/n, "commit-ns/op")
	b.ReportMetric(float64(pause.Nanoseconds())/n, "pause-ns/op")
	b.ReportMetric(float64(tag)/float64(bare), "ratio")
}

// benchPause runs and times what the pause after a burst of edits runs on
// Fyne's goroutine: the panel and the counts, the index of suggestions
// hearing of the edits, and the frame that shows its new suggestions.
func benchPause(ws *workspace) time.Duration {
	t := time.Now()
	ws.lists.flush()
	test.WidgetRenderer(ws.view).Objects()
	return time.Since(t)
}

// BenchmarkOpenDocument20000 measures opening a 1 MB document with 20,000
// annotations: loading it, laying it out and drawing the first screen.
// The work the app runs off Fyne's goroutine (the document's suggestions)
// does not hold back that frame: it is held here and timed apart, as
// background-ns/op.
func BenchmarkOpenDocument20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	id := ws.sess.Document().ID
	run := ws.run.(*apptest.Runner)
	var background time.Duration
	for b.Loop() {
		run.Hold = true
		if err := ws.openDocument(id); err != nil {
			b.Fatal(err)
		}
		test.WidgetRenderer(ws.view).Objects() // the first frame
		background += drainUntimed(b, run)
	}
	b.ReportMetric(float64(background.Nanoseconds())/float64(b.N), "background-ns/op")
}

// drainUntimed runs the background work run holds, with the benchmark's
// timer stopped, and returns how long it took.
func drainUntimed(b *testing.B, run *apptest.Runner) time.Duration {
	b.StopTimer()
	defer b.StartTimer()
	t := time.Now()
	run.Hold = false
	run.Drain()
	return time.Since(t)
}

// BenchmarkPanelRows20000 measures what the annotation panel's rows cost
// when every visible one shows another annotation, as on a switch to
// another document: the list of a 1 MB document with 20,000 annotations
// jumps between its start and its middle.
func BenchmarkPanelRows20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	ws.lists.flush()
	list := ws.panel.list
	i := 0
	for b.Loop() {
		i++
		list.ScrollTo((i % 2) * len(ws.panel.rows) / 2)
	}
}

// BenchmarkSwitchDocument20000 measures a switch from a 10 KB document to
// the 1 MB one with 20,000 annotations, as Ctrl+PgDn does it: loading
// the session, showing it in the article view, the panel and the counts,
// and laying out the first frame. The metric switch-ns/op is that switch
// alone; ns/op includes the switch back. "first" loads the long
// document's session each time, as the first visit does; "back" goes
// back and forth, as Ctrl+PgDn, Ctrl+PgUp do. The work the app runs off
// Fyne's goroutine (the document's suggestions) does not hold back that
// frame: it is held and timed apart, as background-ns/op, as in
// BenchmarkOpenDocument20000.
func BenchmarkSwitchDocument20000(b *testing.B) {
	for _, first := range []bool{true, false} {
		name := map[bool]string{true: "first", false: "back"}[first]
		b.Run(name, func(b *testing.B) { benchSwitch(b, first) })
	}
}

func benchSwitch(b *testing.B, first bool) {
	ws := benchProject(b, 20000, true)
	long := ws.sess.Document().ID
	short := "doc000001"
	run := ws.run.(*apptest.Runner)
	var d, background time.Duration
	for b.Loop() {
		if err := ws.openDocument(short); err != nil {
			b.Fatal(err)
		}
		test.WidgetRenderer(ws.view).Objects()
		run.Drain()
		if first {
			ws.forgetSession(long)
		}
		run.Hold = true
		t0 := time.Now()
		if err := ws.openDocument(long); err != nil {
			b.Fatal(err)
		}
		test.WidgetRenderer(ws.view).Objects() // the first frame
		d += time.Since(t0)
		background += drainUntimed(b, run)
	}
	b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "switch-ns/op")
	b.ReportMetric(float64(background.Nanoseconds())/float64(b.N), "background-ns/op")
}

// BenchmarkResize20000 measures the window made narrower and wider again
// with the 1 MB document open, as a window manager asks: the layout of
// the window, the panel's rows and the article's first screen at the new
// width. The rest of the article is laid out later, between frames.
func BenchmarkResize20000(b *testing.B) {
	ws := benchWorkspace(b, 20000)
	sizes := []fyne.Size{fyne.NewSize(1000, 780), fyne.NewSize(1200, 780)}
	i := 0
	for b.Loop() {
		ws.win.Resize(sizes[i%2])
		i++
		test.WidgetRenderer(ws.view).Objects() // the first frame
	}
}
