//go:build ci

package app

import (
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
