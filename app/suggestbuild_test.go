//go:build ci

package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/annotatetest"
	"spanmark/app/apptest"
)

// startRunner is the runner as it is on start-up, before Fyne's loop
// runs: work runs on its own goroutine, once gate is closed, and what
// follows it waits in late until the test delivers it.
type startRunner struct {
	apptest.Runner
	gate chan struct{}
	late []func()
}

func (r *startRunner) Go(work func() error, done func(error)) {
	result := make(chan error, 1)
	go func() {
		<-r.gate
		result <- work()
	}()
	r.late = append(r.late, func() { done(<-result) })
}

// deliver runs what the loop would deliver, and what that starts.
func (r *startRunner) deliver() {
	for len(r.late) > 0 {
		f := r.late[0]
		r.late = r.late[1:]
		f()
	}
}

// startWorkspace opens a project of the sample article, its first
// Shoigu tagged PERSON, on a startRunner whose gate is open if gateOpen.
func startWorkspace(t *testing.T, gateOpen bool) (*workspace, *startRunner) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.spanmark")
	st, err := open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	text := annotatetest.Text(t, "article.txt")
	d, err := st.AddDocument(annotate.Document{Title: "article", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	start := annotate.RuneLen(text[:strings.Index(text, "Shoigu")])
	a := annotate.Annotation{ID: "a1", DocumentID: d.ID, Start: start, End: start + 6, Label: "PERSON", Annotator: "t"}
	if err := st.Apply(d.ID, annotate.Edit{PutAnnotations: []annotate.Annotation{a}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	run := &startRunner{gate: make(chan struct{})}
	if gateOpen {
		close(run.gate)
	}
	app := test.NewTempApp(t)
	w := app.NewWindow("Spanmark")
	w.Resize(fyne.NewSize(1200, 780))
	ws := newWorkspace(app, w, Config{Path: path, Open: open}, run)
	if err := ws.openProject(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		select {
		case <-run.gate:
		default:
			close(run.gate)
		}
		run.deliver()
		ws.close()
	})
	return ws, run
}

// TestFirstPaintTakesSmallBuild checks that the window's first paint has
// the suggestions in view of a small project: awaitBuild takes the
// index's build before Fyne's loop would deliver it, and the late
// delivery changes nothing.
func TestFirstPaintTakesSmallBuild(t *testing.T) {
	ws, run := startWorkspace(t, true)
	second := offsetOf(t, ws, "Shoigu", 1)
	if got := ws.sugg.spansIn(nil, 0, second+6); len(got) != 0 {
		t.Fatalf("before the build the view has suggestions %v", got)
	}
	ws.sugg.awaitBuild(10 * time.Second)
	got := ws.sugg.spansIn(nil, 0, second+6)
	if len(got) != 1 || got[0].Start != second || got[0].Label != "PERSON" {
		t.Fatalf("after awaitBuild the view has %v, want the second Shoigu as PERSON", got)
	}
	x := ws.sugg.x
	typeKey(ws, fyne.KeyTab) // select it
	if !ws.sugg.selected() {
		t.Fatal("Tab selected no suggestion")
	}
	run.deliver() // the loop's late delivery of the build, and the document's Open
	if ws.sugg.x != x || !ws.sugg.selected() {
		t.Errorf("the late delivery built again (index %p → %p, selected %v)", x, ws.sugg.x, ws.sugg.selected())
	}
}

// TestFirstPaintWaits checks how long the window waits for a build that
// is not done: a small project's up to the given time, a big one's not
// at all; either is shown when the loop delivers it.
func TestFirstPaintWaits(t *testing.T) {
	for _, big := range []bool{false, true} {
		t.Run(map[bool]string{false: "small", true: "big"}[big], func(t *testing.T) {
			if big {
				old := limitFrom
				limitFrom = 1
				t.Cleanup(func() { limitFrom = old })
			}
			ws, run := startWorkspace(t, false) // the build cannot start
			wait := 100 * time.Millisecond
			t0 := time.Now()
			ws.sugg.awaitBuild(wait)
			waited := time.Since(t0)
			if big && waited > wait/2 || !big && waited < wait {
				t.Errorf("waited %v for the build (max %v)", waited, wait)
			}
			if ws.sugg.x != nil {
				t.Fatal("an index without a build")
			}
			close(run.gate)
			run.deliver()
			if ws.sugg.x == nil {
				t.Error("the loop's delivery did not show the build")
			}
		})
	}
}
