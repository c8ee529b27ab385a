//go:build ci

package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"spanmark/app/apptest"
)

// stepRunner is apptest.Runner whose background work, while hold is set,
// waits until the test runs it piece by piece (step): what is queued is
// what the app would run at the same time.
type stepRunner struct {
	inner *apptest.Runner
	hold  bool
	queue []func()
}

func (r *stepRunner) Go(work func() error, done func(error)) {
	run := func() { done(work()) }
	if r.hold {
		r.queue = append(r.queue, run)
		return
	}
	run()
}

func (r *stepRunner) Do(f func()) { r.inner.Do(f) }

func (r *stepRunner) After(d time.Duration, f func()) func() { return r.inner.After(d, f) }

// step runs the first piece of work queued; it reports whether there was one.
func (r *stepRunner) step() bool {
	if len(r.queue) == 0 {
		return false
	}
	run := r.queue[0]
	r.queue = r.queue[1:]
	run()
	return true
}

// stepWorkspace is suggestWorkspace with Shoigu tagged PERSON in the
// article and its background work held by a stepRunner.
func stepWorkspace(t *testing.T) (*workspace, *stepRunner, string) {
	t.Helper()
	ws, other := suggestWorkspace(t)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	r := &stepRunner{inner: ws.run.(*apptest.Runner), hold: true}
	ws.run = r
	return ws, r, other
}

// TestDocumentSuggestionsShowBeforeKept opens a document whose
// suggestions take two pieces of background work: the first, the list
// alone, shows them and counts them; the second makes them follow edits
// and shows the same.
func TestDocumentSuggestionsShowBeforeKept(t *testing.T) {
	ws, r, other := stepWorkspace(t)
	if err := ws.openDocument(other); err != nil {
		t.Fatal(err)
	}
	if got := suggested(ws); len(got) != 0 {
		t.Fatalf("suggestions before any work ran: %v", got)
	}
	r.step()
	first := suggested(ws)
	if len(first) != 2 || first[0] != "Shoigu/PERSON" {
		t.Fatalf("after the first piece of work the document suggests %v, want its two Shoigus", first)
	}
	if s := ws.status.text(); !strings.Contains(s, plural(2, "suggestion")) {
		t.Errorf("status line %q does not count the 2 suggestions yet", s)
	}
	if len(r.queue) != 1 || ws.sugg.doc != nil {
		t.Fatalf("%d pieces of work left, want 1: keeping the suggestions up to date", len(r.queue))
	}
	r.step()
	if got := suggested(ws); !slices.Equal(got, first) {
		t.Errorf("once kept up to date the document suggests %v, want %v as before", got, first)
	}
}

// TestEditHidesEarlySuggestions edits the document between the two
// pieces of work: the list of the first no longer holds (Shoigu is now
// ORG as often as PERSON, so the other Shoigu is suggested both), so
// the view shows either nothing more than the store's or what it shows
// once the second piece ran, never the old list.
func TestEditHidesEarlySuggestions(t *testing.T) {
	ws, r, other := stepWorkspace(t)
	if err := ws.openDocument(other); err != nil {
		t.Fatal(err)
	}
	r.step()
	tagWord(t, ws, "Shoigu", 0, "ORG")
	meanwhile := suggested(ws)
	for r.step() {
	}
	final := suggested(ws)
	if !slices.Contains(final, "Shoigu/ORG") {
		t.Fatalf("once kept up to date the document suggests %v, want the other Shoigu as ORG too", final)
	}
	if len(meanwhile) > 0 && !slices.Equal(meanwhile, final) {
		t.Errorf("between the edit and the second piece of work the document suggests %v, want none or %v", meanwhile, final)
	}
}

// TestSwitchesRunOneIndexWorkAtATime switches documents three times
// before any background work ran: the index may not be read and grown by
// two pieces at once, so one runs and only the last document's waits;
// the document shown gets its suggestions.
func TestSwitchesRunOneIndexWorkAtATime(t *testing.T) {
	ws, r, other := stepWorkspace(t)
	article := ws.sess.Document().ID
	for _, id := range []string{other, article, other} {
		if err := ws.openDocument(id); err != nil {
			t.Fatal(err)
		}
	}
	if len(r.queue) != 1 {
		t.Fatalf("%d pieces of index work run at once, want 1", len(r.queue))
	}
	for r.step() {
	}
	if got := suggested(ws); len(got) != 2 || got[0] != "Shoigu/PERSON" {
		t.Errorf("after the switches the document suggests %v, want its two Shoigus", got)
	}
}
