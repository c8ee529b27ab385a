package cli

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// splitFigures are what a split gives out: each annotator's load, the
// documents each pair shares, and how many documents went to several.
type splitFigures struct {
	loads   []int
	pairs   map[[2]int]int
	overlap int
}

// figuresOf counts a split of p, failing t on a document without the
// right number of distinct annotators.
func figuresOf(t *testing.T, p splitPlan, got [][]int) splitFigures {
	t.Helper()
	f := splitFigures{loads: make([]int, p.Annotators), pairs: map[[2]int]int{}}
	for i := range p.Annotators {
		for j := i + 1; j < p.Annotators; j++ {
			f.pairs[[2]int{i, j}] = 0
		}
	}
	for d, as := range got {
		if len(as) != 1 && len(as) != p.Raters {
			t.Fatalf("document %d has %d annotators; want 1 or %d", d, len(as), p.Raters)
		}
		if len(slices.Compact(slices.Clone(as))) != len(as) || !slices.IsSorted(as) {
			t.Fatalf("document %d: annotators %v are not distinct and ascending", d, as)
		}
		if len(as) > 1 {
			f.overlap++
		}
		for i, a := range as {
			f.loads[a]++
			for _, b := range as[i+1:] {
				f.pairs[[2]int{a, b}]++
			}
		}
	}
	return f
}

// spread returns the largest minus the smallest of values.
func spread(values []int) int {
	return slices.Max(values) - slices.Min(values)
}

// splitSeeds is how many seeds the balance test tries.
const splitSeeds = 10

func TestSplitBalance(t *testing.T) {
	tests := []struct {
		overlap float64
		raters  int
	}{
		{0, 2}, {0.05, 2}, {0.1, 2}, {0.2, 2}, {0.5, 2}, {1, 2},
		{0.2, 3}, {0.5, 3}, {1, 3}, {0.2, 4}, {0.3, 5}, {1, 6}, {0.2, 7}, {1, 7},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("overlap%v/raters%d", tt.overlap, tt.raters), func(t *testing.T) {
			// The split is greedy, one document at a time, and a document
			// with r raters adds one to r(r-1)/2 pairs at once: a pair may
			// lag the others by a few documents, never more.
			const pairSpread = 3
			for seed := range uint64(splitSeeds) {
				p := splitPlan{Docs: 1000, Annotators: 7, Overlap: tt.overlap, Raters: tt.raters, Seed: seed}
				f := figuresOf(t, p, split(p))
				if want := p.overlapDocs(); f.overlap != want {
					t.Errorf("seed %d: overlap documents: got %d, want %d", seed, f.overlap, want)
				}
				if s := spread(f.loads); s > 1 {
					t.Errorf("seed %d: loads %v differ by %d; want at most 1", seed, f.loads, s)
				}
				pairs := slices.Collect(maps.Values(f.pairs))
				if s := spread(pairs); s > pairSpread {
					t.Errorf("seed %d: pairs share %d..%d documents; want them within %d", seed, slices.Min(pairs), slices.Max(pairs), pairSpread)
				}
			}
		})
	}
}

func TestSplitDeterministic(t *testing.T) {
	tests := []splitPlan{
		{Docs: 1000, Annotators: 7, Overlap: 0.2, Raters: 2},
		{Docs: 1000, Annotators: 7, Overlap: 0.5, Raters: 3},
		{Docs: 1000, Annotators: 7, Overlap: 1, Raters: 6},
		{Docs: 3, Annotators: 7, Overlap: 0.5, Raters: 2},
	}
	for _, p := range tests {
		t.Run(fmt.Sprintf("%d/%v/%d", p.Docs, p.Overlap, p.Raters), func(t *testing.T) {
			p.Seed = 7
			a, b := split(p), split(p)
			if !slices.EqualFunc(a, b, slices.Equal) {
				t.Fatal("two splits with seed 7 differ")
			}
			p.Seed = 8
			if c := split(p); p.Docs > 10 && slices.EqualFunc(a, c, slices.Equal) {
				t.Error("seeds 7 and 8 give the same split")
			}
		})
	}
}

// TestSplitKnown pins the split of one seed, so that a change to the
// algorithm, which would give existing seeds other splits, is noticed.
func TestSplitKnown(t *testing.T) {
	got := split(splitPlan{Docs: 6, Annotators: 3, Overlap: 0.5, Raters: 2, Seed: 1})
	want := [][]int{{2}, {0, 1}, {0, 2}, {1, 2}, {0}, {1}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %v, want %v", got, want)
	}
}
