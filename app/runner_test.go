package app

import (
	"errors"
	"slices"
	"testing"
	"time"

	"spanmark/annotate"
	"spanmark/app/apptest"
)

// TestFyneRunnerHandsBackTheError runs work that fails through the app's
// runner: done gets the error, once, after the work.
func TestFyneRunnerHandsBackTheError(t *testing.T) {
	t.Parallel()
	want := errors.New("disk full")
	got := make(chan error, 2)
	var worked bool
	fyneRunner{}.Go(func() error {
		worked = true
		return want
	}, func(err error) {
		if !worked {
			t.Error("done ran before the work")
		}
		got <- err
	})
	select {
	case err := <-got:
		if err != want {
			t.Errorf("done got %v, want %v", err, want)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("done never ran")
	}
	if len(got) != 0 {
		t.Error("done ran twice")
	}
}

// TestListsCatchUpOnceAfterABurst tags three names in a row: the panel
// and the document list's counts wait for the burst to pause, then catch
// up in one run.
func TestListsCatchUpOnceAfterABurst(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	run := ws.run.(*apptest.Runner)
	run.Fire() // what opening the window started: the label bar's second layout
	for _, name := range []string{"Sergei Shoigu", "Kim Jong Un", "Pyongyang"} {
		start := offsetOf(t, ws, name, 0)
		ws.view.SetSelection(start, start+annotate.RuneLen(name))
		ws.tagWith("PERSON")
	}
	if n := annotationRows(ws.panel); n != 0 {
		t.Errorf("the panel lists %d annotations before the burst paused, want 0", n)
	}
	if ds := run.Fire(); !slices.Equal(ds, []time.Duration{listDelay}) {
		t.Errorf("pending runs after the burst waited %v, want one of %v", ds, listDelay)
	}
	if n := annotationRows(ws.panel); n != 3 {
		t.Errorf("the panel lists %d annotations, want 3", n)
	}
	if n := ws.docs.all[0].Annotations; n != 3 {
		t.Errorf("the document list counts %d annotations, want 3", n)
	}
}

// annotationRows counts the rows of p that are annotations.
func annotationRows(p *annPanel) int {
	n := 0
	for _, r := range p.rows {
		if r.heading == "" {
			n++
		}
	}
	return n
}
