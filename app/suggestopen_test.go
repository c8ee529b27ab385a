//go:build ci

package app

import (
	"slices"
	"strings"
	"testing"

	"spanmark/app/apptest"
)

// stepWorkspace is suggestWorkspace with Shoigu tagged PERSON in the
// article and its background work held, for the test to run piece by
// piece (apptest.Runner.Step).
func stepWorkspace(t *testing.T) (*workspace, *apptest.Runner, string) {
	t.Helper()
	ws, other := suggestWorkspace(t)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	r := ws.run.(*apptest.Runner)
	r.Hold = true
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
	r.Step()
	first := suggested(ws)
	if len(first) != 2 || first[0] != "Shoigu/PERSON" {
		t.Fatalf("after the first piece of work the document suggests %v, want its two Shoigus", first)
	}
	if s := ws.status.text(); !strings.Contains(s, plural(2, "suggestion")) {
		t.Errorf("status line %q does not count the 2 suggestions yet", s)
	}
	if r.Held() != 1 || ws.sugg.doc != nil {
		t.Fatalf("%d pieces of work left, want 1: keeping the suggestions up to date", r.Held())
	}
	r.Step()
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
	r.Step()
	tagWord(t, ws, "Shoigu", 0, "ORG")
	meanwhile := suggested(ws)
	for r.Step() {
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
	if r.Held() != 1 {
		t.Fatalf("%d pieces of index work run at once, want 1", r.Held())
	}
	for r.Step() {
	}
	if got := suggested(ws); len(got) != 2 || got[0] != "Shoigu/PERSON" {
		t.Errorf("after the switches the document suggests %v, want its two Shoigus", got)
	}
}
