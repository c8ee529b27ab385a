package agree

import (
	"sort"

	"spanmark/annotate"
)

// A review of mine against the majority of several files shows only the
// spans that most files have; the spans that some files have but not most
// would stay unseen, and a reviewer could not take one. Outvoted finds
// them and MinorityDiff pairs them with mine, so that a review shows them
// beside the majority's differences.

// Outvoted returns the votes, made over n inputs, whose spans s does not
// keep: those too few of the inputs have.
func Outvoted(votes []SpanVote, n int, s Strategy) []SpanVote {
	var out []SpanVote
	for _, v := range votes {
		if !s.keeps(len(v.Inputs), n) {
			out = append(out, v)
		}
	}
	return out
}

// MinorityDiff returns the items of the minority's spans, minority, that
// mine does not have exactly (start, end and label), each with class
// Minority, in Diff's order; both are in [annotate.CompareAnnotations]
// order. They are paired with mine as Diff pairs them, once the spans
// mine has are set aside, so that an item's A is (a copy of) my
// annotation whose label or boundaries the minority gives otherwise, if
// any. Mine pairs with the majority in a review too, so an annotation of
// mine can be in both diffs.
//
// A review calls it after every edit, so it diffs only those of mine that
// overlap a span mine lacks: Diff pairs nothing else with them, and the
// minority's spans are usually few beside mine.
func MinorityDiff(mine, minority []annotate.Annotation) []DiffItem {
	var lack []annotate.Annotation
	for _, a := range minority {
		if !hasSpan(mine, a) {
			lack = append(lack, a)
		}
	}
	if len(lack) == 0 {
		return nil
	}
	cover := coverOf(lack)
	var near []annotate.Annotation
	for _, a := range mine {
		if covers(cover, a.Start, a.End) {
			near = append(near, a)
		}
	}
	var out []DiffItem
	for _, it := range Diff(near, lack) {
		if it.B != nil {
			it.Class = Minority
			out = append(out, it)
		}
	}
	return out
}

// hasSpan reports whether anns, in annotate.CompareAnnotations order,
// hold an annotation with the start, end and label of a.
func hasSpan(anns []annotate.Annotation, a annotate.Annotation) bool {
	i := sort.Search(len(anns), func(k int) bool {
		return anns[k].Start > a.Start || anns[k].Start == a.Start && anns[k].End >= a.End
	})
	for ; i < len(anns) && anns[i].Start == a.Start && anns[i].End == a.End; i++ {
		if anns[i].Label == a.Label {
			return true
		}
	}
	return false
}

// coverOf returns the stretches of text that anns, sorted by start,
// cover: disjoint ranges, in order.
func coverOf(anns []annotate.Annotation) [][2]int {
	var out [][2]int
	for _, a := range anns {
		if n := len(out); n > 0 && a.Start <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], a.End)
			continue
		}
		out = append(out, [2]int{a.Start, a.End})
	}
	return out
}

// covers reports whether [start, end) overlaps a range of cover.
func covers(cover [][2]int, start, end int) bool {
	// The first range that ends after start is the only one that can.
	i := sort.Search(len(cover), func(k int) bool { return cover[k][1] > start })
	return i < len(cover) && cover[i][0] < end
}
