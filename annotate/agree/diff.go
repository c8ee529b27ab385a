package agree

import (
	"cmp"
	"slices"
	"strconv"

	"spanmark/annotate"
)

// Class is how Diff classifies an annotation, or a pair of annotations
// one from each side.
type Class int

// The classes of DiffItem, in the order Diff pairs annotations.
const (
	// Agreed is an exact match: same start, end and label.
	Agreed Class = iota
	// BoundaryDiff is a pair with the same label whose ranges overlap but
	// differ.
	BoundaryDiff
	// LabelDiff is a pair with different labels whose ranges are the same
	// or overlap.
	LabelDiff
	// OnlyA is an annotation of side A that nothing in B pairs with.
	OnlyA
	// OnlyB is an annotation of side B that nothing in A pairs with.
	OnlyB
	// AttrDiff is an exact match whose attribute values differ. It comes
	// last so that the values of the classes before it stay as they were.
	AttrDiff
	// Minority is a span that some of several inputs have but not most,
	// and side A lacks: MinorityDiff makes it, Diff never does.
	Minority
)

// String returns the name of c as the constant spells it.
func (c Class) String() string {
	switch c {
	case Agreed:
		return "Agreed"
	case BoundaryDiff:
		return "BoundaryDiff"
	case LabelDiff:
		return "LabelDiff"
	case OnlyA:
		return "OnlyA"
	case OnlyB:
		return "OnlyB"
	case AttrDiff:
		return "AttrDiff"
	case Minority:
		return "Minority"
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// DiffItem is one entry of a Diff: a pair of annotations, or one
// annotation with nil on the other side. A and B point into the slices
// given to Diff.
type DiffItem struct {
	Class Class
	A, B  *annotate.Annotation
}

// Extent returns the range the item covers: from the first start of its
// annotations to the last end. Diff orders items by it.
func (it DiffItem) Extent() (start, end int) {
	switch {
	case it.A == nil:
		return it.B.Start, it.B.End
	case it.B == nil:
		return it.A.Start, it.A.End
	}
	return min(it.A.Start, it.B.Start), max(it.A.End, it.B.End)
}

// Diff classifies every annotation of a and of b, two annotators' work on
// the same document. Annotations are paired one to one, in four steps,
// each among the annotations the earlier steps left unpaired:
//
//  1. Agreed: exact matches (same start, end and label), as a multiset;
//     AttrDiff when the pair's attribute values are not all equal (a
//     value on one side only is a difference).
//  2. BoundaryDiff: same label and overlapping ranges, paired per label by
//     a maximum matching, as in the overlap figures.
//  3. LabelDiff: same start and end, different labels; within one range,
//     in order of label name.
//  4. LabelDiff: overlapping ranges with different labels, paired by a
//     maximum matching.
//
// What remains is OnlyA or OnlyB. Because exact matches are fixed first,
// the BoundaryDiff pairs can be fewer than the overlap matches less the
// exact ones: an annotation that agrees exactly is shown as agreed even
// when pairing it otherwise would make more overlapping pairs.
//
// The items are ordered by position, so a reviewer can step through them:
// by the smallest start of the item's annotations, then the largest end,
// then class, then the annotations' positions in a and in b.
func Diff(a, b []annotate.Annotation) []DiffItem {
	d := differ{
		a: appendSpans(nil, a), b: appendSpans(nil, b),
		usedA: make([]bool, len(a)), usedB: make([]bool, len(b)),
	}
	slices.SortFunc(d.a, byLabel)
	slices.SortFunc(d.b, byLabel)
	exactPairs(d.a, d.b, func(i, j int) {
		x, y := d.a[i].i, d.b[j].i
		c := Agreed
		if !a[x].Attributes.Equal(b[y].Attributes) {
			c = AttrDiff
		}
		d.pair(c, x, y)
	})
	d.boundaryPairs()
	d.sameRangePairs()
	d.overlapPairs()
	for _, s := range d.a {
		if !d.usedA[s.i] {
			d.items = append(d.items, diffPair{class: OnlyA, i: s.i, j: -1})
		}
	}
	for _, s := range d.b {
		if !d.usedB[s.i] {
			d.items = append(d.items, diffPair{class: OnlyB, i: -1, j: s.i})
		}
	}
	return d.result(a, b)
}

// differ is the state of one Diff.
type differ struct {
	a, b         []span
	usedA, usedB []bool // by index in Diff's arguments
	items        []diffPair
	matcher      matcher
}

// diffPair is a DiffItem by indices in Diff's arguments, -1 for none.
type diffPair struct {
	class Class
	i, j  int
}

// pair records a pair of annotations, by index in Diff's arguments.
func (d *differ) pair(c Class, i, j int) {
	d.usedA[i], d.usedB[j] = true, true
	d.items = append(d.items, diffPair{class: c, i: i, j: j})
}

// unpaired returns the spans of s not yet used, keeping their order.
func unpaired(s []span, used []bool) []span {
	var left []span
	for _, x := range s {
		if !used[x.i] {
			left = append(left, x)
		}
	}
	return left
}

// boundaryPairs pairs overlapping annotations of the same label.
func (d *differ) boundaryPairs() {
	for a, b := unpaired(d.a, d.usedA), unpaired(d.b, d.usedB); len(a) > 0 || len(b) > 0; {
		label := firstLabel(a, b)
		ra, rb := runOf(a, label), runOf(b, label)
		mate, _ := d.matcher.maxOverlap(ra, rb)
		for x, y := range mate {
			if y >= 0 {
				d.pair(BoundaryDiff, ra[x].i, rb[y].i)
			}
		}
		a, b = a[len(ra):], b[len(rb):]
	}
}

// sameRangePairs pairs annotations with the same range; the steps before
// leave no such pair with the same label.
func (d *differ) sameRangePairs() {
	a, b := unpaired(d.a, d.usedA), unpaired(d.b, d.usedB)
	slices.SortFunc(a, byPosition)
	slices.SortFunc(b, byPosition)
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := cmp.Or(cmp.Compare(a[i].start, b[j].start), cmp.Compare(a[i].end, b[j].end)); {
		case c == 0:
			d.pair(LabelDiff, a[i].i, b[j].i)
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
}

// overlapPairs pairs overlapping annotations whatever their labels; the
// steps before leave no overlapping pair with the same label.
func (d *differ) overlapPairs() {
	a, b := unpaired(d.a, d.usedA), unpaired(d.b, d.usedB)
	slices.SortFunc(a, byPosition)
	slices.SortFunc(b, byPosition)
	mate, _ := d.matcher.maxOverlap(a, b)
	for x, y := range mate {
		if y >= 0 {
			d.pair(LabelDiff, a[x].i, b[y].i)
		}
	}
}

// result orders the items by position and turns them into DiffItems
// pointing into a and b.
func (d *differ) result(a, b []annotate.Annotation) []DiffItem {
	extent := func(p diffPair) (start, end int) {
		switch {
		case p.i < 0:
			return b[p.j].Start, b[p.j].End
		case p.j < 0:
			return a[p.i].Start, a[p.i].End
		}
		return min(a[p.i].Start, b[p.j].Start), max(a[p.i].End, b[p.j].End)
	}
	slices.SortFunc(d.items, func(x, y diffPair) int {
		xs, xe := extent(x)
		ys, ye := extent(y)
		return cmp.Or(cmp.Compare(xs, ys), cmp.Compare(xe, ye), cmp.Compare(x.class, y.class),
			cmp.Compare(x.i, y.i), cmp.Compare(x.j, y.j))
	})
	items := make([]DiffItem, len(d.items))
	for k, p := range d.items {
		items[k].Class = p.class
		if p.i >= 0 {
			items[k].A = &a[p.i]
		}
		if p.j >= 0 {
			items[k].B = &b[p.j]
		}
	}
	return items
}
