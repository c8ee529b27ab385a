package search

import (
	"slices"

	"spanmark/annotate"
)

// document is one document prepared for searching: its text indexed, its
// annotations in order with the furthest end reached so far, so that the
// annotations overlapping a range are found without a scan of them all.
// Both are made at the first match: most documents have none.
type document struct {
	d       *annotate.DocumentData
	xIndex  *annotate.Index
	anns    []annotate.Annotation
	reachTo []int // reachTo[i] is the largest End of anns[:i+1]
}

func newDocument(d *annotate.DocumentData) *document {
	return &document{d: d}
}

// x returns the document's offset index.
func (doc *document) x() *annotate.Index {
	if doc.xIndex == nil {
		doc.xIndex = annotate.NewIndex(doc.d.Document.Text)
	}
	return doc.xIndex
}

// sorted returns the annotations in order, with reachTo filled in.
func (doc *document) sorted() []annotate.Annotation {
	if doc.reachTo != nil || len(doc.d.Annotations) == 0 {
		return doc.anns
	}
	doc.anns = doc.d.Annotations
	if !slices.IsSortedFunc(doc.anns, annotate.CompareAnnotations) {
		doc.anns = slices.Clone(doc.anns)
		annotate.SortAnnotations(doc.anns)
	}
	doc.reachTo = make([]int, len(doc.anns))
	reach := 0
	for i, a := range doc.anns {
		reach = max(reach, a.End)
		doc.reachTo[i] = reach
	}
	return doc.anns
}

// overlapping calls fn with each annotation that overlaps [start, end),
// from the last starting to the first.
func (doc *document) overlapping(start, end int, fn func(annotate.Annotation)) {
	anns := doc.sorted()
	k, _ := slices.BinarySearchFunc(anns, end, func(a annotate.Annotation, end int) int {
		if a.Start < end {
			return -1
		}
		return 1
	})
	for j := k - 1; j >= 0 && doc.reachTo[j] > start; j-- {
		if a := anns[j]; a.End > start || a.Start == start && a.End == start {
			fn(a)
		}
	}
}

// result builds the row for [start, end), with the labels of the
// annotations on it.
func (doc *document) result(start, end int) Result {
	r := Result{
		DocumentID: doc.d.Document.ID, DocumentTitle: doc.d.Document.Title,
		Start: start, End: end,
		Left:  doc.x().Slice(max(0, start-Context), start),
		Match: doc.x().Slice(start, end),
		Right: doc.x().Slice(end, min(doc.x().Len(), end+Context)),
	}
	var labels []string
	doc.overlapping(start, end, func(a annotate.Annotation) {
		if !slices.Contains(labels, a.Label) {
			labels = append(labels, a.Label)
		}
	})
	slices.Reverse(labels)
	r.Labels = labels
	return r
}
