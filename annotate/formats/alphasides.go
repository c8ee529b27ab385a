package formats

import (
	"runtime"
	"sync"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// AlphaSides returns Krippendorff's α per kind among the sides, as
// agree.Alpha computes it over the whole sides, but loading the copies of
// one document at a time from the sides that are projects: only their
// document lists are read up front. Exports are read whole first, as
// CompareSides reads the export it indexes. Errors name the file; the
// first one stops the count.
func AlphaSides(sides []*StreamSide) (agree.AlphaFigures, error) {
	hashes := make([][]string, len(sides))
	schemas := make([]annotate.Schema, len(sides))
	projects := false
	for i, s := range sides {
		h, err := s.hashes()
		if err != nil {
			return agree.AlphaFigures{}, err
		}
		hashes[i], schemas[i] = h, s.Schema
		projects = projects || s.st != nil
	}
	if projects {
		defer collectLessOften()()
	}
	groups := agree.GroupDocuments(hashes)
	workers := min(runtime.GOMAXPROCS(0), max(len(groups)/16, 1))
	tallies := make([]*agree.AlphaTally, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		tallies[w] = agree.NewAlphaTally(schemas...)
		wg.Go(func() {
			for g := w; g < len(groups) && errs[w] == nil; g += workers {
				errs[w] = addGroup(tallies[w], sides, groups[g])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return agree.AlphaFigures{}, err
		}
	}
	for _, t := range tallies[1:] {
		tallies[0].Merge(t)
	}
	return tallies[0].Figures(), nil
}

// addGroup loads the copies of one document, at positions group in the
// sides (−1 where a side lacks it), and counts them into t.
func addGroup(t *agree.AlphaTally, sides []*StreamSide, group []int) error {
	if raters(group) < 2 {
		t.AddSingle() // nothing to load: α leaves it out
		return nil
	}
	copies := make([]*annotate.DocumentData, 0, len(group))
	for s, pos := range group {
		if pos < 0 {
			continue
		}
		d, err := sides[s].load(pos)
		if err != nil {
			return err
		}
		copies = append(copies, d)
	}
	t.Add(copies...)
	return nil
}

// raters returns how many sides have the document at positions group.
func raters(group []int) int {
	n := 0
	for _, pos := range group {
		if pos >= 0 {
			n++
		}
	}
	return n
}
