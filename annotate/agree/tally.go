package agree

import (
	"cmp"
	"slices"

	"spanmark/annotate"
)

// Tally sums the figures of paired documents one pair at a time, so that
// neither side need be held whole; Compare is a Tally over sides in
// memory. Every figure is a sum of counts, so the report does not depend
// on the order of the pairs nor on how they are shared among Tallies. A
// Tally is not safe for concurrent use: give each goroutine its own, and
// Merge them.
type Tally struct {
	c    *comparer
	docs []talliedDoc
}

// talliedDoc is one pair's figures and the place of its document in side
// A, which orders Report.PerDocument.
type talliedDoc struct {
	posA int
	f    DocFigures
}

// NewTally returns an empty Tally that takes the kinds of labels from
// side A's schema sa, then side B's sb.
func NewTally(sa, sb annotate.Schema) *Tally {
	return &Tally{c: newComparer(sa, sb)}
}

// Add counts document a of side A, at position posA in that side, with
// its partner b of side B.
func (t *Tally) Add(posA int, a, b *annotate.DocumentData) {
	t.add(posA, a.Document.TextHash(), a, b)
}

// add is Add for a pair whose text hash the caller has.
func (t *Tally) add(posA int, sha string, a, b *annotate.DocumentData) {
	f := t.c.add(a, b)
	t.docs = append(t.docs, talliedDoc{posA: posA, f: DocFigures{
		SHA256:  sha,
		Title:   a.Document.Title,
		AID:     a.Document.ID,
		BID:     b.Document.ID,
		Exact:   f.Exact,
		Overlap: f.Overlap,
	}})
}

// Merge adds what u has counted to t.
func (t *Tally) Merge(u *Tally) {
	t.c.merge(u.c)
	t.docs = append(t.docs, u.docs...)
}

// Report returns the agreement of what t has counted, between sides
// named nameA and nameB with onlyA and onlyB documents unpaired.
func (t *Tally) Report(nameA, nameB string, onlyA, onlyB int) Report {
	slices.SortFunc(t.docs, func(x, y talliedDoc) int { return cmp.Compare(x.posA, y.posA) })
	r := Report{
		NameA:       nameA,
		NameB:       nameB,
		Matched:     len(t.docs),
		OnlyA:       onlyA,
		OnlyB:       onlyB,
		Figures:     t.c.figures(),
		PerDocument: make([]DocFigures, len(t.docs)),
	}
	for i, d := range t.docs {
		r.PerDocument[i] = d.f
	}
	return r
}
