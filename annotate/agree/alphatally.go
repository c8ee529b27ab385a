package agree

import (
	"slices"

	"spanmark/annotate"
)

// AlphaFigures are Krippendorff's α among several raters.
type AlphaFigures struct {
	// Documents counts the documents that two or more raters have, the
	// ones α is computed over.
	Documents int
	// Single counts the documents that only one rater has, left out.
	Single int
	// Alpha holds α for every kind in annotate.Kinds.
	Alpha map[annotate.Kind]float64
}

// AlphaTally sums the coincidences of Krippendorff's α, per kind, one
// document at a time: only the coincidence matrices are kept, so memory
// does not grow with the documents counted. A code point's category for a
// rater is the one Cohen's kappa gives it (see the package doc); every
// non-space code point of a document is a unit, and every rater that has
// the document gives it a value. An AlphaTally is not safe for concurrent
// use: give each goroutine its own, and Merge them.
type AlphaTally struct {
	c            *comparer // gives labels their kinds and splits spans by them
	coincidences map[annotate.Kind]*Coincidences
	docs, single int

	// Buffers reused from document to document, one per rater.
	spans  [][]span
	byKind []map[annotate.Kind][]span
	segs   [][]segment
	next   []int
	values []string
}

// NewAlphaTally returns an empty AlphaTally that takes the kind of a
// label from the first of schemas that has it.
func NewAlphaTally(schemas ...annotate.Schema) *AlphaTally {
	var labels annotate.Schema
	seen := map[string]bool{}
	for _, s := range schemas {
		for _, l := range s.Labels {
			if !seen[l.Name] {
				seen[l.Name] = true
				labels.Labels = append(labels.Labels, l)
			}
		}
	}
	t := &AlphaTally{
		c:            newComparer(labels, annotate.Schema{}),
		coincidences: map[annotate.Kind]*Coincidences{},
	}
	for _, k := range annotate.Kinds {
		t.coincidences[k] = &Coincidences{}
	}
	return t
}

// Add counts one document, given as the copies of it that the raters who
// have it made, one per rater; nil copies are skipped. The text is taken
// from the first. A document with fewer than two copies is counted as
// single and adds no units.
func (t *AlphaTally) Add(copies ...*annotate.DocumentData) {
	copies = slices.DeleteFunc(slices.Clone(copies), func(d *annotate.DocumentData) bool { return d == nil })
	if len(copies) < 2 {
		if len(copies) == 1 {
			t.single++
		}
		return
	}
	t.docs++
	t.grow(len(copies))
	for r, d := range copies {
		t.spans[r] = appendSpans(t.spans[r][:0], d.Annotations)
		slices.SortFunc(t.spans[r], byLabel)
		t.c.splitByKind(t.spans[r], t.byKind[r])
	}
	t.c.nonSpace = nonSpacePrefix(copies[0].Document.Text, t.c.nonSpace)
	n := len(t.c.nonSpace) - 1
	for _, k := range annotate.Kinds {
		for r := range copies {
			t.segs[r] = t.c.categorizer.categorize(t.byKind[r][k], n, t.segs[r])
		}
		t.countUnits(t.coincidences[k], t.segs[:len(copies)])
	}
}

// AddSingle counts a document that only one rater has, left out of α,
// without reading it.
func (t *AlphaTally) AddSingle() { t.single++ }

// grow makes room in the buffers for m raters.
func (t *AlphaTally) grow(m int) {
	for len(t.spans) < m {
		t.spans = append(t.spans, nil)
		t.byKind = append(t.byKind, map[annotate.Kind][]span{})
		t.segs = append(t.segs, nil)
	}
}

// countUnits adds the code points of one document to c, given as each
// rater's segments, all partitions of [0, n). Where no rater's category
// changes, the code points have the same values: the runs between the
// boundaries of all the segments are counted whole, weighted by their
// non-space code points.
func (t *AlphaTally) countUnits(c *Coincidences, segs [][]segment) {
	t.next = append(t.next[:0], make([]int, len(segs))...)
	for {
		start, end := 0, -1
		t.values = t.values[:0]
		for r, s := range segs {
			if t.next[r] >= len(s) {
				return
			}
			seg := s[t.next[r]]
			start = max(start, seg.start)
			if end < 0 || seg.end < end {
				end = seg.end
			}
			t.values = append(t.values, seg.label)
		}
		c.AddUnits(int64(t.c.nonSpace[end]-t.c.nonSpace[start]), t.values)
		for r, s := range segs {
			if s[t.next[r]].end == end {
				t.next[r]++
			}
		}
	}
}

// Merge adds what u has counted to t.
func (t *AlphaTally) Merge(u *AlphaTally) {
	t.docs += u.docs
	t.single += u.single
	for k, c := range u.coincidences {
		t.coincidences[k].Merge(c)
	}
}

// Figures returns α per kind over what t has counted.
func (t *AlphaTally) Figures() AlphaFigures {
	f := AlphaFigures{Documents: t.docs, Single: t.single, Alpha: map[annotate.Kind]float64{}}
	for k, c := range t.coincidences {
		f.Alpha[k] = c.Alpha()
	}
	return f
}
