//go:build ci

package app

import "testing"

// TestBuildReleasesGarbage opens the suggestion test project with the
// size that makes an index big set below and above its patterns: the
// build's garbage is handed back to the system only for a big index.
func TestBuildReleasesGarbage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		big   int
		calls int
	}{
		{"big", 1, 1},
		{"small", 1 << 30, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			oldBig, oldFree := bigIndex, freeOSMemory
			t.Cleanup(func() { bigIndex, freeOSMemory = oldBig, oldFree })
			calls := 0
			bigIndex, freeOSMemory = tc.big, func() { calls++ }
			ws, _ := suggestWorkspace(t)
			tagWord(t, ws, "Shoigu", 0, "PERSON") // one pattern
			calls = 0
			ws.sugg.build()
			if ws.sugg.x == nil || ws.sugg.x.Patterns() == 0 {
				t.Fatal("the build made no index with the tagged Shoigu")
			}
			if calls != tc.calls {
				t.Errorf("the build returned its memory %d times, want %d", calls, tc.calls)
			}
		})
	}
}
