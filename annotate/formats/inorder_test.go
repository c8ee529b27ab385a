package formats

import (
	"slices"
	"testing"
	"time"
)

// TestInOrder: results come in the order of their inputs however long
// each takes, and breaking out stops the reading.
func TestInOrder(t *testing.T) {
	for _, tc := range []struct {
		name    string
		workers int
		n, stop int // stop after this many results; 0 reads all
	}{
		{"one worker", 1, 50, 0},
		{"four workers", 4, 200, 0},
		{"nothing", 3, 0, 0},
		{"break", 4, 200, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i := 0
			next := func() (int, bool) {
				i++
				return i, i <= tc.n
			}
			// Later items finish sooner, so that a pool that yields in
			// the order of finishing gets them wrong.
			work := func(x int) int {
				time.Sleep(time.Duration((7-x%7)*50) * time.Microsecond)
				return x * 10
			}
			var got []int
			for y := range inOrder(tc.workers, next, work) {
				got = append(got, y)
				if len(got) == tc.stop {
					break
				}
			}
			want := []int{}
			for x := 1; x <= tc.n && (tc.stop == 0 || x <= tc.stop); x++ {
				want = append(want, x*10)
			}
			if !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}
