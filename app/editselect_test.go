package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"spanmark/annotate"
)

func TestInnermostFirst(t *testing.T) {
	ranges := map[string][2]int{
		"claim": {10, 50}, "org": {20, 33}, "misc": {20, 26}, "loc": {20, 26}, "person": {0, 45},
	}
	extent := func(id string) (int, int) { return ranges[id][0], ranges[id][1] }
	for _, c := range []struct {
		name      string
		ids, want []string
	}{
		{"one", []string{"claim"}, []string{"claim"}},
		{"entity inside a claim", []string{"claim", "org"}, []string{"org", "claim"}},
		{"three deep", []string{"claim", "org", "misc"}, []string{"misc", "org", "claim"}},
		{"equal lengths keep their order", []string{"claim", "org", "misc", "loc"}, []string{"misc", "loc", "org", "claim"}},
		{"overlapping, not nested", []string{"person", "claim"}, []string{"claim", "person"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := slices.Clone(c.ids)
			if got := innermostFirst(c.ids, extent); !slices.Equal(got, c.want) {
				t.Errorf("innermostFirst(%v) = %v, want %v", c.ids, got, c.want)
			}
			if !slices.Equal(c.ids, in) {
				t.Errorf("innermostFirst changed its argument to %v", c.ids)
			}
		})
	}
}

// TestClickCyclesOutwards nests a MISC in an ORG in a CLAIM and clicks
// them: the first click selects the innermost, clicks on the same
// character go outwards and round, and a click anywhere else, or another
// way of selecting, starts again from the innermost.
func TestClickCyclesOutwards(t *testing.T) {
	ws, _ := newTestWorkspace(t, "article.txt")
	const claimText = "fraternal help from the Korean people"
	at := offsetOf(t, ws, claimText, 0)
	// tag tags words, found in the claim.
	tag := func(words string, k rune) (int, int) {
		start := at + annotate.RuneLen(claimText[:strings.Index(claimText, words)])
		end := start + annotate.RuneLen(words)
		drag(t, ws, start, end)
		key(ws, k)
		return start, end
	}
	cs, ce := tag(claimText, 'c')
	os, oe := tag("Korean people", 'o')
	ms, _ := tag("Korean", 'm')
	idOf := func(start, end int) string {
		a, ok := find(onDisk(t, ws), start, end)
		if !ok {
			t.Fatalf("no annotation [%d, %d) on disk", start, end)
		}
		return a.ID
	}
	claim, org := idOf(cs, ce), idOf(os, oe)
	ws.setActive("")

	for i, s := range []struct {
		do   func()
		want string // label of the selected annotation
	}{
		{func() { tap(t, ws, ms+1) }, "MISC"},
		{func() { tap(t, ws, ms+1) }, "ORG"},
		{func() { tap(t, ws, ms+1) }, "CLAIM"},
		{func() { tap(t, ws, ms+1) }, "MISC"},
		{func() { tap(t, ws, ms+1) }, "ORG"},
		{func() { tap(t, ws, ms+2) }, "MISC"}, // another character
		{func() { tap(t, ws, ms+2) }, "ORG"},
		{func() { tap(t, ws, oe-2) }, "ORG"}, // "people": the ORG is innermost
		{func() { tap(t, ws, oe-2) }, "CLAIM"},
		{func() { ws.onPanelSelect(org) }, "ORG"},
		{func() { tap(t, ws, oe-2) }, "ORG"}, // the panel's choice starts a new cycle
		{func() { tap(t, ws, ms+1) }, "MISC"},
		{func() { tap(t, ws, cs+1) }, "CLAIM"}, // the claim alone
		{func() { tap(t, ws, ms+1) }, "MISC"},
		{func() { tap(t, ws, cs-5) }, "MISC"}, // plain text: the annotation stays selected
		{func() { tap(t, ws, ms+1) }, "MISC"}, // but the cycle starts again
	} {
		s.do()
		a, _ := ws.sess.Annotation(ws.active)
		if a.Label != s.want {
			t.Fatalf("step %d: selected %q, want %s", i, a.Label, s.want)
		}
	}

	// Delete removes the innermost only.
	ws.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	data := onDisk(t, ws)
	if _, ok := find(data, ms, ms+annotate.RuneLen("Korean")); ok {
		t.Error("Delete left the MISC on disk")
	}
	for _, id := range []string{claim, org} {
		if !slices.ContainsFunc(data.Annotations, func(a annotate.Annotation) bool { return a.ID == id }) {
			t.Errorf("Delete after one click on the MISC removed %s too; on disk %+v", id, data.Annotations)
		}
	}
}
