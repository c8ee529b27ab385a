package agree

import "spanmark/annotate"

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

// MinorityDiff diffs mine against minority, the spans some inputs have
// but not most, and returns the items that hold a minority span mine does
// not have exactly (start, end and label), in Diff's order, each with
// class Minority; its A is the annotation of mine that Diff paired it
// with, if any. Mine pairs with the majority in a review too, so an
// annotation of mine can be in both diffs.
func MinorityDiff(mine, minority []annotate.Annotation) []DiffItem {
	var out []DiffItem
	for _, it := range Diff(mine, minority) {
		switch it.Class {
		case BoundaryDiff, LabelDiff, OnlyB:
			it.Class = Minority
			out = append(out, it)
		}
	}
	return out
}
