//go:build ci

package app

import (
	"slices"
	"testing"

	"spanmark/app/apptest"
)

// TestProblemsEditDuringCheck checks that an edit made while a check of
// the open document runs is listed: by that check, which reads the
// document as committed when it runs rather than a copy made when it was
// asked for, and by the check the edit asks for, which must not lose it.
func TestProblemsEditDuringCheck(t *testing.T) {
	ws := openPlanted(t)
	openTitled(t, ws, "Planted")
	ws.showProblems()
	run := ws.run.(*apptest.Runner)
	run.Hold = true
	ws.setActive("boundary-space")
	ws.deleteActive()
	run.Fire() // the pause: the check starts, and runs until Drain
	start := offsetOf(t, ws, "left ", 0)
	ws.view.SetSelection(start, start+len("left "))
	ws.tagWith("MISC") // made while the check runs
	added := ws.active
	want := "boundary-space " + added
	for i, step := range []string{"the check running during the tag", "the check the tag asked for"} {
		if i > 0 {
			run.Fire()
		}
		run.Drain()
		rows := problemRows(ws)
		if !slices.Contains(rows, want) {
			t.Errorf("after %s, %q is not listed: %q", step, want, rows)
		}
		if slices.Contains(rows, "boundary-space boundary-space") {
			t.Errorf("after %s, the deleted annotation's finding is still listed", step)
		}
	}
}
