package agree

import (
	"math"
	"slices"
	"sort"

	"spanmark/annotate"
)

// DocDiff is the Diff of one document's annotations, mine (side A)
// against theirs (side B), kept up to date as mine change, for a review
// that redraws the differences after every edit. Diff pairs only
// annotations whose ranges overlap, so an edit can change the classes
// only of annotations joined to it by a chain of overlaps: Update diffs
// again just the stretch of text such chains cover and keeps the other
// items, and an edit costs about as much in a long document as in a short
// one.
type DocDiff struct {
	mine   []annotate.Annotation // as last diffed, in annotate.CompareAnnotations order
	theirs []annotate.Annotation // in annotate.CompareAnnotations order; never changed
	items  []DiffItem            // in Diff's order
}

// NewDocDiff diffs mine, in [annotate.CompareAnnotations] order, against
// theirs. It keeps mine, which the caller must not change, and a sorted
// copy of theirs.
func NewDocDiff(mine, theirs []annotate.Annotation) *DocDiff {
	theirs = slices.Clone(theirs)
	annotate.SortAnnotations(theirs)
	return &DocDiff{mine: mine, theirs: theirs, items: Diff(mine, theirs)}
}

// Items returns the differences, in Diff's order. The slice is d's own:
// callers must not change it, nor keep it across an Update.
func (d *DocDiff) Items() []DiffItem { return d.items }

// Theirs returns their annotations, in [annotate.CompareAnnotations]
// order. The slice is d's own: callers must not change it.
func (d *DocDiff) Theirs() []annotate.Annotation { return d.theirs }

// Update diffs again after mine became now, in
// [annotate.CompareAnnotations] order, which the caller must not change
// afterwards. It returns the items it took out and those it put in their
// place.
func (d *DocDiff) Update(now []annotate.Annotation) (out, in []DiffItem) {
	lo, hi, ok := changed(d.mine, now)
	d.mine = now
	if !ok {
		return nil, nil
	}
	lo, hi = d.region(lo, hi)
	// A copy, so that the items do not hold the whole of now in memory
	// after the next edit has replaced it.
	in = Diff(slices.Clone(within(now, lo, hi)), within(d.theirs, lo, hi))
	kept := make([]DiffItem, 0, len(d.items)+len(in))
	for _, it := range d.items {
		if s, e := it.Extent(); s < hi && lo < e {
			out = append(out, it)
		} else {
			kept = append(kept, it)
		}
	}
	// Kept items lie wholly before the region or wholly after it.
	at := sort.Search(len(kept), func(i int) bool { s, _ := kept[i].Extent(); return s >= hi })
	d.items = slices.Insert(kept, at, in...)
	return out, in
}

// changed returns the smallest range holding every annotation of old and
// of now, both in annotate.CompareAnnotations order, that the other
// lacks, comparing what a diff compares: range, label and attribute
// values. ok is false when they hold the same.
func changed(old, now []annotate.Annotation) (lo, hi int, ok bool) {
	lo, hi = math.MaxInt, math.MinInt
	add := func(a annotate.Annotation) {
		lo, hi, ok = min(lo, a.Start), max(hi, a.End), true
	}
	i, j := 0, 0
	for i < len(old) && j < len(now) {
		switch c := annotate.CompareAnnotations(old[i], now[j]); {
		case c < 0:
			add(old[i])
			i++
		case c > 0:
			add(now[j])
			j++
		default:
			if old[i].Label != now[j].Label || !old[i].Attributes.Equal(now[j].Attributes) {
				add(old[i])
			}
			i++
			j++
		}
	}
	for _, a := range old[i:] {
		add(a)
	}
	for _, a := range now[j:] {
		add(a)
	}
	return lo, hi, ok
}

// region widens [lo, hi) until no annotation of either side and no item
// overlaps it without lying inside it. The annotations inside then pair
// only among themselves, and the items that overlap it hold only them.
func (d *DocDiff) region(lo, hi int) (int, int) {
	for {
		wlo, whi := lo, hi
		widen := func(start, end int) {
			if start < whi && wlo < end {
				wlo, whi = min(wlo, start), max(whi, end)
			}
		}
		for _, a := range d.mine {
			widen(a.Start, a.End)
		}
		for _, a := range d.theirs {
			widen(a.Start, a.End)
		}
		for _, it := range d.items {
			widen(it.Extent())
		}
		if wlo == lo && whi == hi {
			return lo, hi
		}
		lo, hi = wlo, whi
	}
}

// within returns the annotations of anns, in annotate.CompareAnnotations
// order, that start in [lo, hi): after region, those that overlap it.
func within(anns []annotate.Annotation, lo, hi int) []annotate.Annotation {
	i := sort.Search(len(anns), func(k int) bool { return anns[k].Start >= lo })
	j := sort.Search(len(anns), func(k int) bool { return anns[k].Start >= hi })
	return anns[i:j]
}

// Counts returns the document's exact-match counts, from the diff: its
// agreed items, and those whose only difference is in attribute values,
// are its exact matches.
func (d *DocDiff) Counts() Counts {
	c := Counts{A: len(d.mine), B: len(d.theirs)}
	for _, it := range d.items {
		if it.Class == Agreed || it.Class == AttrDiff {
			c.Matched++
		}
	}
	return c
}
