package annotate

import (
	"cmp"
	"slices"
	"strings"
)

// CompareAnnotations orders annotations by start, then end, then id: the
// order a Session's Annotations and a Store's Load return them in. The id
// makes the order total, so sorting is deterministic and a sorted slice
// can be searched for one annotation with slices.BinarySearchFunc.
func CompareAnnotations(a, b Annotation) int {
	return compareRanges(a.Start, a.End, b.Start, b.End, a.ID, b.ID)
}

// compareRanges is CompareAnnotations on the fields it reads. The ids are
// compared only when the ranges are equal (cmp.Or would compare them
// every time: it evaluates all its arguments).
func compareRanges(start1, end1, start2, end2 int, id1, id2 string) int {
	if c := cmp.Compare(start1, start2); c != 0 {
		return c
	}
	if c := cmp.Compare(end1, end2); c != 0 {
		return c
	}
	return strings.Compare(id1, id2)
}

// rangeKey is an annotation's range and where the annotation is.
type rangeKey struct{ start, end, at int }

// SortAnnotations sorts as into CompareAnnotations order. It sorts keys
// and then moves each annotation once: an Annotation is well over a
// hundred bytes, and a sort in place moves each many times.
func SortAnnotations(as []Annotation) {
	if slices.IsSortedFunc(as, CompareAnnotations) {
		return
	}
	keys := make([]rangeKey, len(as))
	for i, a := range as {
		keys[i] = rangeKey{a.Start, a.End, i}
	}
	slices.SortFunc(keys, func(x, y rangeKey) int {
		return compareRanges(x.start, x.end, y.start, y.end, as[x.at].ID, as[y.at].ID)
	})
	sorted := make([]Annotation, len(as))
	for i, k := range keys {
		sorted[i] = as[k.at]
	}
	copy(as, sorted)
}
