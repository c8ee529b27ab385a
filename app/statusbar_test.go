package app

import (
	"slices"
	"strings"
	"testing"

	"spanmark/app/apptest"
)

// TestStatusMessagesClear presses a with nothing selected: the message
// saying why goes after a few seconds, or at the next action; in link
// mode the instruction comes back after it.
func TestStatusMessagesClear(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	run := ws.run.(*apptest.Runner)
	run.Fire() // what opening the document started
	const why = "Select a claim first"
	shows := func(s string) bool { return strings.Contains(ws.status.text(), s) }

	key(ws, 'a')
	if !shows(why) {
		t.Fatalf("status %q does not say %q", ws.status.text(), why)
	}
	if ds := run.Fire(); !slices.Contains(ds, messageDelay) || shows(why) {
		t.Errorf("after timers %v the status still says %q", ds, ws.status.text())
	}

	key(ws, 'a')
	kim := offsetOf(t, ws, "Kim Jong Un", 0)
	drag(t, ws, kim, kim+11)
	if shows(why) {
		t.Errorf("after a selection the status still says %q", ws.status.text())
	}

	// Link mode: a wrong click says so; then the instruction is back.
	claim := offsetOf(t, ws, "fraternal help", 0)
	drag(t, ws, claim, claim+14)
	key(ws, 'c')
	tap(t, ws, claim+2)
	key(ws, 'a')
	const prompt = "Click the source"
	if !shows(prompt) {
		t.Fatalf("status %q does not say %q", ws.status.text(), prompt)
	}
	tap(t, ws, claim+2) // a claim is not a source
	if !shows("That is not a source") {
		t.Fatalf("status %q does not say the claim is no source", ws.status.text())
	}
	run.Fire()
	if !shows(prompt) || shows("That is not") {
		t.Errorf("after the message the status says %q, want %q again", ws.status.text(), prompt)
	}
}
