//go:build ci

package app

import (
	"runtime/debug"
	"testing"
)

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

// TestBuildLimitsMemory builds the index of the suggestion test project
// and finds the memory limit set for the build from its annotations, and
// lifted after it, once the project counts as big; below limitFrom no
// limit is set.
func TestBuildLimitsMemory(t *testing.T) {
	old, oldFrom := limitBuild, limitFrom
	t.Cleanup(func() { limitBuild, limitFrom = old, oldFrom })
	before := debug.SetMemoryLimit(-1)
	if lift := limitBuildMemory(limitFrom - 1); debug.SetMemoryLimit(-1) != before {
		t.Errorf("a build of %d annotations set a memory limit", limitFrom-1)
		lift()
	}
	limitFrom = 1 // the test project's handful
	var given []int
	var during int64
	limitBuild = func(n int) func() {
		given = append(given, n)
		lift := limitBuildMemory(n)
		during = debug.SetMemoryLimit(-1)
		return lift
	}
	ws, _ := suggestWorkspace(t)
	tagWord(t, ws, "Shoigu", 0, "PERSON")
	ws.lists.flush() // the document list's counts, which the build reads, after the pause
	given = nil
	ws.sugg.build()
	if len(given) != 1 || given[0] != ws.sess.Len() {
		t.Fatalf("limits set for %v annotations, want one for the project's %d", given, ws.sess.Len())
	}
	if low, high := goMemory(), goMemory()+int64(given[0])*indexBytesPerAnnotation+buildSlack+64<<20; during < low || during > high {
		t.Errorf("limit during the build %d, want between %d and %d", during, low, high)
	}
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("limit after the build %d, want it lifted to %d", after, before)
	}
}
