package app

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"spanmark/annotate"
	"spanmark/annotate/agree"
)

// docDiff holds the differences between my annotations of a document and
// theirs, kept up to date as mine change. Package agree pairs only
// annotations whose ranges overlap, so an edit can change the classes
// only of annotations joined to it by a chain of overlaps: update diffs
// again just the stretch of text such chains cover and keeps the other
// items, and an edit costs about as much in a long document as in a short
// one.
type docDiff struct {
	mine   []annotate.Annotation // as last diffed, in byPosition order
	theirs []annotate.Annotation // in byPosition order; never changed
	items  []agree.DiffItem      // in agree.Diff's order
}

// byPosition orders annotations as the session does: by start, then end,
// then id.
func byPosition(a, b annotate.Annotation) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.ID, b.ID))
}

// newDocDiff diffs mine, in byPosition order, against theirs. It keeps
// mine, which the caller must not change, and a sorted copy of theirs.
func newDocDiff(mine, theirs []annotate.Annotation) *docDiff {
	theirs = slices.Clone(theirs)
	slices.SortFunc(theirs, byPosition)
	return &docDiff{mine: mine, theirs: theirs, items: agree.Diff(mine, theirs)}
}

// update diffs again after mine became now, in byPosition order, which
// the caller must not change afterwards. It returns the items it took
// out and those it put in their place.
func (d *docDiff) update(now []annotate.Annotation) (out, in []agree.DiffItem) {
	lo, hi, ok := changed(d.mine, now)
	d.mine = now
	if !ok {
		return nil, nil
	}
	lo, hi = d.region(lo, hi)
	// A copy, so that the items do not hold the whole of now in memory
	// after the next edit has replaced it.
	in = agree.Diff(slices.Clone(within(now, lo, hi)), within(d.theirs, lo, hi))
	kept := make([]agree.DiffItem, 0, len(d.items)+len(in))
	for _, it := range d.items {
		if e := extent(it); e[0] < hi && lo < e[1] {
			out = append(out, it)
		} else {
			kept = append(kept, it)
		}
	}
	// Kept items lie wholly before the region or wholly after it.
	at := sort.Search(len(kept), func(i int) bool { return extent(kept[i])[0] >= hi })
	d.items = slices.Insert(kept, at, in...)
	return out, in
}

// changed returns the smallest range holding every annotation of old and
// of now, both in byPosition order, that the other lacks, comparing what
// a diff compares: range and label. ok is false when they hold the same.
func changed(old, now []annotate.Annotation) (lo, hi int, ok bool) {
	lo, hi = math.MaxInt, math.MinInt
	add := func(a annotate.Annotation) {
		lo, hi, ok = min(lo, a.Start), max(hi, a.End), true
	}
	i, j := 0, 0
	for i < len(old) && j < len(now) {
		switch c := byPosition(old[i], now[j]); {
		case c < 0:
			add(old[i])
			i++
		case c > 0:
			add(now[j])
			j++
		default:
			if old[i].Label != now[j].Label {
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
func (d *docDiff) region(lo, hi int) (int, int) {
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
			e := extent(it)
			widen(e[0], e[1])
		}
		if wlo == lo && whi == hi {
			return lo, hi
		}
		lo, hi = wlo, whi
	}
}

// within returns the annotations of anns, in byPosition order, that start
// in [lo, hi): after region, those that overlap it.
func within(anns []annotate.Annotation, lo, hi int) []annotate.Annotation {
	i := sort.Search(len(anns), func(k int) bool { return anns[k].Start >= lo })
	j := sort.Search(len(anns), func(k int) bool { return anns[k].Start >= hi })
	return anns[i:j]
}

// counts returns the document's exact-match counts, from the diff: its
// agreed items are its exact matches.
func (d *docDiff) counts() agree.Counts {
	c := agree.Counts{A: len(d.mine), B: len(d.theirs)}
	for _, it := range d.items {
		if it.Class == agree.Agreed {
			c.Matched++
		}
	}
	return c
}
