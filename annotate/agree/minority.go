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

// MinorityDiff returns the items of the minority's spans, minority, that
// mine does not have exactly (start, end and label), each with class
// Minority, in Diff's order. They are paired with mine as Diff pairs
// them, once the spans mine has are set aside, so that an item's A is my
// annotation whose label or boundaries the minority gives otherwise, if
// any. Mine pairs with the majority in a review too, so an annotation of
// mine can be in both diffs.
func MinorityDiff(mine, minority []annotate.Annotation) []DiffItem {
	have := make(map[spanKey]bool, len(mine))
	for _, a := range mine {
		have[keyOf(a)] = true
	}
	var lack []annotate.Annotation
	for _, a := range minority {
		if !have[keyOf(a)] {
			lack = append(lack, a)
		}
	}
	var out []DiffItem
	for _, it := range Diff(mine, lack) {
		if it.B != nil {
			it.Class = Minority
			out = append(out, it)
		}
	}
	return out
}
