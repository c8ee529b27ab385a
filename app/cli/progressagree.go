package cli

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"spanmark/annotate"
	"spanmark/annotate/agree"
	"text/tabwriter"
)

// progressAgreement is the agreement so far among an assignment's
// annotators, on the overlap documents that all their annotators have
// done: a document still in progress with one of them would count
// differences that are only unfinished work.
type progressAgreement struct {
	overlap  int // overlap documents in the assignment
	finished int // of them, done by all their annotators
	pairs    []pairAgreement
	alpha    agree.AlphaFigures // Krippendorff's α per kind among them all
}

// pairAgreement is two annotators' agreement on the finished documents
// they share.
type pairAgreement struct {
	a, b           string
	docs           int
	exact, overlap float64 // F1
}

// measureAgreement compares every pair of annotators on the finished
// overlap documents they share, with spanmark agree's measures.
func measureAgreement(a assignmentFile, stores []annotate.Store, rows []annotatorProgress) (progressAgreement, error) {
	index := make(map[string]int, len(a.Annotators))
	sides := make([]agree.Side, len(a.Annotators))
	for i, n := range a.Annotators {
		index[n] = i
		sides[i].Name = n
	}
	var ag progressAgreement
	for _, sha := range slices.Sorted(maps.Keys(a.Documents)) {
		raters := a.Documents[sha]
		if len(raters) < 2 {
			continue
		}
		ag.overlap++
		done, err := doneByAll(sha, raters, index, rows)
		if err != nil {
			return ag, err
		}
		if !done {
			continue
		}
		ag.finished++
		for _, r := range raters {
			i := index[r]
			d, err := stores[i].Load(rows[i].finished[sha])
			if err != nil {
				return ag, fmt.Errorf("%s: %w", stores[i].Path(), err)
			}
			sides[i].Docs = append(sides[i].Docs, d)
		}
	}
	for i, st := range stores {
		s, err := st.Schema()
		if err != nil {
			return ag, fmt.Errorf("%s: %w", st.Path(), err)
		}
		sides[i].Schema = s
	}
	if ag.finished > 0 {
		ag.alpha = agree.Alpha(sides)
	}
	for i := range sides {
		for j := i + 1; j < len(sides); j++ {
			if r := agree.Compare(sides[i], sides[j]); r.Matched > 0 {
				ag.pairs = append(ag.pairs, pairAgreement{a: r.NameA, b: r.NameB, docs: r.Matched,
					exact: r.Overall.Exact.F1(), overlap: r.Overall.Overlap.F1()})
			}
		}
	}
	return ag, nil
}

// doneByAll reports whether every one of raters has done the document
// whose text hashes to sha. A rater the assignment does not list is an
// error.
func doneByAll(sha string, raters []string, index map[string]int, rows []annotatorProgress) (bool, error) {
	for _, r := range raters {
		i, ok := index[r]
		if !ok {
			return false, fmt.Errorf("%s: document %.12s… is assigned to %q, who is not among the annotators", assignmentName, sha, r)
		}
		if _, ok := rows[i].finished[sha]; !ok {
			return false, nil
		}
	}
	return true, nil
}

// write writes the agreement so far: each pair's exact and overlap F1,
// and the mean of the pairs' exact F1.
func (ag progressAgreement) write(w *bytes.Buffer) {
	switch {
	case ag.overlap == 0:
		fmt.Fprintf(w, "\nno overlap documents: no agreement to measure\n")
		return
	case ag.finished == 0:
		fmt.Fprintf(w, "\nagreement so far: none of the %d overlap documents is done by all its annotators yet\n", ag.overlap)
		return
	}
	fmt.Fprintf(w, "\nagreement so far, on %d of %d overlap documents (those done by all their annotators):\n", ag.finished, ag.overlap)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "pair\tdocuments\texact F1\toverlap F1\n")
	var sum float64
	for _, p := range ag.pairs {
		fmt.Fprintf(tw, "%s & %s\t%d\t%.4f\t%.4f\n", p.a, p.b, p.docs, p.exact, p.overlap)
		sum += p.exact
	}
	tw.Flush() // writes to a bytes.Buffer, which cannot fail
	fmt.Fprintf(w, "mean pairwise exact F1: %.4f over %s\n", sum/float64(len(ag.pairs)), plural(len(ag.pairs), "pair"))
	fmt.Fprintf(w, "Krippendorff's alpha:")
	for _, k := range annotate.Kinds {
		fmt.Fprintf(w, " %s %.4f", k, ag.alpha.Alpha[k])
	}
	fmt.Fprintln(w)
}
