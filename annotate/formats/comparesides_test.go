package formats

import (
	"runtime/debug"
	"testing"
)

// TestCollectLessOften: GOGC is raised to streamGCPercent while a
// comparison streams, never lowered nor turned on, and set back after.
func TestCollectLessOften(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tc := range []struct{ before, during int }{
		{100, streamGCPercent},
		{50, streamGCPercent},
		{1000, 1000},
		{-1, -1},
	} {
		debug.SetGCPercent(tc.before)
		restore := collectLessOften()
		during := debug.SetGCPercent(tc.during)
		restore()
		after := debug.SetGCPercent(tc.before)
		if during != tc.during || after != tc.before {
			t.Errorf("GOGC %d: %d while streaming and %d after, want %d and %d", tc.before, during, after, tc.during, tc.before)
		}
	}
}
