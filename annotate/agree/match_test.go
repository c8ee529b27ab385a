package agree

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestExactPairs(t *testing.T) {
	tests := []struct {
		name string
		a, b []a
		want int
	}{
		{"same", []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}}, []a{{0, 3, "PERSON"}, {8, 13, "PERSON"}}, 2},
		{"label differs", []a{{0, 3, "PERSON"}}, []a{{0, 3, "ORG"}}, 0},
		{"end differs", []a{{0, 3, "PERSON"}}, []a{{0, 4, "PERSON"}}, 0},
		// A has the span twice, B three times: a multiset matches two.
		{"multiset", []a{{0, 3, "ORG"}, {0, 3, "ORG"}}, []a{{0, 3, "ORG"}, {0, 3, "ORG"}, {0, 3, "ORG"}}, 2},
		{"empty", nil, []a{{0, 3, "ORG"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, sb := spansFrom(tt.a), spansFrom(tt.b)
			slices.SortFunc(sa, byLabel)
			slices.SortFunc(sb, byLabel)
			var pairs int
			got := exactPairs(sa, sb, func(i, j int) {
				if !sameKey(sa[i], sb[j]) {
					t.Errorf("paired %v with %v", sa[i], sb[j])
				}
				pairs++
			})
			if got != tt.want || pairs != tt.want {
				t.Errorf("exactPairs = %d with %d calls, want %d", got, pairs, tt.want)
			}
		})
	}
}

func TestMaxOverlap(t *testing.T) {
	tests := []struct {
		name string
		a, b []a
		want int
	}{
		// A [0,10) overlaps both B spans, A [1,2) only B [0,3). Taking the
		// first candidate in order of start pairs [0,10) with [0,3) and
		// leaves one pair; the maximum pairs [0,10)–[8,12) and [1,2)–[0,3).
		{"greedy would get one", []a{{0, 10, "P"}, {1, 2, "P"}}, []a{{0, 3, "P"}, {8, 12, "P"}}, 2},
		// A [0,5) overlaps B [3,6) and [0,2); A [4,9) only B [3,6). Taking
		// B in list order pairs [0,5)–[3,6) and leaves one pair.
		{"list order would get one", []a{{0, 5, "P"}, {4, 9, "P"}}, []a{{3, 6, "P"}, {0, 2, "P"}}, 2},
		{"touching is not overlapping", []a{{0, 3, "P"}}, []a{{3, 6, "P"}}, 0},
		{"one code point shared", []a{{0, 4, "P"}}, []a{{3, 6, "P"}}, 1},
		{"nested", []a{{0, 10, "P"}}, []a{{4, 5, "P"}}, 1},
		// Three A spans all overlapping one B span pair once.
		{"one to one", []a{{0, 4, "P"}, {1, 5, "P"}, {2, 6, "P"}}, []a{{3, 4, "P"}}, 1},
		// A chain where every A overlaps two B: a path of augmentations.
		{"chain", []a{{0, 3, "P"}, {2, 5, "P"}, {4, 7, "P"}, {6, 9, "P"}},
			[]a{{2, 3, "P"}, {4, 5, "P"}, {6, 7, "P"}, {8, 9, "P"}}, 4},
		{"empty side", []a{{0, 3, "P"}}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, sb := spansFrom(tt.a), spansFrom(tt.b)
			slices.SortFunc(sa, byPosition)
			slices.SortFunc(sb, byPosition)
			var m matcher
			mate, got := m.maxOverlap(sa, sb)
			if got != tt.want {
				t.Errorf("maxOverlap = %d pairs, want %d", got, tt.want)
			}
			checkMatching(t, sa, sb, mate, got)
		})
	}
}

// checkMatching checks that mate pairs overlapping spans one to one and
// makes n pairs.
func checkMatching(t *testing.T, a, b []span, mate []int, n int) {
	t.Helper()
	used := map[int]bool{}
	pairs := 0
	for i, j := range mate {
		if j < 0 {
			continue
		}
		if used[j] {
			t.Errorf("b[%d] paired twice", j)
		}
		used[j] = true
		if !overlaps(a[i], b[j]) {
			t.Errorf("paired %v with %v, which do not overlap", a[i], b[j])
		}
		pairs++
	}
	if pairs != n {
		t.Errorf("mate holds %d pairs, the count says %d", pairs, n)
	}
}

// TestMaxOverlapRandom checks the sweep and Hopcroft–Karp against
// all-pairs edges and an exhaustive search for the largest matching, with
// one matcher reusing its buffers throughout.
func TestMaxOverlapRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	randomSpans := func() []span {
		s := make([]span, rng.IntN(7))
		for i := range s {
			start := rng.IntN(20)
			s[i] = span{start: start, end: start + 1 + rng.IntN(6), label: "P", i: i}
		}
		slices.SortFunc(s, byPosition)
		return s
	}
	var m matcher
	for trial := range 2000 {
		sa, sb := randomSpans(), randomSpans()
		m.buildGraph(sa, sb)
		for i := range sa {
			var want []int
			for j := range sb {
				if overlaps(sa[i], sb[j]) {
					want = append(want, j)
				}
			}
			got := slices.Sorted(slices.Values(m.adj[m.off[i]:m.off[i+1]]))
			if !slices.Equal(got, want) {
				t.Fatalf("trial %d: a=%v b=%v: neighbours of a[%d] = %v, want %v", trial, sa, sb, i, got, want)
			}
		}
		mate, got := m.maxOverlap(sa, sb)
		if want := bruteMatching(sa, sb, 0, make([]bool, len(sb))); got != want {
			t.Fatalf("trial %d: a=%v b=%v: %d pairs, want %d", trial, sa, sb, got, want)
		}
		checkMatching(t, sa, sb, mate, got)
	}
}

// bruteMatching returns the size of the largest one-to-one pairing of
// overlapping spans of a[i:] with the unused spans of b, trying every
// choice.
func bruteMatching(a, b []span, i int, used []bool) int {
	if i == len(a) {
		return 0
	}
	best := bruteMatching(a, b, i+1, used)
	for j := range b {
		if !used[j] && overlaps(a[i], b[j]) {
			used[j] = true
			best = max(best, 1+bruteMatching(a, b, i+1, used))
			used[j] = false
		}
	}
	return best
}
