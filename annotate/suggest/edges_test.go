package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestEdges puts edges into the table, across several growths, and
// checks that each is found and that pairs never put are not, whatever
// the node and token numbers (large, negative, neighbours of those put).
func TestEdges(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		key  func(i int) (node, tok int32)
	}{
		{"one", 1, func(int) (int32, int32) { return 7, 3 }},
		{"one node, many tokens", 5000, func(i int) (int32, int32) { return 1, int32(i) }},
		{"many nodes, one token", 5000, func(i int) (int32, int32) { return int32(i + 1), 0 }},
		{"token noTok and large", 3000, func(i int) (int32, int32) { return int32(i*7919 + 1), noTok - int32(i) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var e edges
			want := make(map[[2]int32]int32)
			for i := range tc.n {
				node, tok := tc.key(i)
				e.put(node, tok, int32(i+1))
				want[[2]int32{node, tok}] = int32(i + 1)
			}
			if e.n != len(want) || 2*e.n > len(e.slots) {
				t.Fatalf("%d edges in %d slots, want %d at most half full", e.n, len(e.slots), len(want))
			}
			for k, kid := range want {
				if got := e.get(k[0], k[1]); got != kid {
					t.Errorf("get(%d, %d) = %d, want %d", k[0], k[1], got, kid)
				}
			}
			rng := rand.New(rand.NewPCG(1, 2))
			for range 10000 {
				node, tok := tc.key(rng.IntN(tc.n))
				node += int32(rng.IntN(3)) - 1
				tok += int32(rng.IntN(3)) - 1
				if got := e.get(node, tok); got != want[[2]int32{node, tok}] {
					t.Errorf("get(%d, %d) = %d, want %d", node, tok, got, want[[2]int32{node, tok}])
				}
			}
		})
	}
	var empty edges
	if got := empty.get(0, 0); got != 0 {
		t.Errorf("empty table: get(0, 0) = %d", got)
	}
}
