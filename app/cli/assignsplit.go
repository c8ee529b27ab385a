package cli

import (
	"math"
	"math/rand/v2"
	"slices"
)

// splitStream is the second word of the PCG state that assign seeds with
// --seed: any constant would do, but it must never change, or the same
// seed would give another split.
const splitStream = 0x5350414e4d41524b // "SPANMARK"

// splitPlan is what split shares out.
type splitPlan struct {
	Docs       int     // documents in the pool
	Annotators int     // annotators to share them among
	Overlap    float64 // the share of documents that several annotators get
	Raters     int     // how many annotators each overlap document gets
	Seed       uint64
}

// overlapDocs returns how many documents go to several annotators: the
// share p.Overlap of the pool, rounded to the nearest whole document.
func (p splitPlan) overlapDocs() int {
	return int(math.Round(p.Overlap * float64(p.Docs)))
}

// split returns, for each document of the pool by its place in the pool,
// the annotators (by their place in the list, ascending) who get it.
//
// The algorithm, all of whose random choices come from one PCG seeded
// with p.Seed, so that a seed always gives the same split:
//
//  1. The documents are shuffled; the first overlapDocs of them are the
//     overlap documents.
//  2. Each overlap document in turn gets p.Raters annotators, chosen one
//     at a time among those with the fewest documents so far. Choosing
//     only among the least loaded keeps every annotator's load within one
//     document of every other's after each document. Among those, the
//     one chosen is the one that has shared fewest documents with the
//     annotators already chosen for this document (the sum of the pair
//     counts), then the one whose most-shared pair is least shared; a tie
//     is broken at random. So pairs that have met least meet next, and
//     every pair of annotators ends up sharing about as many documents.
//  3. Each other document goes to one annotator with the fewest
//     documents so far (a tie broken at random), which keeps the loads
//     within one document of each other to the end.
func split(p splitPlan) [][]int {
	rng := rand.New(rand.NewPCG(p.Seed, splitStream))
	order := rng.Perm(p.Docs)
	s := splitter{rng: rng, loads: make([]int, p.Annotators), pairs: make([][]int, p.Annotators)}
	for i := range s.pairs {
		s.pairs[i] = make([]int, p.Annotators)
	}
	out := make([][]int, p.Docs)
	m := p.overlapDocs()
	for _, d := range order[:m] {
		out[d] = s.choose(p.Raters)
	}
	for _, d := range order[m:] {
		out[d] = s.choose(1)
	}
	return out
}

// splitter is the state of a split: each annotator's load, and how many
// documents each pair of annotators shares.
type splitter struct {
	rng   *rand.Rand
	loads []int
	pairs [][]int
}

// choose picks n annotators for one document, as split describes, and
// counts the document in their loads and pairs.
func (s *splitter) choose(n int) []int {
	chosen := make([]int, 0, n)
	for range n {
		a := s.next(chosen)
		for _, c := range chosen {
			s.pairs[a][c]++
			s.pairs[c][a]++
		}
		s.loads[a]++
		chosen = append(chosen, a)
	}
	slices.Sort(chosen)
	return chosen
}

// next returns the annotator to add to chosen: one of the least loaded
// of the others, sharing fewest documents with chosen (by sum, then by
// maximum), at random among equals.
func (s *splitter) next(chosen []int) int {
	var best []int
	var bestKey [3]int
	for a := range s.loads {
		if slices.Contains(chosen, a) {
			continue
		}
		key := [3]int{s.loads[a], 0, 0}
		for _, c := range chosen {
			key[1] += s.pairs[a][c]
			key[2] = max(key[2], s.pairs[a][c])
		}
		switch {
		case best == nil || slices.Compare(key[:], bestKey[:]) < 0:
			best, bestKey = append(best[:0], a), key
		case key == bestKey:
			best = append(best, a)
		}
	}
	return best[s.rng.IntN(len(best))]
}
