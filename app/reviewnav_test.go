package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// TestReviewKeptStaysReachable keeps a disagreement and steps back to it
// with p and the buttons: a kept item is still one of the disagreements
// counted, so n and p reach it and the bar says it is kept.
func TestReviewKeptStaysReachable(t *testing.T) {
	ws := reviewing(t, theirProject)
	r := ws.review
	n, _ := r.disagreements()
	if n != 4 {
		t.Fatalf("%d disagreements, want 4", n)
	}

	label := stepTo(t, ws, agree.LabelDiff)
	key(ws, 'k')
	if it, _ := r.item(); keyOf(it) == keyOf(label) {
		t.Fatal("k stayed on the label difference while others were open")
	}
	key(ws, 'p')
	if it, ok := r.item(); !ok || keyOf(it) != keyOf(label) {
		t.Fatalf("p after k made %+v current, want the kept label difference", it)
	}
	if got := r.bar.info.Text; !strings.Contains(got, "2 of 4") || !strings.HasSuffix(got, "· kept") {
		t.Errorf("bar says %q, want 2 of 4 … · kept", got)
	}

	// Keep the rest: the last one kept stays current and says so.
	for range n {
		key(ws, 'k')
	}
	if _, kept := r.disagreements(); kept != n {
		t.Fatalf("%d of %d kept after k on each", kept, n)
	}
	if _, ok := r.item(); !ok || !strings.HasSuffix(r.bar.info.Text, "· kept") {
		t.Errorf("after keeping all, bar says %q, want a current item · kept", r.bar.info.Text)
	}
	if !strings.Contains(ws.status.text(), "all kept") {
		t.Errorf("status %q does not say all are kept", ws.status.text())
	}

	// The buttons reach every kept item, each counted once, in order.
	seen := map[pairKey]bool{}
	for k := range n {
		test.Tap(r.bar.next)
		it, ok := r.item()
		if !ok {
			t.Fatalf("Next %d made no item current", k+1)
		}
		seen[keyOf(it)] = true
		got := r.bar.info.Text
		if pos := strings.SplitN(got, " ·", 2)[0]; !strings.HasSuffix(got, "· kept") || !strings.HasSuffix(pos, fmt.Sprintf(" of %d", n)) {
			t.Errorf("Next %d: bar says %q, want k of %d … · kept", k+1, got, n)
		}
	}
	if len(seen) != n {
		t.Errorf("Next reached %d distinct items in %d presses, want %d", len(seen), n, n)
	}
}

// TestReviewTapInnermostFirst tags their claim, which then agrees, and
// a word of mine inside it, and clicks the word: its item is current
// first, the claim's on the next click.
func TestReviewTapInnermostFirst(t *testing.T) {
	ws := reviewing(t, theirProject)
	cs, ce := myRange(t, ws, theirClaim)
	drag(t, ws, cs, ce)
	key(ws, 'c')
	start := cs + annotate.RuneLen("fraternal help from the ")
	drag(t, ws, start, start+annotate.RuneLen("Korean"))
	key(ws, 'm')
	for i, want := range []agree.Class{agree.OnlyA, agree.Agreed, agree.OnlyA} {
		tap(t, ws, start+1)
		it, ok := ws.review.item()
		if !ok || it.Class != want {
			t.Fatalf("click %d made %+v current, want %v", i+1, it, want)
		}
	}
}
