package annotate

import (
	"cmp"
	"strings"
)

// CompareAnnotations orders annotations by start, then end, then id: the
// order a Session's Annotations and a Store's Load return them in. The id
// makes the order total, so sorting is deterministic and a sorted slice
// can be searched for one annotation with slices.BinarySearchFunc.
func CompareAnnotations(a, b Annotation) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.ID, b.ID))
}
